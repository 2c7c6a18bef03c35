package org.tongban.application;

import java.time.Instant;

/**
 * What other modules may know of an application: who applied (and for which enterprise), for what, where it
 * stands. The answers themselves are read through {@link Applications#formData}, by callers that record the read.
 *
 * @param applicantIdNumber the applicant's verified resident ID number, when the identity provider holds one
 */
public record ApplicationSummary(String id, String number, String serviceCode, int definitionVersion,
        String applicantSubject, String applicantName, String applicantEmail, String applicantIdNumber,
        String enterpriseUscc, String enterpriseName, ApplicationStatus status, Instant submittedAt,
        String workflowInstanceId) {
}
