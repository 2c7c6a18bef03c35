package org.tongban.workflow;

import java.util.List;
import java.util.Map;

/**
 * Moving running applications of a service from the definition version they started on to a later one (迁移), as
 * the service's department admin (or the platform admin) decides. Normally an application stays on its version for
 * good; a migration is the deliberate exception, e.g. when a law changes a step. Each waiting step goes to the step
 * of the new version the mapping names (a step with the same id by default); an application whose waiting steps have
 * no clean place in the new version is left where it is, with the reasons.
 *
 * <p>Refusals of the request as a whole are {@link org.tongban.shared.DomainException}s: {@link
 * WorkflowProblem#NOT_FOUND} (no such service), {@link WorkflowProblem#MIGRATION_NOT_OWNER} (not the owning
 * department's admin) and {@link WorkflowProblem#BAD_MIGRATION} (unknown version, the target not later than the
 * source, a step the mapping names that does not exist), with one error per mistake. Nothing changes then.
 */
public interface WorkflowMigrations {

    /**
     * What a department admin asks for.
     *
     * @param stepMapping old step id → new step id; a waiting step it does not name goes to the step with the same id
     */
    record Request(int fromVersion, int toVersion, Map<String, String> stepMapping) {

        public Request {
            // in the order given, and null targets kept: the check names them as mistakes
            stepMapping = stepMapping == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepMapping));
        }
    }

    /**
     * A step an application waits at: its id, its parallel branch (null at the top level) and whether the applicant
     * is correcting it (补正).
     */
    record Placement(String step, String branch, boolean correction) {
    }

    /**
     * Why an application cannot move. The codes: {@code step-removed} (the waiting step is not in the new version and
     * the mapping does not name it), {@code not-a-task} (it maps to a step where no application waits: a decision, an
     * automatic or a parallel step), {@code kind-changed} (a clerk's step maps to a step for the applicant, or the
     * other way round),
     * {@code parallel-changed} (the parallel step it waits in is not a parallel step with the same branches in the
     * new version), {@code branch-changed} (a branch's step maps outside its branch, or a top-level step into one),
     * {@code correction-not-allowed} (the applicant is correcting it and the new step does not allow correction),
     * {@code not-waiting} (the application does not wait at a clerk's or the applicant's step).
     *
     * @param step   the waiting step concerned (of the old version)
     * @param target the step it would go to (of the new version), if any
     */
    record Blocker(String code, String step, String target) {

        public static final String STEP_REMOVED = "step-removed";
        public static final String NOT_A_TASK = "not-a-task";
        public static final String KIND_CHANGED = "kind-changed";
        public static final String PARALLEL_CHANGED = "parallel-changed";
        public static final String BRANCH_CHANGED = "branch-changed";
        public static final String CORRECTION_NOT_ALLOWED = "correction-not-allowed";
        public static final String NOT_WAITING = "not-waiting";
    }

    /**
     * One running application's move: its workflow, its application (id and 办件编号), the workflow's version (the
     * optimistic lock the move is checked against), where it waits now and where it lands. Blocked when
     * {@code blockers} is not empty: then {@code to} is empty and nothing is changed.
     */
    record Move(InstanceId instance, String applicationId, String reference, long version, List<Placement> from,
            List<Placement> to, List<Blocker> blockers) {

        public Move {
            from = List.copyOf(from);
            to = List.copyOf(to);
            blockers = List.copyOf(blockers);
        }

        public boolean blocked() {
            return !blockers.isEmpty();
        }
    }

    /**
     * A dry run: the two versions, where every step an application can wait at goes ({@code stepMapping}: old step →
     * new step, null when it has no place in the new version), and the move of every application running on the old
     * version, oldest first.
     */
    record Plan(PublishedDefinition from, PublishedDefinition to, Map<String, String> stepMapping, List<Move> moves) {
    }

    /** Checks the request and the actor, and lists what a migration would do now; changes nothing. */
    Plan plan(String serviceCode, Request request, Actor actor);

    /**
     * Moves one application's workflow in the caller's transaction (or its own), checked again now: a move with
     * blockers changes nothing; {@link WorkflowProblem#STALE} when the workflow is no longer at
     * {@code expectedVersion} (someone acted on it since the plan). A move is recorded in the application's history
     * (action {@code migrate}) and announced as {@link WorkflowEvents.WorkflowMigrated}; waiting steps keep their claim
     * and escalation (unless the new version gives the step to another department or role) and their time limits.
     */
    Move migrate(String serviceCode, Request request, InstanceId instance, long expectedVersion, Actor actor);
}
