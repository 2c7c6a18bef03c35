package org.tongban.application.internal;

import org.tongban.shared.ProblemCode;

/** Why the application module refused. */
enum ApplicationProblem implements ProblemCode {
    /** No such application, or not the caller's: strangers never learn that it exists. */
    NOT_FOUND("not-found", Kind.NOT_FOUND),
    /** Only a draft can be changed this way. */
    NOT_A_DRAFT("workflow-not-allowed", Kind.CONFLICT),
    /** The draft was changed meanwhile (another tab, another device). */
    EDITED_ELSEWHERE("conflict", Kind.CONFLICT),
    /** No correction is open for this step. */
    NOT_IN_CORRECTION("workflow-not-allowed", Kind.CONFLICT),
    /** A correction changed answers that were not flagged; the errors name them. */
    NOT_FLAGGED("validation-failed", Kind.INVALID),
    /** Answers that do not fit the form; the errors name them. */
    INVALID_ANSWERS("validation-failed", Kind.INVALID),
    /** Required documents are missing; the errors name them. */
    MATERIALS_MISSING("materials-missing", Kind.INVALID),
    /** The service is for another audience (businesses only, or people only). */
    NOT_FOR_YOU("forbidden", Kind.FORBIDDEN),
    BAD_IDEMPOTENCY_KEY("invalid-request", Kind.INVALID),
    /** More open drafts than a person may keep. */
    TOO_MANY_DRAFTS("application-too-many-drafts", Kind.INVALID),
    /** More documents than an application (or a material) may have. */
    TOO_MANY_ATTACHMENTS("attachment-too-many", Kind.INVALID),
    /** During a correction only flagged materials may change. */
    ATTACHMENT_NOT_FLAGGED("attachment-not-flagged", Kind.CONFLICT),
    /** The service does not read this dataset. */
    NO_SUCH_SOURCE("not-found", Kind.NOT_FOUND),
    /** The department has no (such) record about the applicant: answer and upload instead. */
    SOURCE_RECORD_GONE("application-source-no-record", Kind.CONFLICT),
    /** Several records fit (two children): the applicant says which. */
    SOURCE_CHOICE_NEEDED("application-source-choose", Kind.INVALID),
    ATTACHMENT_UNKNOWN_MATERIAL("attachment-unknown-material", Kind.INVALID),
    ATTACHMENT_EMPTY("attachment-empty", Kind.INVALID),
    ATTACHMENT_TOO_LARGE("attachment-too-large", Kind.TOO_LARGE),
    ATTACHMENT_TYPE_NOT_ALLOWED("attachment-type-not-allowed", Kind.UNSUPPORTED_TYPE),
    ATTACHMENT_BAD_NAME("attachment-bad-name", Kind.INVALID),
    ATTACHMENT_INFECTED("attachment-infected", Kind.INVALID);

    private final String slug;
    private final Kind kind;

    ApplicationProblem(String slug, Kind kind) {
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
