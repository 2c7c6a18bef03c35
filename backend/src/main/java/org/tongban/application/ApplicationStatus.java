package org.tongban.application;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an application (办件) stands, as the applicant's list shows it. */
public enum ApplicationStatus {
    /** Being filled in (草稿); only the applicant sees it. */
    DRAFT("draft"),
    /** Submitted and moving through its departments (办理中). */
    IN_PROGRESS("in-progress"),
    /** Waiting for the applicant to correct flagged items (待补正); the step's clock is paused. */
    CORRECTION("correction"),
    /** Decided: approved (办结·准予). */
    APPROVED("approved"),
    /** Decided: rejected (不予办理). */
    REJECTED("rejected"),
    /** Withdrawn by the applicant before a decision (已撤回). */
    WITHDRAWN("withdrawn"),
    /** A draft the applicant threw away; nobody sees it any more. */
    DISCARDED("discarded");

    private final String code;

    ApplicationStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Submitted and not yet decided. */
    public boolean running() {
        return this == IN_PROGRESS || this == CORRECTION;
    }

    public static ApplicationStatus of(String code) {
        for (ApplicationStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        // rows written before the status was an enum said "submitted" for a moment inside the submission
        if ("submitted".equals(code)) {
            return IN_PROGRESS;
        }
        throw new IllegalArgumentException("Unknown application status " + code);
    }
}
