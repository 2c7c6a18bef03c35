package org.tongban.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WaitingStep;
import org.tongban.workflow.WorkflowQueries;

/**
 * The queues, from {@code workflow_task} with its instance: filtered, counted and paged in the database (index
 * {@code (department, status, due_at)}), so a queue's first page costs the same with a million applications stored;
 * claims are conditional updates.
 */
@Component
class JdbcWorkflowQueries implements WorkflowQueries {

    private static final String COLUMNS = """
            t.instance_id, i.service_code, i.definition_version, t.step_id, t.branch_id, t.department, t.role,
                t.status, t.activated_at, t.warn_at, t.due_at, t.claimed_by, i.application_id, i.reference, i.applicant_name""";
    private static final String FROM = " FROM workflow_task t JOIN workflow_instance i ON i.id = t.instance_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcWorkflowQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Page queue(Set<String> departments, Set<String> roles, String serviceCode, InstanceView.Light light,
            String claimedBy, String search, int page, int size) {
        Map<InstanceView.Light, Long> counts = new EnumMap<>(InstanceView.Light.class);
        if (departments.isEmpty()) {
            List.of(InstanceView.Light.GREEN, InstanceView.Light.YELLOW, InstanceView.Light.RED)
                    .forEach(each -> counts.put(each, 0L));
            return new Page(List.of(), 0, counts);
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        // applicant steps wait for the applicant, in nobody's queue
        StringBuilder where = new StringBuilder(" WHERE t.status = 'ACTIVE' AND t.role <> '")
                .append(org.tongban.workflow.Step.Applicant.ROLE).append("' AND t.department IN (")
                .append(placeholders(departments.size())).append(")");
        List<Object> params = new ArrayList<>(departments);
        if (!roles.isEmpty()) {
            // realm roles hold in every department of the person; a department's own role (department:role) in it only
            List<String> plain = roles.stream().filter(role -> role.indexOf(':') < 0).sorted().toList();
            List<String> own = roles.stream().filter(role -> role.indexOf(':') > 0).sorted().toList();
            where.append(" AND (").append(plain.isEmpty() ? "1 = 0"
                    : "t.role IN (" + placeholders(plain.size()) + ")");
            params.addAll(plain);
            for (String held : own) {
                where.append(" OR (t.department = ? AND t.role = ?)");
                params.add(held.substring(0, held.indexOf(':')));
                params.add(held.substring(held.indexOf(':') + 1));
            }
            where.append(")");
        }
        if (serviceCode != null && !serviceCode.isBlank()) {
            where.append(" AND i.service_code = ?");
            params.add(serviceCode);
        }
        if (claimedBy != null) {
            where.append(" AND t.claimed_by = ?");
            params.add(claimedBy);
        }
        if (search != null && !search.isBlank()) {
            // a citizen on the phone reads out (part of) their application number, or the clerk types a name
            String wanted = "%" + escape(search.strip()) + "%";
            where.append(" AND (i.reference LIKE ? ESCAPE '!' OR i.applicant_name LIKE ? ESCAPE '!')");
            params.add(wanted.toUpperCase(Locale.ROOT));
            params.add(wanted);
        }
        List<Object> countParams = new ArrayList<>(List.of(at, at, at, at));
        countParams.addAll(params);
        jdbc.sql("SELECT SUM(CASE WHEN t.warn_at > ? THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.warn_at <= ? AND t.due_at > ? THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN t.due_at <= ? THEN 1 ELSE 0 END)" + FROM + where)
                .params(countParams)
                .query(rs -> {
                    counts.put(InstanceView.Light.GREEN, rs.getLong(1));
                    counts.put(InstanceView.Light.YELLOW, rs.getLong(2));
                    counts.put(InstanceView.Light.RED, rs.getLong(3));
                });
        if (light != null) {
            switch (light) {
                case GREEN -> {
                    where.append(" AND t.warn_at > ?");
                    params.add(at);
                }
                case YELLOW -> {
                    where.append(" AND t.warn_at <= ? AND t.due_at > ?");
                    params.add(at);
                    params.add(at);
                }
                case RED -> {
                    where.append(" AND t.due_at <= ?");
                    params.add(at);
                }
                case PAUSED -> where.append(" AND 1 = 0");
            }
        }
        long total = light == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(light, 0L);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<WaitingStep> items = total == 0 ? List.of() : jdbc.sql("SELECT " + COLUMNS + FROM + where
                        + " ORDER BY t.due_at, t.activated_at, t.instance_id, t.step_id LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, n) -> row(rs, now)).list();
        return new Page(items, total, counts);
    }

    @Override
    public Optional<WaitingStep> waitingStep(InstanceId instance, String step) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE t.instance_id = ? AND t.step_id = ?")
                .params(instance.value(), step).query((rs, n) -> row(rs, now)).optional();
    }

    @Override
    @Transactional
    public boolean claim(InstanceId instance, String step, String clerk) {
        return jdbc.sql("""
                UPDATE workflow_task SET claimed_by = ?, claimed_at = ?
                WHERE instance_id = ? AND step_id = ? AND (claimed_by IS NULL OR claimed_by = ?)""")
                .params(clerk, Timestamp.from(clock.instant()), instance.value(), step, clerk).update() == 1;
    }

    @Override
    @Transactional
    public boolean release(InstanceId instance, String step, String clerk) {
        return jdbc.sql("""
                UPDATE workflow_task SET claimed_by = NULL, claimed_at = NULL
                WHERE instance_id = ? AND step_id = ? AND claimed_by = ?""")
                .params(instance.value(), step, clerk).update() == 1;
    }

    @Override
    @Transactional
    public boolean reassign(InstanceId instance, String step, String clerk) {
        return jdbc.sql("UPDATE workflow_task SET claimed_by = ?, claimed_at = ? WHERE instance_id = ? AND step_id = ?")
                .params(clerk, clerk == null ? null : Timestamp.from(clock.instant()), instance.value(), step)
                .update() == 1;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** LIKE wildcards typed by a person are searched for, not interpreted. */
    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static WaitingStep row(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        boolean paused = "CORRECTION".equals(rs.getString(8));
        Instant warn = Times.instant(rs.getObject(10));
        Instant due = Times.instant(rs.getObject(11));
        return new WaitingStep(new InstanceId(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), paused ? "correction" : "active",
                Times.instant(rs.getObject(9)), due, Deadlines.light(now, warn, due, paused), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15));
    }
}
