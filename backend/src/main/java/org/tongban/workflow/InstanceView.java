package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * An application's workflow as stored: readable without the engine.
 *
 * @param status   running, approved, rejected or withdrawn
 * @param version  increases with every transition (optimistic locking)
 * @param endState the named end state (办结状态) it ended in, when its definition names them; else null
 */
public record InstanceView(InstanceId id, String serviceCode, int definitionVersion, String status,
        String certificateType, List<ActiveStep> activeSteps, long version, Instant startedAt, Instant endedAt,
        String endState) {

    public InstanceView(InstanceId id, String serviceCode, int definitionVersion, String status,
            String certificateType, List<ActiveStep> activeSteps, long version, Instant startedAt, Instant endedAt) {
        this(id, serviceCode, definitionVersion, status, certificateType, activeSteps, version, startedAt, endedAt,
                null);
    }

    public boolean running() {
        return "running".equals(status);
    }

    /**
     * A step waiting for someone: a clerk of {@code department} with {@code role}, or the applicant while
     * {@code status} is correction (the step's clock is paused then), or the applicant at an applicant step
     * ({@code role} is {@link Step.Applicant#ROLE}).
     */
    public record ActiveStep(String step, String branch, String department, String role, String status,
            Instant activatedAt, Instant dueAt, Light light) {
    }

    /** The time-limit light of a step: green, yellow in its last working day, red when overdue. */
    public enum Light { GREEN, YELLOW, RED, PAUSED }
}
