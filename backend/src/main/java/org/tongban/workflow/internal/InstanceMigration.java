package org.tongban.workflow.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowEvents;
import org.tongban.workflow.WorkflowMigrations;
import org.tongban.workflow.WorkflowProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Moves running instances to a later version of their definition (迁移). Kept apart from the engine's transitions:
 * a migration fires no machine event; it maps the stored machine state onto the new version's states step by step,
 * then writes like a transition does — the instance first with its optimistic check ({@code WHERE version = ?}), then
 * the waiting steps (renamed in place, so their claims, clocks and timers stay), one history entry and the event, in
 * the caller's transaction.
 *
 * <p>Only moves that map cleanly are made: a waiting step goes to a step of the same kind (a clerk's step, or a step
 * for the applicant) of the new version at the same place — top level stays top level, a parallel branch's step stays
 * in that branch of a parallel step with the same branches — and a step the applicant is correcting (补正) only to a
 * step that allows correction. Anything else is reported and left alone.
 */
class InstanceMigration implements WorkflowMigrations {

    private final JdbcClient jdbc;
    private final JdbcWorkflowDefinitions definitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    InstanceMigration(JdbcClient jdbc, JdbcWorkflowDefinitions definitions, ApplicationEventPublisher events,
            Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    // ---------------------------------------------------------------- the request

    /** A checked request: both versions, parsed, the mapping as asked, the department that owns the service. */
    private record Checked(Published from, Published to, Map<String, String> mapping, String owner) {
    }

    private Checked check(String serviceCode, Request request, Actor actor) {
        Published latest = definitions.findLatest(serviceCode)
                .orElseThrow(() -> new DomainException(WorkflowProblem.NOT_FOUND));
        // the owner is the department of the service as published last, as for publishing
        String owner = latest.department();
        boolean platformAdmin = actor.roles().contains(Role.ADMIN.code());
        boolean ownAdmin = actor.roles().contains(Role.DEPT_ADMIN.code()) && actor.departments().contains(owner);
        if (!platformAdmin && !ownAdmin) {
            throw new DomainException(WorkflowProblem.MIGRATION_NOT_OWNER, definitions.departmentName(owner));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        Optional<Published> from = version(serviceCode, request.fromVersion(), "fromVersion", latest, errors);
        Optional<Published> to = version(serviceCode, request.toVersion(), "toVersion", latest, errors);
        if (from.isPresent() && to.isPresent() && request.toVersion() <= request.fromVersion()) {
            errors.add(error("toVersion", "workflow.migration.not-later", request.toVersion(), request.fromVersion()));
        }
        request.stepMapping().forEach((step, target) -> {
            String field = "stepMapping." + step;
            if (from.isPresent() && from.get().definition().step(step).isEmpty()) {
                errors.add(error(field, "workflow.migration.unknown-source-step", step, request.fromVersion()));
            }
            if (target == null || target.isBlank()) {
                errors.add(error(field, "workflow.migration.no-target", step));
            } else if (to.isPresent() && to.get().definition().step(target).isEmpty()) {
                errors.add(error(field, "workflow.migration.unknown-target-step", target, request.toVersion(), step));
            }
        });
        if (!errors.isEmpty()) {
            throw new DomainException(WorkflowProblem.BAD_MIGRATION, errors);
        }
        return new Checked(from.orElseThrow(), to.orElseThrow(), request.stepMapping(), owner);
    }

    private Optional<Published> version(String serviceCode, int version, String field, Published latest,
            List<Map<String, Object>> errors) {
        Optional<Published> found = version < 1 ? Optional.empty() : definitions.findVersion(serviceCode, version);
        if (found.isEmpty()) {
            errors.add(error(field, "workflow.migration.unknown-version", version, latest.version()));
        }
        return found;
    }

    private static Map<String, Object> error(String field, String code, Object... args) {
        return Map.of("field", field, "message",
                new DefaultMessageSourceResolvable(new String[] {code}, args, code));
    }

    // ---------------------------------------------------------------- the plan

    @Override
    public Plan plan(String serviceCode, Request request, Actor actor) {
        Checked checked = check(serviceCode, request, actor);
        WorkflowDefinition from = checked.from().definition();
        WorkflowDefinition to = checked.to().definition();
        List<Move> moves = jdbc.sql("""
                SELECT id, application_id, reference, state, version FROM workflow_instance
                WHERE definition_id = ? AND status = 'running' ORDER BY started_at, id""")
                .param(checked.from().id())
                .query((rs, n) -> move(new InstanceId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        MachineState.parse(rs.getString(4)), rs.getLong(5), from, to, checked.mapping()))
                .list();
        return new Plan(checked.from(), checked.to(), effectiveMapping(from, to, checked.mapping()), moves);
    }

    /** Every step an application can wait at (a task, a parallel step) → where it goes, or null: nowhere. */
    static Map<String, String> effectiveMapping(WorkflowDefinition from, WorkflowDefinition to,
            Map<String, String> mapping) {
        Map<String, String> effective = new LinkedHashMap<>();
        from.allSteps().values().stream()
                .filter(step -> waits(step) || step instanceof Step.Parallel)
                .forEach(step -> effective.put(step.id(), target(step.id(), mapping, to)));
        return java.util.Collections.unmodifiableMap(effective);
    }

    /** A step an application waits at: a clerk's, or the applicant's (申请人确认). */
    private static boolean waits(Step step) {
        return step instanceof Step.Task || step instanceof Step.Applicant;
    }

    private static Move move(InstanceId id, String applicationId, String reference, MachineState state, long version,
            WorkflowDefinition from, WorkflowDefinition to, Map<String, String> mapping) {
        Landing landing = land(from, to, mapping, state);
        return new Move(id, applicationId, reference, version, placements(from, state),
                landing.blocked() ? List.of() : placements(to, landing.state()), landing.blockers());
    }

    private static List<Placement> placements(WorkflowDefinition definition, MachineState state) {
        return JdbcWorkflowEngine.active(definition, state).values().stream()
                .map(task -> new Placement(task.step(), task.branch(), task.correction())).toList();
    }

    // ---------------------------------------------------------------- where a state lands

    /**
     * Where an instance standing in {@code state} of {@code from} lands in {@code to}: the new state and where each
     * waiting step went (old → new), or why it cannot move (then {@code state} is null).
     */
    record Landing(MachineState state, Map<String, String> steps, List<Blocker> blockers) {

        boolean blocked() {
            return !blockers.isEmpty();
        }
    }

    static Landing land(WorkflowDefinition from, WorkflowDefinition to, Map<String, String> mapping,
            MachineState state) {
        List<Blocker> blockers = new ArrayList<>();
        Map<String, String> steps = new LinkedHashMap<>();
        MachineState landed;
        if (!state.parallel()) {
            String step = MachineState.stepOf(state.root());
            Step waiting = from.steps().get(step);
            if (waiting == null || !waits(waiting)) {
                return new Landing(null, Map.of(), List.of(new Blocker(Blocker.NOT_WAITING, step, null)));
            }
            String leaf = leaf(waiting, MachineState.isCorrection(state.root()), null, null, to, mapping, blockers);
            if (leaf == null) {
                return new Landing(null, Map.of(), blockers);
            }
            steps.put(step, MachineState.stepOf(leaf));
            landed = MachineState.of(leaf);
        } else {
            String parallelStep = state.root();
            String target = target(parallelStep, mapping, to);
            if (!(from.steps().get(parallelStep) instanceof Step.Parallel old)) {
                return new Landing(null, Map.of(), List.of(new Blocker(Blocker.NOT_WAITING, parallelStep, null)));
            }
            if (target == null) {
                return new Landing(null, Map.of(), List.of(new Blocker(Blocker.STEP_REMOVED, parallelStep, null)));
            }
            // the same branches, or the branches' states have no meaning in the new version
            if (!(to.steps().get(target) instanceof Step.Parallel parallel)
                    || !parallel.branches().keySet().equals(old.branches().keySet())) {
                return new Landing(null, Map.of(),
                        List.of(new Blocker(Blocker.PARALLEL_CHANGED, parallelStep, target)));
            }
            Map<String, String> branches = new LinkedHashMap<>();
            state.branches().forEach((branch, leaf) -> {
                if (leaf.endsWith(MachineState.END)) {
                    branches.put(branch, leaf);
                    return;
                }
                String step = MachineState.stepOf(leaf);
                String landedLeaf = leaf(from.step(step).orElseThrow(), MachineState.isCorrection(leaf), branch,
                        parallel, to, mapping, blockers);
                if (landedLeaf != null) {
                    branches.put(branch, landedLeaf);
                    steps.put(step, MachineState.stepOf(landedLeaf));
                }
            });
            landed = new MachineState(target, branches);
        }
        return blockers.isEmpty() ? new Landing(landed, steps, List.of()) : new Landing(null, Map.of(), blockers);
    }

    /**
     * Where one waiting step lands: the new step's state ({@code <step>} or {@code <step>~correction}), or null with
     * the reason added to {@code blockers}.
     *
     * @param branch   the branch it waits in, or null at the top level
     * @param parallel the new version's parallel step the branch is in, or null at the top level
     */
    private static String leaf(Step waiting, boolean correction, String branch, Step.Parallel parallel,
            WorkflowDefinition to, Map<String, String> mapping, List<Blocker> blockers) {
        String step = waiting.id();
        String target = target(step, mapping, to);
        if (target == null) {
            blockers.add(new Blocker(Blocker.STEP_REMOVED, step, null));
            return null;
        }
        Step landing = to.step(target).orElseThrow();
        if (!waits(landing)) {
            blockers.add(new Blocker(Blocker.NOT_A_TASK, step, target));
            return null;
        }
        // a clerk's step and the applicant's answer are different things: neither takes the other's place
        if (landing.getClass() != waiting.getClass()) {
            blockers.add(new Blocker(Blocker.KIND_CHANGED, step, target));
            return null;
        }
        if (!(landing instanceof Step.Task task)) {
            return target; // the applicant's step: at the top level, never in correction
        }
        boolean inPlace = branch == null
                ? task.branch() == null
                : parallel.branches().get(branch).stream().anyMatch(candidate -> candidate.id().equals(target));
        if (!inPlace) {
            blockers.add(new Blocker(Blocker.BRANCH_CHANGED, step, target));
            return null;
        }
        // as the machine allows it: the task asks for corrections, or its parallel step turns rejections into them
        boolean correctable = task.correction() || parallel != null && parallel.rejectionRequestsCorrection();
        if (correction && !correctable) {
            blockers.add(new Blocker(Blocker.CORRECTION_NOT_ALLOWED, step, target));
            return null;
        }
        return correction ? target + MachineState.CORRECTION : target;
    }

    /** The step of the new version a step goes to: the one the mapping names, else the one with its id, else none. */
    private static String target(String step, Map<String, String> mapping, WorkflowDefinition to) {
        if (mapping.containsKey(step)) {
            return mapping.get(step);
        }
        return to.step(step).isPresent() ? step : null;
    }

    // ---------------------------------------------------------------- the move

    @Override
    @Transactional
    public Move migrate(String serviceCode, Request request, InstanceId id, long expectedVersion, Actor actor) {
        Checked checked = check(serviceCode, request, actor);
        Published from = checked.from();
        Published to = checked.to();
        Stored stored = jdbc.sql("""
                SELECT service_code, definition_id, status, state, version, history_size, application_id, reference,
                    applicant FROM workflow_instance WHERE id = ?""").param(id.value())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getLong(2), rs.getString(3),
                        MachineState.parse(rs.getString(4)), rs.getLong(5), rs.getInt(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .optional().filter(row -> row.serviceCode().equals(serviceCode))
                .orElseThrow(() -> new DomainException(WorkflowProblem.NOT_FOUND));
        if (stored.version() != expectedVersion || !"running".equals(stored.status())
                || stored.definitionId() != from.id()) {
            // someone acted on it since it was planned: the admin looks again
            throw new DomainException(WorkflowProblem.STALE);
        }
        Landing landing = land(from.definition(), to.definition(), checked.mapping(), stored.state());
        Move move = move(id, stored.applicationId(), stored.reference(), stored.state(), stored.version(),
                from.definition(), to.definition(), checked.mapping());
        if (landing.blocked()) {
            return move;
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE workflow_instance SET definition_id = ?, definition_version = ?, state = ?, updated_at = ?,
                    history_size = ?, version = ? WHERE id = ? AND version = ?""")
                .params(to.id(), to.version(), landing.state().toString(), Timestamp.from(now),
                        stored.historySize() + 1, stored.version() + 1, id.value(), stored.version())
                .update();
        if (updated != 1) {
            throw new DomainException(WorkflowProblem.STALE);
        }
        moveTasks(id, stored.state(), landing, from.definition(), to.definition());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromVersion", from.version());
        details.put("toVersion", to.version());
        details.put("steps", landing.steps());
        String text = json.writeValueAsString(details);
        if (text.length() > 4000) {
            // the column's limit; the versions matter most (a step's id is at most 100 characters)
            details.remove("steps");
            text = json.writeValueAsString(details);
        }
        // the department whose service it is acted, whoever of its admins (or the platform admin) did it
        jdbc.sql("""
                INSERT INTO workflow_history (instance_id, seq, step_id, action, actor, actor_department, reason,
                    details, from_state, to_state, at) VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?)""")
                .params(id.value(), stored.historySize() + 1, HistoryEntry.MIGRATE, actor.subject(), checked.owner(),
                        text, stored.state().toString(), landing.state().toString(), Timestamp.from(now))
                .update();
        events.publishEvent(new WorkflowEvents.WorkflowMigrated(new WorkflowEvents.Ref(id.value(),
                stored.applicationId(), stored.reference(), serviceCode, to.version(), stored.applicant()),
                from.version(), landing.steps()));
        return new Move(id, stored.applicationId(), stored.reference(), stored.version() + 1, move.from(), move.to(),
                List.of());
    }

    private record Stored(String serviceCode, long definitionId, String status, MachineState state, long version,
            int historySize, String applicationId, String reference, String applicant) {
    }

    /**
     * Renames the waiting steps in place: everything else of them — when they started, their time limits and timers,
     * a correction's paused clock, an escalation's hand-over, a claim — stays. Only where the new version gives the
     * step to another department or role does the step take those and go back to that queue unclaimed, since whoever
     * held it could no longer act on it.
     */
    private void moveTasks(InstanceId id, MachineState state, Landing landing, WorkflowDefinition from,
            WorkflowDefinition to) {
        Map<String, JdbcWorkflowEngine.ActiveTask> before = JdbcWorkflowEngine.active(from, state);
        Map<String, JdbcWorkflowEngine.ActiveTask> after = JdbcWorkflowEngine.active(to, landing.state());
        List<String> stored = jdbc.sql("SELECT step_id FROM workflow_task WHERE instance_id = ?").param(id.value())
                .query(String.class).list();
        Map<String, String> renames = new LinkedHashMap<>(landing.steps());
        renames.keySet().retainAll(stored);
        // two steps may swap names (a→b while b→c): park them under names no step can have first
        boolean clash = renames.entrySet().stream()
                .anyMatch(move -> !move.getKey().equals(move.getValue()) && stored.contains(move.getValue()));
        Map<String, String> current = new LinkedHashMap<>();
        int parked = 0;
        for (String step : renames.keySet()) {
            String now = step;
            if (clash) {
                now = MachineState.START + "-migrating-" + parked++;
                jdbc.sql("UPDATE workflow_task SET step_id = ? WHERE instance_id = ? AND step_id = ?")
                        .params(now, id.value(), step).update();
            }
            current.put(step, now);
        }
        for (Map.Entry<String, String> move : renames.entrySet()) {
            JdbcWorkflowEngine.ActiveTask was = before.get(move.getKey());
            JdbcWorkflowEngine.ActiveTask becomes = after.get(move.getValue());
            boolean sameHands = java.util.Objects.equals(was.department(), becomes.department())
                    && java.util.Objects.equals(was.role(), becomes.role());
            if (sameHands) {
                jdbc.sql("UPDATE workflow_task SET step_id = ?, branch_id = ? WHERE instance_id = ? AND step_id = ?")
                        .params(becomes.step(), becomes.branch(), id.value(), current.get(move.getKey())).update();
            } else {
                jdbc.sql("""
                        UPDATE workflow_task SET step_id = ?, branch_id = ?, department = ?, role = ?, claimed_by = NULL,
                            claimed_at = NULL WHERE instance_id = ? AND step_id = ?""")
                        .params(becomes.step(), becomes.branch(), becomes.department(), becomes.role(), id.value(),
                                current.get(move.getKey()))
                        .update();
            }
        }
    }

    // ---------------------------------------------------------------- reading the history

    /** The migration an entry's stored details describe, or null for any other entry. */
    static HistoryEntry.Migration migrationOf(String action, Map<String, Object> details) {
        if (!HistoryEntry.MIGRATE.equals(action) || !(details.get("fromVersion") instanceof Number from)
                || !(details.get("toVersion") instanceof Number to)) {
            return null;
        }
        Map<String, String> steps = new LinkedHashMap<>();
        if (details.get("steps") instanceof Map<?, ?> moved) {
            moved.forEach((step, target) -> steps.put(String.valueOf(step), String.valueOf(target)));
        }
        return new HistoryEntry.Migration(from.intValue(), to.intValue(), steps);
    }
}
