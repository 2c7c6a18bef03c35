package org.tongban.workflow;

import java.time.Instant;

/**
 * A step waiting in a department's queue, as the workbench lists it, with the application's 办件编号 and the
 * applicant's name as given at start.
 */
public record WaitingStep(InstanceId instanceId, String serviceCode, int definitionVersion, String step, String branch,
        String department, String role, String status, Instant activatedAt, Instant dueAt, InstanceView.Light light,
        String claimedBy, String applicationId, String reference, String applicantName) {
}
