package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What the workflow module announces. Published in the transaction of the transition, through the
 * event publication registry: a listener that fails gets the event again, nothing is lost.
 */
public final class WorkflowEvents {

    private WorkflowEvents() {
    }

    /** An application started its workflow on a definition version. */
    public record WorkflowStarted(String instanceId, String serviceCode, int definitionVersion, String applicant) {
    }

    /** A step now waits in a department's queue, due at {@code dueAt}. */
    public record StepActivated(String instanceId, String step, String department, String role, Instant dueAt) {
    }

    /** An actor acted on a step: approve, reject, correction, resubmit, return, withdraw, auto. */
    public record StepCompleted(String instanceId, String step, String action, String actor, String reason) {
    }

    /** A clerk asked the applicant to correct these items; the step's clock is paused. */
    public record CorrectionRequested(String instanceId, String step, String department, List<String> items,
            String reason) {
    }

    /** An automatic step ran (e.g. issue-certificate of {@code certificateType}). */
    public record AutomaticStepExecuted(String instanceId, String step, String action, String certificateType) {
    }

    /** The application reached an outcome: approved, rejected or withdrawn. */
    public record WorkflowEnded(String instanceId, String serviceCode, String outcome, String certificateType) {
    }

    /** A step entered its last working day (yellow light). */
    public record TimeLimitWarning(String instanceId, String step, String department, Instant dueAt) {
    }

    /** A step passed its time limit (red light). */
    public record TimeLimitOverdue(String instanceId, String step, String department, Instant dueAt) {
    }

    /** A step is still overdue a working day later: escalate to the department's admins. */
    public record TimeLimitEscalated(String instanceId, String step, String department, Instant dueAt) {
    }
}
