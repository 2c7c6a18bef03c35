package org.tongban.workbench.internal;

import org.tongban.shared.ProblemCode;

/** Why the workbench refused. */
enum WorkbenchProblem implements ProblemCode {
    NOT_FOUND("not-found", Kind.NOT_FOUND),
    /** The step belongs to another department or role. */
    NOT_YOUR_STEP("workflow-not-your-step", Kind.FORBIDDEN),
    /** Another clerk holds the step. */
    CLAIMED("workflow-claimed", Kind.CONFLICT),
    /** A reassignment to someone who may not process the step. */
    NOT_A_CANDIDATE("workflow-not-a-candidate", Kind.INVALID),
    /** The step may not open this document. */
    MATERIAL_NOT_VISIBLE("forbidden", Kind.FORBIDDEN),
    INVALID_QUERY("invalid-request", Kind.INVALID);

    private final String slug;
    private final Kind kind;

    WorkbenchProblem(String slug, Kind kind) {
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
