package org.tongban.workbench;

import org.tongban.workflow.WorkflowEvents;

/**
 * A department admin gave a waiting step to another official of the department (or back to the
 * queue when {@code to} is null). Subjects are the identity provider's.
 *
 * @param ref    the application's workflow the step belongs to
 * @param from   who held the step before, or null when nobody did
 * @param reason why, in the admin's words (may be empty)
 */
public record TaskReassigned(WorkflowEvents.Ref ref, String step, String department, String from, String to, String by,
        String reason) {
}
