package org.tongban.workflow;

import org.tongban.shared.ProblemCode;

/** Why the workflow module refused a command or a publication. */
public enum WorkflowProblem implements ProblemCode {
    /** No such application workflow, or not one the caller may know of. */
    NOT_FOUND("not-found", Kind.NOT_FOUND),
    /** Someone else acted on the application first. */
    STALE("workflow-stale", Kind.CONFLICT),
    /** Not possible at this point of the workflow. */
    NOT_ALLOWED("workflow-not-allowed", Kind.CONFLICT),
    /** Another clerk holds the step. */
    CLAIMED("workflow-claimed", Kind.CONFLICT),
    /** The step belongs to another department or role. */
    NOT_YOUR_STEP("workflow-not-your-step", Kind.FORBIDDEN),
    /** Only the applicant may do this. */
    NOT_THE_APPLICANT("forbidden", Kind.FORBIDDEN),
    /** A required reason or list of items is missing. */
    INCOMPLETE_COMMAND("validation-failed", Kind.INVALID),
    /** A correction may only name what the step itself may see; the problem lists the others. */
    CORRECTION_ITEMS_NOT_VISIBLE("workflow-correction-items", Kind.INVALID),
    /** The service belongs to another department. */
    NOT_OWNER("workflow-not-owner", Kind.FORBIDDEN),
    /** A publication may not move a service to another department; the platform admin does that explicitly. */
    DEPARTMENT_CHANGE("workflow-department-change", Kind.CONFLICT),
    /** A move to the department that already owns the service, or to one that does not exist. */
    BAD_TRANSFER("workflow-bad-transfer", Kind.INVALID),
    /** Moving running applications of a service is for its own department's admins and the platform admin. */
    MIGRATION_NOT_OWNER("workflow-migration-not-owner", Kind.FORBIDDEN),
    /** A migration between versions that do not exist or go backwards, or naming steps that do not exist. */
    BAD_MIGRATION("workflow-bad-migration", Kind.INVALID);

    private final String slug;
    private final Kind kind;

    WorkflowProblem(String slug, Kind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
