package org.tongban.workflow;

import java.util.List;
import java.util.Map;

/** One step of a workflow. Step ids are unique across a definition, parallel branches included. */
public sealed interface Step permits Step.Task, Step.Decision, Step.Parallel, Step.Automatic {

    /** Where a finished application ends: approved, rejected or withdrawn by the applicant. */
    List<String> OUTCOMES = List.of("approved", "rejected", "withdrawn");

    String id();

    LocalizedText name();

    /**
     * A clerk's step (办理环节): the application waits in the department's queue until a clerk of the
     * given role approves, rejects, asks for correction (补正) or returns it to an earlier step (退回).
     *
     * @param branch the parallel branch it belongs to, or null at the top level
     * @param next   where approval leads; null for a task inside a branch (the next task or the join)
     */
    record Task(String id, LocalizedText name, String department, String role, Integer timeLimitWorkingDays,
            List<String> visibleFields, boolean correction, List<String> returnTo, String next, String branch)
            implements Step {
    }

    /** A choice made from the form data without a clerk: the first true condition wins. */
    record Decision(String id, LocalizedText name, List<Rule> when, String otherwise) implements Step {
    }

    /** One condition of a decision and where it leads. */
    record Rule(String condition, String next) {
    }

    /**
     * Parallel review (并联审批): each branch's tasks run in order, all branches at once; the step
     * completes when every branch has approved.
     *
     * @param onRejection what one department's rejection does: reject-application or request-correction
     */
    record Parallel(String id, LocalizedText name, String onRejection, Map<String, List<Task>> branches,
            String next) implements Step {

        public boolean rejectionRequestsCorrection() {
            return "request-correction".equals(onRejection);
        }
    }

    /** A step without a clerk: issue the certificate, notify. */
    record Automatic(String id, LocalizedText name, String action, String next) implements Step {
    }
}
