package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What the workflow module announces, published in the transaction of the transition (or of the time-limit
 * timer). Listeners that keep projections in the same database (an application's status, inboxes) handle them
 * in that transaction; work outside it (e-mail) is recorded by Spring Modulith's event publication registry and
 * retried until done. Every event carries the {@link Ref} of the application's workflow, so no listener has to
 * ask who the applicant is or which version the application runs on.
 */
public final class WorkflowEvents {

    private WorkflowEvents() {
    }

    /**
     * Which application's workflow: the instance, the application it runs for (its id and 办件编号, given at
     * start), the service and the definition version it runs on, and the applicant's subject.
     */
    public record Ref(String instanceId, String applicationId, String reference, String serviceCode,
            int definitionVersion, String applicant) {
    }

    /** An application started its workflow. */
    public record WorkflowStarted(Ref ref) {
    }

    /** An actor acted on a step: approve, reject, correction, resubmit, return, withdraw. */
    public record StepCompleted(Ref ref, String step, String department, String action, String actor, String reason) {
    }

    /** A clerk asked the applicant to correct these items (answers or materials); the step's clock is paused. */
    public record CorrectionRequested(Ref ref, String step, String department, List<String> items, String reason) {
    }

    /**
     * An automatic step ran in this transition: {@code issue-certificate}, {@code record} or {@code notify} (see
     * {@link Step.Automatic}); whoever carries the action out does so in the same transaction.
     */
    public record AutomaticStepExecuted(Ref ref, String step, String action) {
    }

    /** The application reached an outcome: approved, rejected or withdrawn. */
    public record WorkflowEnded(Ref ref, String outcome) {
    }

    /**
     * A department admin moved the running application to a later version of its definition (迁移); {@code ref}
     * names the new version. {@code steps}: where its waiting steps went, old step id → new step id.
     */
    public record WorkflowMigrated(Ref ref, int fromVersion, java.util.Map<String, String> steps) {
    }

    /** A step entered its last working day (yellow light). */
    public record TimeLimitWarning(Ref ref, String step, String department, Instant dueAt) {
    }

    /** A step passed its time limit (red light). */
    public record TimeLimitOverdue(Ref ref, String step, String department, Instant dueAt) {
    }

    /**
     * A step is still overdue a working day later (a limit in hours: when the hours are over): escalate to the
     * department's admins.
     */
    public record TimeLimitEscalated(Ref ref, String step, String department, Instant dueAt) {
    }

    /** A step now waits for the applicant (申请人确认) until {@code dueAt}; without an answer it continues as confirmed. */
    public record ApplicantStepStarted(Ref ref, String step, Instant dueAt) {
    }

    /** A dispatching clerk named the official who holds the next step (派单). */
    public record TaskAssigned(Ref ref, String step, String department, String assignee, String by) {
    }

    /** An overdue task was handed to another role or department by its escalation (升级转办). */
    public record TaskEscalated(Ref ref, String step, String fromDepartment, String fromRole, String department,
            String role) {
    }
}
