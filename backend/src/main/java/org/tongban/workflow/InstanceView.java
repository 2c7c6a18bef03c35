package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * An application's workflow as stored: readable without the engine.
 *
 * @param status  running, approved, rejected or withdrawn
 * @param version increases with every transition (optimistic locking)
 */
public record InstanceView(InstanceId id, String serviceCode, int definitionVersion, String status,
        String certificateType, List<ActiveStep> activeSteps, long version, Instant startedAt, Instant endedAt) {

    public boolean running() {
        return "running".equals(status);
    }

    /**
     * A step waiting for someone: a clerk of {@code department}, or the applicant while
     * {@code status} is correction (the step's clock is paused then).
     */
    public record ActiveStep(String step, String branch, String department, String role, String status,
            Instant activatedAt, Instant dueAt, Light light) {
    }

    /** The time-limit light of a step: green, yellow in its last working day, red when overdue. */
    public enum Light { GREEN, YELLOW, RED, PAUSED }
}
