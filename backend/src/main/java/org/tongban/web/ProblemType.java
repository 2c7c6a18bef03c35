package org.tongban.web;

import java.net.URI;

/**
 * The stable problem types of the portal's API. Clients may switch on {@link #uri()}; the
 * human-readable title and detail come from the message bundle in the request's language.
 */
public enum ProblemType {
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    CSRF("csrf"),
    NOT_FOUND("not-found"),
    INVALID_REQUEST("invalid-request"),
    VALIDATION_FAILED("validation-failed"),
    METHOD_NOT_ALLOWED("method-not-allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    CONFLICT("conflict"),
    /** Someone else acted on the application first; reload and look again. */
    WORKFLOW_STALE("workflow-stale"),
    /** The action is not possible at this point of the application's workflow. */
    WORKFLOW_NOT_ALLOWED("workflow-not-allowed"),
    /** Another clerk has claimed the step. */
    WORKFLOW_CLAIMED("workflow-claimed"),
    /** The step belongs to another department (or role). */
    WORKFLOW_NOT_YOUR_STEP("workflow-not-your-step"),
    /** A reassignment to someone who may not process the step (not an official of its department with its role). */
    WORKFLOW_NOT_A_CANDIDATE("workflow-not-a-candidate"),
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** A multipart body that cannot be parsed: truncated, a forbidden character in a part's header, no parts. */
    MULTIPART_MALFORMED("multipart-malformed"),
    ATTACHMENT_UNKNOWN_MATERIAL("attachment-unknown-material"),
    ATTACHMENT_EMPTY("attachment-empty"),
    ATTACHMENT_TOO_LARGE("attachment-too-large"),
    ATTACHMENT_TYPE_NOT_ALLOWED("attachment-type-not-allowed"),
    ATTACHMENT_BAD_NAME("attachment-bad-name"),
    ATTACHMENT_INFECTED("attachment-infected"),
    MATERIALS_MISSING("materials-missing"),
    /** A department already has a role, or the portal a department, of this code. */
    ALREADY_EXISTS("already-exists"),
    /** A department's role can only be granted to an official of that department whom the portal knows. */
    NOT_AN_OFFICIAL("not-an-official"),
    /** The database (or another resource the portal needs) cannot be reached right now; try again later. */
    SERVICE_UNAVAILABLE("service-unavailable"),
    INTERNAL("internal");

    private final String slug;

    ProblemType(String slug) {
        this.slug = slug;
    }

    public URI uri() {
        return URI.create("urn:tongban:problem:" + slug);
    }

    /** Message bundle key prefix: {@code problem.<slug>.title} and {@code problem.<slug>.detail}. */
    public String messageKey() {
        return "problem." + slug;
    }
}
