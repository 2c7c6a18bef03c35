package org.tongban.application;

import java.time.Instant;

/** What other modules (the workbench) may know of an application. */
public record ApplicationSummary(String id, String number, String serviceCode, String applicantSubject,
        String applicantName, String applicantEmail, String enterpriseName, String status, Instant submittedAt) {
}
