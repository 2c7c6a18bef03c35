package org.tongban.rating.internal;

import org.tongban.shared.ProblemCode;

/** Why the rating module refused. */
enum RatingProblem implements ProblemCode {
    /** No such application, or not the caller's: strangers never learn that it exists. */
    NOT_FOUND("not-found", Kind.NOT_FOUND),
    /** A draft cannot be rated; a running application only by its handled steps. */
    NOT_RATABLE("rating-not-ratable", Kind.CONFLICT),
    /** The step has not been handled by a department (yet), so there is nothing to rate. */
    STEP_NOT_HANDLED("rating-step-not-handled", Kind.INVALID),
    /** One rating per application (and per step): change it instead. */
    ALREADY_RATED("rating-already-rated", Kind.CONFLICT),
    /** The period in which a rating may be changed is over, and there is no answer to rate again. */
    NOT_CHANGEABLE("rating-not-changeable", Kind.CONFLICT),
    /** The level, the reasons or the comment do not fit; the errors say which. */
    INVALID("validation-failed", Kind.INVALID),
    /** Changed meanwhile (another tab, another admin). */
    EDITED_ELSEWHERE("conflict", Kind.CONFLICT),
    /** The rectification is not one of the caller's departments' (or does not exist). */
    RECTIFICATION_NOT_FOUND("not-found", Kind.NOT_FOUND),
    /** Only a rectification waiting for the department's answer can be answered. */
    RECTIFICATION_NOT_OPEN("rectification-not-open", Kind.CONFLICT),
    /** Only a disputed rectification waits for the platform admin's decision. */
    RECTIFICATION_NOT_DISPUTED("rectification-not-disputed", Kind.CONFLICT),
    /** Not allowed for the caller's role. */
    FORBIDDEN("forbidden", Kind.FORBIDDEN);

    private final String slug;
    private final Kind kind;

    RatingProblem(String slug, Kind kind) {
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
