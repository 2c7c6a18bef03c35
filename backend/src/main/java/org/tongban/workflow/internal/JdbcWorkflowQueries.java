package org.tongban.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.WaitingStep;
import org.tongban.workflow.WorkflowQueries;

/** The queues, from {@code workflow_task}: sorted by deadline, claims as conditional updates. */
@Component
class JdbcWorkflowQueries implements WorkflowQueries {

    private static final String SELECT = """
            SELECT t.instance_id, i.service_code, i.definition_version, t.step_id, t.branch_id, t.department, t.role,
                t.status, t.activated_at, t.warn_at, t.due_at, t.claimed_by
            FROM workflow_task t JOIN workflow_instance i ON i.id = t.instance_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcWorkflowQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<WaitingStep> waiting(Set<String> departments) {
        if (departments.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(departments);
        String placeholders = String.join(", ", departments.stream().map(d -> "?").toList());
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE t.status = 'ACTIVE' AND t.department IN (" + placeholders
                        + ") ORDER BY t.due_at, t.activated_at LIMIT 1000")
                .params(params).query((rs, n) -> row(rs, now)).list();
    }

    @Override
    public Optional<WaitingStep> waitingStep(InstanceId instance, String step) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE t.instance_id = ? AND t.step_id = ?").params(instance.value(), step)
                .query((rs, n) -> row(rs, now)).optional();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean claim(InstanceId instance, String step, String clerk) {
        return jdbc.sql("""
                UPDATE workflow_task SET claimed_by = ?, claimed_at = ?
                WHERE instance_id = ? AND step_id = ? AND (claimed_by IS NULL OR claimed_by = ?)""")
                .params(clerk, Timestamp.from(clock.instant()), instance.value(), step, clerk).update() == 1;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean release(InstanceId instance, String step, String clerk) {
        return jdbc.sql("""
                UPDATE workflow_task SET claimed_by = NULL, claimed_at = NULL
                WHERE instance_id = ? AND step_id = ? AND claimed_by = ?""")
                .params(instance.value(), step, clerk).update() == 1;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public boolean reassign(InstanceId instance, String step, String clerk) {
        return jdbc.sql("UPDATE workflow_task SET claimed_by = ?, claimed_at = ? WHERE instance_id = ? AND step_id = ?")
                .params(clerk, clerk == null ? null : Timestamp.from(clock.instant()), instance.value(), step)
                .update() == 1;
    }

    private static WaitingStep row(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        boolean paused = "CORRECTION".equals(rs.getString(8));
        Instant warn = Times.instant(rs.getObject(10));
        Instant due = Times.instant(rs.getObject(11));
        return new WaitingStep(new InstanceId(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), paused ? "correction" : "active",
                Times.instant(rs.getObject(9)), due, Deadlines.light(now, warn, due, paused), rs.getString(12));
    }
}
