package org.tongban.workflow;

import java.time.Instant;

/** One recorded transition: who did what at which step, when and why. */
public record HistoryEntry(int sequence, String step, String action, String actor, String actorDepartment,
        String reason, String details, String fromState, String toState, Instant at) {
}
