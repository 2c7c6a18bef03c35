package org.tongban.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.workflow.WorkflowEvents;

/**
 * Fires the time limits that fell due: warning (yellow), overdue (red) and escalation, each once per
 * step. Safe with several portal instances: a timer fires for the instance whose conditional update
 * ({@code ... WHERE warned_at IS NULL}) changes the row, in the same transaction as its event; the
 * others change nothing. Steps waiting for a correction have no timer (their clock is paused).
 * <p>
 * Escalation also moves the task when its definition says so (to a role, a department or a step); an applicant step
 * whose time is over continues as confirmed.
 */
public class DeadlineTimers {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JdbcWorkflowEngine engine;

    DeadlineTimers(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions,
            JdbcWorkflowEngine engine) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
    }

    private record Due(WorkflowEvents.Ref ref, String step, String department, Instant warnAt, Instant dueAt,
            Instant escalateAt, boolean warned, boolean overdue, boolean escalated, String role) {

        String instanceId() {
            return ref.instanceId();
        }
    }

    /** Fires everything due now; answers how many timers fired. */
    public int fireDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                SELECT t.instance_id, t.step_id, t.department, t.warn_at, t.due_at, t.escalate_at, t.warned_at,
                    t.overdue_at, t.escalated_at, i.application_id, i.reference, i.service_code, i.definition_version,
                    i.applicant, t.role
                FROM workflow_task t JOIN workflow_instance i ON i.id = t.instance_id
                WHERE t.status = 'ACTIVE' AND t.next_timer_at <= ? ORDER BY t.next_timer_at LIMIT 500""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(new WorkflowEvents.Ref(rs.getString(1), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getInt(13), rs.getString(14)), rs.getString(2), rs.getString(3),
                        Times.instant(rs.getObject(4)), Times.instant(rs.getObject(5)), Times.instant(rs.getObject(6)),
                        rs.getObject(7) != null, rs.getObject(8) != null, rs.getObject(9) != null, rs.getString(15)))
                .list();
        int fired = 0;
        for (Due task : due) {
            Integer count = transactions.execute(status -> fire(task, now));
            fired += count == null ? 0 : count;
        }
        return fired;
    }

    private int fire(Due task, Instant now) {
        if (org.tongban.workflow.Step.Applicant.ROLE.equals(task.role())) {
            // the applicant's time: nobody is warned; when it is over the step continues as confirmed
            if (!now.isBefore(task.dueAt()) && claim(task, "overdue_at", now)) {
                engine.timeOut(new org.tongban.workflow.InstanceId(task.instanceId()), task.step());
                return 1;
            }
            jdbc.sql("UPDATE workflow_task SET next_timer_at = ? WHERE instance_id = ? AND step_id = ? AND status = 'ACTIVE'")
                    .params(Timestamp.from(task.dueAt()), task.instanceId(), task.step()).update();
            return 0;
        }
        int fired = 0;
        boolean warned = task.warned();
        boolean overdue = task.overdue();
        boolean escalated = task.escalated();
        if (!warned && !now.isBefore(task.warnAt()) && claim(task, "warned_at", now)) {
            events.publishEvent(new WorkflowEvents.TimeLimitWarning(task.ref(), task.step(), task.department(),
                    task.dueAt()));
            warned = true;
            fired++;
        }
        if (!overdue && !now.isBefore(task.dueAt()) && claim(task, "overdue_at", now)) {
            events.publishEvent(new WorkflowEvents.TimeLimitOverdue(task.ref(), task.step(), task.department(),
                    task.dueAt()));
            overdue = true;
            fired++;
        }
        if (!escalated && !now.isBefore(task.escalateAt()) && claim(task, "escalated_at", now)) {
            events.publishEvent(new WorkflowEvents.TimeLimitEscalated(task.ref(), task.step(), task.department(),
                    task.dueAt()));
            escalated = true;
            fired++;
            if (engine.escalate(new org.tongban.workflow.InstanceId(task.instanceId()), task.step())) {
                // moved on to another step, or handed over: its row has changed, nothing more to time here
                return fired;
            }
        }
        Instant next = nextTimer(task.warnAt(), task.dueAt(), task.escalateAt(), warned, overdue, escalated);
        jdbc.sql("UPDATE workflow_task SET next_timer_at = ? WHERE instance_id = ? AND step_id = ? AND status = 'ACTIVE'")
                .params(Times.timestamp(next), task.instanceId(), task.step()).update();
        return fired;
    }

    // column names come from the fixed set above, never from input
    private boolean claim(Due task, String column, Instant now) {
        return jdbc.sql("UPDATE workflow_task SET " + column + " = ? WHERE instance_id = ? AND step_id = ? AND "
                        + column + " IS NULL AND status = 'ACTIVE'")
                .params(Timestamp.from(now), task.instanceId(), task.step()).update() == 1;
    }

    static Instant nextTimer(Instant warnAt, Instant dueAt, Instant escalateAt, boolean warned, boolean overdue,
            boolean escalated) {
        if (!warned) {
            return warnAt;
        }
        if (!overdue) {
            return dueAt;
        }
        return escalated ? null : escalateAt;
    }
}
