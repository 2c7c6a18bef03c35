package org.tongban.workflow;

import java.util.List;
import java.util.Map;

/** One step of a workflow. Step ids are unique across a definition, parallel branches included. */
public sealed interface Step permits Step.Task, Step.Applicant, Step.Decision, Step.Parallel, Step.Automatic {

    /** Where a finished application ends: approved, rejected or withdrawn by the applicant. */
    List<String> OUTCOMES = List.of("approved", "rejected", "withdrawn");

    String id();

    LocalizedText name();

    /**
     * A clerk's step (办理环节): the application waits in the department's queue until a clerk of the
     * given role approves, rejects, asks for correction (补正) or returns it to an earlier step (退回).
     *
     * @param visibleFields    the answers the step's clerk may see (数据最小化)
     * @param visibleMaterials the materials (documents, or the shared records standing in for them) the clerk may open
     * @param branch           the parallel branch it belongs to, or null at the top level
     * @param next             where approval leads; null for a task inside a branch (the next task or the join)
     * @param timeLimitHours   the time limit in hours around the clock, instead of working days (e.g. a hotline's
     *                         "contact the citizen within 24 hours")
     * @param escalation       where the task moves when its time limit has passed; null: the escalation only
     *                         notifies the department
     * @param assignsNext      the clerk names the official who will hold the next step (派单)
     * @param onReject         the named end state (outcome rejected) a clerk's rejection ends in; null: rejected
     */
    record Task(String id, LocalizedText name, String department, String role, Integer timeLimitWorkingDays,
            List<String> visibleFields, List<String> visibleMaterials, boolean correction, List<String> returnTo,
            String next, String branch, Integer timeLimitHours, Escalation escalation, boolean assignsNext,
            String onReject) implements Step {

        public Task(String id, LocalizedText name, String department, String role, Integer timeLimitWorkingDays,
                List<String> visibleFields, List<String> visibleMaterials, boolean correction, List<String> returnTo,
                String next, String branch) {
            this(id, name, department, role, timeLimitWorkingDays, visibleFields, visibleMaterials, correction,
                    returnTo, next, branch, null, null, false, null);
        }

        /** The answer is a visible field, or lies inside one ({@code mother.name} inside {@code mother}). */
        public boolean sees(String field) {
            return visibleFields.stream().anyMatch(visible -> field.equals(visible) || field.startsWith(visible + "."));
        }
    }

    /**
     * Where an overdue task goes (升级): to another role of its department (a supervisor), to another department
     * (with a role, clerk when none is given), or on to a named step. Exactly one of {@code role}/{@code department}
     * (a move of the waiting task) and {@code step} (a transition) is set.
     */
    record Escalation(String role, String department, String step) {

        public boolean moves() {
            return step == null;
        }
    }

    /**
     * A step for the applicant after submission (申请人确认): the application waits until the applicant confirms
     * the result, reopens the case with a reason (it goes back to {@code reopenTo}) or supplies information, each
     * with an optional comment. When the time limit passes without an answer the step continues as confirmed
     * (e.g. "a complaint is closed when the citizen does not object within 7 days").
     *
     * @param actions a subset of {@link #CONFIRM}, {@link #REOPEN}, {@link #SUPPLY}
     */
    record Applicant(String id, LocalizedText name, LocalizedText description, List<String> actions,
            Integer timeLimitWorkingDays, Integer timeLimitHours, String reopenTo, String next) implements Step {

        public static final String CONFIRM = "confirm";
        public static final String REOPEN = "reopen";
        public static final String SUPPLY = "supply";
        /** The department and role stored with the waiting step: no clerk's queue shows it. */
        public static final String ROLE = "~applicant";

        public boolean allows(String action) {
            return actions.contains(action);
        }
    }

    /** A named end state (办结状态) and the outcome it counts as: approved or rejected. */
    record End(String id, LocalizedText name, String outcome) {
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

    /**
     * A step without a clerk. {@code issue-certificate} issues the e-certificate {@code certificate} declares;
     * {@code record} writes {@code record} into a department's register through the data exchange;
     * {@code notify} tells the applicant {@code message}.
     */
    record Automatic(String id, LocalizedText name, String action, String next, CertificateSpec certificate,
            RecordSpec record, LocalizedText message) implements Step {

        public static final String ISSUE_CERTIFICATE = "issue-certificate";
        public static final String RECORD = "record";
        public static final String NOTIFY = "notify";
    }

    /**
     * The e-certificate an issue-certificate step issues: its type (a certificate type of the data catalogue), which
     * answers fill which of the type's fields, and how long it is valid (none: no expiry).
     *
     * @param fields the type's field → a form field path, or {@code @dataset.field} for a shared record of the
     *               application (one the applicant agreed to share, or one an earlier record step wrote)
     */
    record CertificateSpec(String type, Map<String, String> fields, Validity validity) {
    }

    /** A validity period: years, months and days after issue. */
    record Validity(int years, int months, int days) {
    }

    /**
     * A record a record step writes into a department's register (e.g. the newborn into the household register).
     *
     * @param values the dataset's field → a form field path or {@code @dataset.field}, as for certificates
     */
    record RecordSpec(String dataset, Map<String, String> values) {
    }
}
