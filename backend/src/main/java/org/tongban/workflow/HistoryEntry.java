package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * One recorded transition: who did what at which step, when and why.
 *
 * @param actorDepartment the department the actor acted for (null for the applicant and the system)
 * @param items           the answers and materials a correction request named
 * @param target          the step a return (退回) went back to; the official a dispatching approval (派单) named;
 *                        the {@code department:role} an escalation handed the task to
 */
public record HistoryEntry(int sequence, String step, String action, String actor, String actorDepartment,
        String reason, List<String> items, String target, Instant at) {

    public HistoryEntry {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
