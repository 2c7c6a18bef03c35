package org.tongban.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recorded transition: who did what at which step, when and why.
 *
 * @param actorDepartment the department the actor acted for (null for the applicant and the system)
 * @param items           the answers and materials a correction request named
 * @param target          the step a return (退回) went back to; the official a dispatching approval (派单) named;
 *                        the {@code department:role} an escalation handed the task to
 * @param migration       for a move to another version of the definition (action {@code migrate}): from which
 *                        version to which, and where the waiting steps went; null for every other action
 */
public record HistoryEntry(int sequence, String step, String action, String actor, String actorDepartment,
        String reason, List<String> items, String target, Instant at, Migration migration) {

    /** The action of a move to another definition version (迁移). */
    public static final String MIGRATE = "migrate";

    public HistoryEntry {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public HistoryEntry(int sequence, String step, String action, String actor, String actorDepartment,
            String reason, List<String> items, String target, Instant at) {
        this(sequence, step, action, actor, actorDepartment, reason, items, target, at, null);
    }

    /** A move between definition versions: {@code steps} maps the waiting steps, old id → new id. */
    public record Migration(int fromVersion, int toVersion, Map<String, String> steps) {

        public Migration {
            steps = steps == null ? Map.of() : Map.copyOf(steps);
        }
    }
}
