package org.tongban.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;

/** The log in {@code personal_data_access}; written in the caller's transaction, never updated. */
@Component
class JdbcDataAccessLog implements DataAccessLog {

    private static final String COLUMNS = """
            id, at, owner_person, owner_enterprise, application_id, application_number, actor, actor_name,
            actor_department, kind, purpose, dataset, fields, step_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcDataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(DataUse use) {
        jdbc.sql("""
                INSERT INTO personal_data_access (owner_person, owner_enterprise, application_id, application_number,
                    actor, actor_name, actor_department, kind, purpose, dataset, fields, step_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(use.owner().person(), use.owner().enterprise(), use.applicationId(), use.applicationNumber(),
                        use.actor(), use.actorName(), use.actorDepartment(), use.kind().code(), use.purpose(),
                        use.dataset(), use.fields().isEmpty() ? null : truncate(String.join(",", use.fields()), 2000),
                        use.step(), Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public List<Recorded> ofApplication(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM personal_data_access WHERE application_id = ? ORDER BY at, id")
                .param(applicationId).query(this::row).list();
    }

    @Override
    public List<Recorded> ofOwner(String nationalId, String subject, String enterprise, Instant from, Instant to,
            String department, int limit) {
        List<String> owners = new ArrayList<>();
        if (nationalId != null) {
            owners.add(nationalId);
        }
        owners.add("subject:" + subject);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM personal_data_access WHERE (owner_person IN ("
                + String.join(", ", owners.stream().map(o -> "?").toList()) + ")");
        List<Object> params = new ArrayList<>(owners);
        if (enterprise != null) {
            sql.append(" OR owner_enterprise = ?");
            params.add(enterprise);
        }
        sql.append(")");
        if (from != null) {
            sql.append(" AND at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            params.add(Timestamp.from(to));
        }
        if (department != null) {
            sql.append(" AND actor_department = ?");
            params.add(department);
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private Recorded row(ResultSet rs, int n) throws SQLException {
        String fields = rs.getString("fields");
        String kind = rs.getString("kind");
        DataUse use = new DataUse(new DataUse.Owner(rs.getString("owner_person"), rs.getString("owner_enterprise")),
                rs.getString("application_id"), rs.getString("application_number"), rs.getString("actor"),
                rs.getString("actor_name"), rs.getString("actor_department"),
                DataUse.Kind.of(kind == null ? "task-opened" : kind), rs.getString("purpose"), rs.getString("dataset"),
                fields == null ? List.of() : Arrays.asList(fields.split(",")), rs.getString("step_id"));
        Timestamp at = rs.getTimestamp("at");
        return new Recorded(rs.getLong("id"), at.toInstant(), use);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
