package org.tongban.workflow;

import java.util.List;

/** What an actor asks the engine to do with an application. */
public sealed interface WorkflowCommand {

    /** The step it acts on; null for commands on the whole application. */
    String step();

    /**
     * A clerk approves their step (通过).
     *
     * @param assignee at a step that names the next official ({@code assignsNext}): the subject of the official who
     *                 will hold the next step; otherwise null
     */
    record Approve(String step, String comment, String assignee) implements WorkflowCommand {

        public Approve(String step, String comment) {
            this(step, comment, null);
        }
    }

    /** The applicant confirms the result at an applicant step (确认办结), with an optional comment. */
    record Confirm(String step, String comment) implements WorkflowCommand {
    }

    /** The applicant reopens the case at an applicant step (重新办理); the reason is required. */
    record Reopen(String step, String reason) implements WorkflowCommand {
    }

    /** The applicant supplies information at an applicant step (补充说明); the text is required. */
    record Supply(String step, String text) implements WorkflowCommand {
    }

    /** A clerk rejects (不予办理); the reason is required and shown to the applicant. */
    record Reject(String step, String reason) implements WorkflowCommand {
    }

    /** A clerk sends the application back for correction (补正) of the named items; the clock pauses. */
    record RequestCorrection(String step, List<String> items, String reason) implements WorkflowCommand {
    }

    /**
     * The applicant has corrected the items; the step that asked continues, the clock runs again.
     *
     * @param formData the corrected form data, or null when only attachments changed
     */
    record Resubmit(String step, java.util.Map<String, Object> formData) implements WorkflowCommand {

        public Resubmit(String step) {
            this(step, null);
        }
    }

    /** A clerk returns the application to an earlier step (退回). */
    record ReturnTo(String step, String target, String reason) implements WorkflowCommand {
    }

    /** The applicant withdraws (撤回) before a decision. */
    record Withdraw(String reason) implements WorkflowCommand {
        @Override
        public String step() {
            return null;
        }
    }
}
