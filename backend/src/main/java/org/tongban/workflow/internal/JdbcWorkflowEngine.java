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
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkflowProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowCommand;
import org.tongban.workflow.WorkflowEngine;
import org.tongban.workflow.WorkflowEvents;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine. One transition is one transaction: read the instance, let the state machine decide,
 * then write with an optimistic check ({@code WHERE version = ?}) first, so that of two actors on
 * the same step exactly one gets through and the other changes nothing; then the task rows, the
 * history and the module events (recorded by the event publication registry in the same
 * transaction).
 */
class JdbcWorkflowEngine implements WorkflowEngine {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcWorkflowDefinitions definitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Deadlines deadlines;
    private final JsonMapper json;

    JdbcWorkflowEngine(JdbcClient jdbc, JdbcWorkflowDefinitions definitions, ApplicationEventPublisher events,
            Clock clock, Deadlines deadlines, JsonMapper json) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.events = events;
        this.clock = clock;
        this.deadlines = deadlines;
        this.json = json;
    }

    // ---------------------------------------------------------------- start

    @Override
    @Transactional
    public InstanceView start(Start start) {
        Published published = definitions.findVersion(start.serviceCode(), start.version())
                .orElseThrow(() -> new DomainException(WorkflowProblem.NOT_FOUND));
        return start(definitions.load(published.id()), start);
    }

    private InstanceView start(JdbcWorkflowDefinitions.Loaded loaded, Start start) {
        Map<String, Object> formData = start.formData();
        Actor applicant = start.applicant();
        Published published = loaded.published();
        WorkflowDefinition definition = published.definition();
        InstanceId id = InstanceId.random();
        Instant now = clock.instant();
        MachineState initial = MachineState.of(MachineState.START);
        Run run = run(loaded, initial, MachineFactory.START_EVENT, formData, applicant);
        if (run == null) {
            throw new IllegalStateException("The definition " + published.serviceCode() + " v" + published.version()
                    + " does not start");
        }
        Outcome outcome = outcome(run, definition);
        jdbc.sql("""
                INSERT INTO workflow_instance (id, definition_id, service_code, definition_version, state, status,
                    end_state, certificate_type, form_data, applicant, application_id, reference, applicant_name,
                    started_at, updated_at, ended_at, history_size, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id.value(), published.id(), published.serviceCode(), published.version(), run.to().toString(),
                        outcome.status(), outcome.endState(), outcome.certificate(), json.writeValueAsString(formData), applicant.subject(),
                        start.applicationId(), start.reference(), start.applicantName(),
                        Timestamp.from(now), Timestamp.from(now), outcome.ended() ? Timestamp.from(now) : null,
                        run.hops().size())
                .update();
        WorkflowEvents.Ref ref = new WorkflowEvents.Ref(id.value(), start.applicationId(), start.reference(),
                published.serviceCode(), published.version(), applicant.subject());
        Map<String, ActiveTask> added = active(definition, run.to());
        List<StoredTask> tasks = insertTasks(id, added.values(), now);
        insertHistory(id, 0, run.hops(), applicant, null, now);
        events.publishEvent(new WorkflowEvents.WorkflowStarted(ref));
        announce(ref, run, definition, outcome, applicant, null);
        awaiting(ref, added.values(), tasks);
        return new InstanceView(id, published.serviceCode(), published.version(), outcome.status(), outcome.certificate(),
                tasks.stream().sorted(java.util.Comparator.comparing(StoredTask::step)).map(task -> task.view(now)).toList(),
                0, now, outcome.ended() ? now : null, outcome.endState());
    }

    // ---------------------------------------------------------------- fire

    @Override
    @Transactional
    public InstanceView fire(InstanceId id, WorkflowCommand command, Actor actor) {
        return transition(id, command, actor, null);
    }

    /**
     * An overdue task's escalation, fired by the timers in their transaction: moves the waiting task to the role or
     * department the definition names, or sends the application on to the named step. Answers whether anything
     * changed (nothing when the definition has no escalation for the step, or the step no longer waits).
     */
    boolean escalate(InstanceId id, String step) {
        Step.Escalation escalation = definitionOf(id).flatMap(definition -> definition.step(step))
                .filter(Step.Task.class::isInstance).map(s -> ((Step.Task) s).escalation()).orElse(null);
        if (escalation == null) {
            return false;
        }
        try {
            if (escalation.moves()) {
                return move(id, step, escalation);
            }
            transition(id, null, Actor.SYSTEM, MachineFactory.escalate(step));
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** An applicant step whose time ran out continues as if confirmed (fired by the timers). */
    boolean timeOut(InstanceId id, String step) {
        try {
            transition(id, null, Actor.SYSTEM, MachineFactory.applicant(MachineFactory.TIMEOUT, step));
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    private Optional<WorkflowDefinition> definitionOf(InstanceId id) {
        return jdbc.sql("SELECT definition_id FROM workflow_instance WHERE id = ?").param(id.value())
                .query(Long.class).optional().map(definitionId -> definitions.load(definitionId).published().definition());
    }

    /** Hands a waiting task to another role or department: released from its holder, recorded in the history. */
    private boolean move(InstanceId id, String step, Step.Escalation escalation) {
        record Waiting(String department, String role, String state, int historySize, long version,
                WorkflowEvents.Ref ref) {
        }
        Waiting waiting = jdbc.sql("""
                SELECT t.department, t.role, i.state, i.history_size, i.version, i.application_id, i.reference,
                    i.service_code, i.definition_version, i.applicant
                FROM workflow_task t JOIN workflow_instance i ON i.id = t.instance_id
                WHERE t.instance_id = ? AND t.step_id = ? AND t.status = 'ACTIVE' AND i.status = 'running'""")
                .params(id.value(), step)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), new WorkflowEvents.Ref(id.value(), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getInt(9), rs.getString(10))))
                .optional().orElse(null);
        if (waiting == null) {
            return false;
        }
        String department = escalation.department() == null ? waiting.department() : escalation.department();
        String role = escalation.role() == null ? "clerk" : escalation.role();
        if (department.equals(waiting.department()) && role.equals(waiting.role())) {
            return false;
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE workflow_instance SET updated_at = ?, history_size = ?, version = ? WHERE id = ? AND version = ?""")
                .params(Timestamp.from(now), waiting.historySize() + 1, waiting.version() + 1, id.value(),
                        waiting.version())
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("""
                UPDATE workflow_task SET department = ?, role = ?, claimed_by = NULL, claimed_at = NULL
                WHERE instance_id = ? AND step_id = ?""")
                .params(department, role, id.value(), step).update();
        MachineState state = MachineState.parse(waiting.state());
        insertHistory(id, waiting.historySize(), List.of(new Detailed(new Hop(step, "escalate", state, state), null,
                json.writeValueAsString(Map.of("fromDepartment", waiting.department(), "fromRole", waiting.role(),
                        "department", department, "role", role)))), Actor.SYSTEM, null, now);
        events.publishEvent(new WorkflowEvents.TaskEscalated(waiting.ref(), step, waiting.department(), waiting.role(),
                department, role));
        return true;
    }

    private InstanceView transition(InstanceId id, WorkflowCommand command, Actor actor, String systemEvent) {
        // the instance and its waiting steps in one statement
        List<StoredTask> stored = new ArrayList<>();
        List<InstanceRow> rows = jdbc.sql("""
                SELECT i.definition_id, i.state, i.status, i.form_data, i.applicant, i.history_size, i.version,
                    i.service_code, i.definition_version, i.certificate_type, i.started_at,
                    t.step_id, t.branch_id, t.department, t.role, t.status, t.activated_at, t.warn_at, t.due_at,
                    t.escalate_at, t.remaining_working_days, t.warned_at, t.overdue_at, t.escalated_at, t.claimed_by,
                    i.application_id, i.reference
                FROM workflow_instance i LEFT JOIN workflow_task t ON t.instance_id = i.id WHERE i.id = ?""")
                .param(id.value())
                .query((rs, n) -> {
                    if (rs.getString(12) != null) {
                        stored.add(new StoredTask(rs.getString(12), rs.getString(13), rs.getString(14),
                                rs.getString(15), rs.getString(16), Times.instant(rs.getObject(17)),
                                Times.instant(rs.getObject(18)), Times.instant(rs.getObject(19)),
                                Times.instant(rs.getObject(20)), rs.getObject(21) == null ? null
                                        : ((Number) rs.getObject(21)).intValue(), rs.getObject(22) != null,
                                rs.getObject(23) != null, rs.getObject(24) != null, rs.getString(25)));
                    }
                    return new InstanceRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getInt(9),
                            rs.getString(10), Times.instant(rs.getObject(11)), rs.getString(26), rs.getString(27));
                })
                .list();
        if (rows.isEmpty()) {
            throw new DomainException(WorkflowProblem.NOT_FOUND);
        }
        InstanceRow row = rows.get(0);
        Map<String, StoredTask> storedByStep = new LinkedHashMap<>();
        stored.forEach(task -> storedByStep.put(task.step(), task));
        JdbcWorkflowDefinitions.Loaded loaded = definitions.load(row.definitionId());
        WorkflowDefinition definition = loaded.published().definition();
        MachineState from = MachineState.parse(row.state());
        if (!"running".equals(row.status())) {
            throw notAllowed();
        }
        StoredTask target = command == null || command.step() == null ? null : storedByStep.get(command.step());
        String event = systemEvent != null ? systemEvent : authorize(command, actor, row, definition, from, target);
        if (target != null && target.claimedBy() != null && !target.claimedBy().equals(actor.subject())
                && !(command instanceof WorkflowCommand.Resubmit)) {
            throw new DomainException(WorkflowProblem.CLAIMED);
        }
        // the form data matters only to decisions; definitions without them skip the parsing
        Map<String, Object> form = loaded.hasDecisions() ? json.readValue(row.formData(), MAP) : Map.of();
        Run run = run(loaded, from, event, form, actor);
        if (run == null) {
            throw notAllowed();
        }
        Instant now = clock.instant();
        Outcome outcome = outcome(run, definition);
        int updated = jdbc.sql("""
                UPDATE workflow_instance SET state = ?, status = ?, end_state = ?,
                    certificate_type = COALESCE(?, certificate_type), form_data = COALESCE(?, form_data), updated_at = ?,
                    ended_at = ?, history_size = ?, version = ?
                WHERE id = ? AND version = ?""")
                .params(run.to().toString(), outcome.status(), outcome.endState(), outcome.certificate(),
                        command instanceof WorkflowCommand.Resubmit resubmit && resubmit.formData() != null
                                ? json.writeValueAsString(resubmit.formData()) : null,
                        Timestamp.from(now), outcome.ended() ? Timestamp.from(now) : null,
                        row.historySize() + run.hops().size(), row.version() + 1, id.value(), row.version())
                .update();
        if (updated != 1) {
            throw new DomainException(WorkflowProblem.STALE);
        }
        Map<String, ActiveTask> before = active(definition, from);
        Map<String, ActiveTask> after = active(definition, run.to());
        List<ActiveTask> removed = new ArrayList<>();
        List<ActiveTask> added = new ArrayList<>();
        Map<String, ActiveTask> paused = new LinkedHashMap<>();
        Map<String, ActiveTask> resumed = new LinkedHashMap<>();
        before.forEach((step, task) -> {
            ActiveTask next = after.get(step);
            if (next == null) {
                removed.add(task);
            } else if (!task.correction() && next.correction()) {
                paused.put(step, next);
            } else if (task.correction() && !next.correction()) {
                resumed.put(step, next);
            }
        });
        after.forEach((step, task) -> {
            if (!before.containsKey(step)) {
                added.add(task);
            }
        });
        for (ActiveTask task : removed) {
            jdbc.sql("DELETE FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                    .params(id.value(), task.step()).update();
            storedByStep.remove(task.step());
        }
        String assignee = command instanceof WorkflowCommand.Approve approve
                && definition.step(approve.step()).filter(s -> s instanceof Step.Task task && task.assignsNext()).isPresent()
                ? approve.assignee() : null;
        List<StoredTask> inserted = insertTasks(id, added, now);
        inserted.forEach(task -> storedByStep.put(task.step(), task));
        if (assignee != null) {
            // 派单: the next task goes straight to the official the clerk named
            for (ActiveTask task : added) {
                if (task.definition() instanceof Step.Task) {
                    jdbc.sql("UPDATE workflow_task SET claimed_by = ?, claimed_at = ? WHERE instance_id = ? AND step_id = ?")
                            .params(assignee, Timestamp.from(now), id.value(), task.step()).update();
                    storedByStep.put(task.step(), storedByStep.get(task.step()).claimedBy(assignee));
                    events.publishEvent(new WorkflowEvents.TaskAssigned(row.ref(id), task.step(), task.department(),
                            assignee, actor.subject()));
                }
            }
        }
        paused.values().forEach(task -> storedByStep.put(task.step(),
                pause(id, storedByStep.get(task.step()), task, now)));
        resumed.values().forEach(task -> storedByStep.put(task.step(),
                resume(id, storedByStep.get(task.step()), task, now)));
        String actorDepartment = target == null || !actor.departments().contains(target.department()) ? null
                : target.department();
        insertHistory(id, row.historySize(), withDetails(run.hops(), command, assignee), actor, actorDepartment, now);
        WorkflowEvents.Ref ref = row.ref(id);
        announce(ref, run, definition, outcome, actor, command);
        awaiting(ref, added, inserted);
        if (command instanceof WorkflowCommand.RequestCorrection correction) {
            Step.Task task = (Step.Task) definition.step(correction.step()).orElseThrow();
            events.publishEvent(new WorkflowEvents.CorrectionRequested(ref, task.id(), task.department(),
                    List.copyOf(correction.items()), correction.reason()));
        }
        // the answer from what was read and written, without reading again
        List<InstanceView.ActiveStep> steps = storedByStep.values().stream()
                .sorted(java.util.Comparator.comparing(StoredTask::activatedAt).thenComparing(StoredTask::step))
                .map(task -> task.view(now)).toList();
        return new InstanceView(id, row.serviceCode(), row.definitionVersion(), outcome.status(),
                outcome.certificate() != null ? outcome.certificate() : row.certificateType(), steps, row.version() + 1,
                row.startedAt(), outcome.ended() ? now : null, outcome.endState());
    }

    /** A waiting step as stored in workflow_task. */
    record StoredTask(String step, String branch, String department, String role, String status, Instant activatedAt,
            Instant warnAt, Instant dueAt, Instant escalateAt, Integer remainingWorkingDays, boolean warned,
            boolean overdue, boolean escalated, String claimedBy) {

        StoredTask claimedBy(String subject) {
            return new StoredTask(step, branch, department, role, status, activatedAt, warnAt, dueAt, escalateAt,
                    remainingWorkingDays, warned, overdue, escalated, subject);
        }

        InstanceView.ActiveStep view(Instant now) {
            boolean paused = "CORRECTION".equals(status);
            return new InstanceView.ActiveStep(step, branch, department, role, paused ? "correction" : "active",
                    activatedAt, dueAt, Deadlines.light(now, warnAt, dueAt, paused));
        }
    }

    /** Tells the applicant about the applicant steps that start waiting for them. */
    private void awaiting(WorkflowEvents.Ref ref, java.util.Collection<ActiveTask> added, List<StoredTask> inserted) {
        for (ActiveTask task : added) {
            if (task.definition() instanceof Step.Applicant) {
                Instant due = inserted.stream().filter(stored -> stored.step().equals(task.step()))
                        .map(StoredTask::dueAt).findFirst().orElse(null);
                events.publishEvent(new WorkflowEvents.ApplicantStepStarted(ref, task.step(), due));
            }
        }
    }

    /** Checks that this actor may fire this command now, and answers the machine event for it. */
    private String authorize(WorkflowCommand command, Actor actor, InstanceRow row, WorkflowDefinition definition,
            MachineState from, StoredTask stored) {
        Map<String, ActiveTask> active = active(definition, from);
        if (command instanceof WorkflowCommand.Confirm || command instanceof WorkflowCommand.Reopen
                || command instanceof WorkflowCommand.Supply) {
            requireApplicant(actor, row);
            ActiveTask task = active.get(command.step());
            String action = command instanceof WorkflowCommand.Confirm ? Step.Applicant.CONFIRM
                    : command instanceof WorkflowCommand.Reopen ? Step.Applicant.REOPEN : Step.Applicant.SUPPLY;
            if (task == null || !(task.definition() instanceof Step.Applicant step) || !step.allows(action)) {
                throw notAllowed();
            }
            if (command instanceof WorkflowCommand.Reopen reopen) {
                requireText(reopen.reason());
            } else if (command instanceof WorkflowCommand.Supply supply) {
                requireText(supply.text());
            }
            return MachineFactory.applicant(action, command.step());
        }
        if (command instanceof WorkflowCommand.Withdraw withdraw) {
            requireApplicant(actor, row);
            return MachineFactory.WITHDRAW;
        } else if (command instanceof WorkflowCommand.Resubmit resubmit) {
            requireApplicant(actor, row);
            ActiveTask task = active.get(resubmit.step());
            if (task == null || !task.correction()) {
                throw notAllowed();
            }
            return MachineFactory.resubmit(resubmit.step());
        } else {
            ActiveTask task = active.get(command.step());
            if (task == null || task.correction() || !(task.definition() instanceof Step.Task step)) {
                throw notAllowed();
            }
            // where the task waits now: an escalation may have handed it to another role or department
            String department = stored == null ? step.department() : stored.department();
            String role = stored == null ? step.role() : stored.role();
            if (!actor.departments().contains(department) || !actor.holds(department, role)) {
                throw new DomainException(WorkflowProblem.NOT_YOUR_STEP);
            }
            if (command instanceof WorkflowCommand.Approve approve) {
                if (step.assignsNext() && (approve.assignee() == null || approve.assignee().isBlank())) {
                    throw invalid();
                }
                return MachineFactory.approve(approve.step());
            }
            if (command instanceof WorkflowCommand.Reject reject) {
                requireText(reject.reason());
                return MachineFactory.reject(reject.step());
            }
            if (command instanceof WorkflowCommand.RequestCorrection correction) {
                requireText(correction.reason());
                if (correction.items() == null || correction.items().isEmpty()) {
                    throw invalid();
                }
                List<String> outside = correction.items().stream()
                        .filter(item -> !visible(step, item) && !material(definition, item)).distinct().toList();
                if (!outside.isEmpty()) {
                    // a step may unlock only what it can see: anything else would let it reopen another
                    // department's answers
                    throw new DomainException(WorkflowProblem.CORRECTION_ITEMS_NOT_VISIBLE, outside.stream()
                            .map(item -> Map.<String, Object>of("field", item, "message",
                                    new DefaultMessageSourceResolvable(new String[] {"workflow.correction.not-visible"},
                                            new Object[] {item}, item)))
                            .toList());
                }
                return MachineFactory.correct(correction.step());
            }
            if (command instanceof WorkflowCommand.ReturnTo back) {
                requireText(back.reason());
                if (!step.returnTo().contains(back.target())) {
                    throw notAllowed();
                }
                return MachineFactory.returnTo(back.step(), back.target());
            }
            throw notAllowed();
        }
    }

    /** The item is a visible field of the step, or lies inside one ({@code mother.name} inside {@code mother}). */
    private static boolean visible(Step.Task step, String item) {
        return step.visibleFields().stream().anyMatch(field -> item.equals(field) || item.startsWith(field + "."));
    }

    /** One of the service's materials, by its code (the applicant replaces the document). */
    private static boolean material(WorkflowDefinition definition, String item) {
        return definition.service().materials().stream().anyMatch(material -> material.code().equals(item));
    }

    private static void requireApplicant(Actor actor, InstanceRow row) {
        if (!actor.subject().equals(row.applicant())) {
            throw new DomainException(WorkflowProblem.NOT_THE_APPLICANT);
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return new DomainException(WorkflowProblem.INCOMPLETE_COMMAND);
    }

    private static DomainException notAllowed() {
        return new DomainException(WorkflowProblem.NOT_ALLOWED);
    }

    // ---------------------------------------------------------------- the machine

    /** One transition of the machine: the event's step and action, the states before and after. */
    record Hop(String step, String action, MachineState from, MachineState to) {
    }

    record Run(MachineState to, List<Hop> hops, List<Step.Automatic> automatic) {
    }

    /** Sends the event; then runs automatic steps until the application waits for someone. */
    private Run run(JdbcWorkflowDefinitions.Loaded loaded, MachineState from, String event,
            Map<String, Object> form, Actor actor) {
        MachinePool machines = loaded.machines();
        WorkflowDefinition definition = loaded.published().definition();
        MachineState state = machines.send(from, event, form);
        if (state.equals(from)) {
            return null;
        }
        List<Hop> hops = new ArrayList<>();
        List<Step.Automatic> automatic = new ArrayList<>();
        int at = event.indexOf('@');
        hops.add(new Hop(at < 0 ? null : event.substring(at + 1).replaceFirst(">.*", ""),
                at < 0 ? event : event.substring(0, at), from, state));
        for (int guard = 0; guard < 100 && definition.steps().get(state.root()) instanceof Step.Automatic auto; guard++) {
            MachineState next = machines.send(state, MachineFactory.auto(auto.id()), form);
            if (next.equals(state)) {
                break;
            }
            hops.add(new Hop(auto.id(), "auto:" + auto.action(), state, next));
            automatic.add(auto);
            state = next;
        }
        return new Run(state, hops, automatic);
    }

    /** @param endState the named end state the application reached, if the definition names it */
    private record Outcome(String status, String certificate, boolean ended, String endState) {
    }

    private static Outcome outcome(Run run, WorkflowDefinition definition) {
        String root = run.to().root();
        String outcome = definition.outcomeOf(root);
        boolean ended = outcome != null;
        String certificate = run.automatic().stream().anyMatch(a -> "issue-certificate".equals(a.action()))
                ? definition.service().certificate() : null;
        return new Outcome(ended ? outcome : "running", certificate, ended,
                definition.ends().containsKey(root) ? root : null);
    }

    /**
     * A step waiting in a state: a clerk's task or an applicant step, its branch, whether the applicant is correcting
     * it, and where it waits (an applicant step waits with the service's department under {@link Step.Applicant#ROLE},
     * which no clerk holds).
     */
    record ActiveTask(String step, String branch, boolean correction, Step definition, String department, String role,
            Integer workingDays, Integer hours) {
    }

    static Map<String, ActiveTask> active(WorkflowDefinition definition, MachineState state) {
        Map<String, ActiveTask> active = new LinkedHashMap<>();
        if (!state.parallel()) {
            add(definition, state.root(), null, active);
        } else {
            state.branches().forEach((branch, leaf) -> {
                if (!leaf.endsWith(MachineState.END)) {
                    add(definition, leaf, branch, active);
                }
            });
        }
        return active;
    }

    private static void add(WorkflowDefinition definition, String leaf, String branch, Map<String, ActiveTask> active) {
        String step = MachineState.stepOf(leaf);
        definition.step(step).ifPresent(s -> {
            if (s instanceof Step.Task task) {
                active.put(step, new ActiveTask(step, branch, MachineState.isCorrection(leaf), task, task.department(),
                        task.role(), task.timeLimitWorkingDays(), task.timeLimitHours()));
            } else if (s instanceof Step.Applicant applicant) {
                active.put(step, new ActiveTask(step, branch, false, applicant, definition.service().department(),
                        Step.Applicant.ROLE, applicant.timeLimitWorkingDays(), applicant.timeLimitHours()));
            }
        });
    }

    // ---------------------------------------------------------------- writing

    private List<StoredTask> insertTasks(InstanceId id, java.util.Collection<ActiveTask> tasks, Instant now) {
        List<StoredTask> inserted = new ArrayList<>();
        for (ActiveTask task : tasks) {
            Deadlines.Limits limits = task.hours() != null ? deadlines.fromHours(now, task.hours())
                    : deadlines.from(now, task.workingDays() == null ? 1 : task.workingDays());
            inserted.add(new StoredTask(task.step(), task.branch(), task.department(), task.role(), "ACTIVE", now,
                    limits.warnAt(), limits.dueAt(), limits.escalateAt(), null, false, false, false, null));
            jdbc.sql("""
                    INSERT INTO workflow_task (instance_id, step_id, branch_id, department, role, status, activated_at,
                        warn_at, due_at, escalate_at, next_timer_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""")
                    .params(id.value(), task.step(), task.branch(), task.department(), task.role(), Timestamp.from(now), Timestamp.from(limits.warnAt()),
                            Timestamp.from(limits.dueAt()), Timestamp.from(limits.escalateAt()),
                            Timestamp.from(limits.warnAt()))
                    .update();
        }
        return inserted;
    }

    private StoredTask pause(InstanceId id, StoredTask task, ActiveTask active, Instant now) {
        // an hours limit keeps its remaining minutes, a working-days limit its remaining working days
        boolean hours = active.hours() != null;
        int remaining = hours ? Deadlines.remainingMinutes(now, task.dueAt()) : deadlines.remaining(now, task.dueAt());
        jdbc.sql("""
                UPDATE workflow_task SET status = 'CORRECTION', paused_at = ?, remaining_working_days = ?,
                    remaining_minutes = ?, next_timer_at = NULL WHERE instance_id = ? AND step_id = ?""")
                .params(Timestamp.from(now), hours ? null : remaining, hours ? remaining : null, id.value(),
                        task.step()).update();
        return new StoredTask(task.step(), task.branch(), task.department(), task.role(), "CORRECTION",
                task.activatedAt(), task.warnAt(), task.dueAt(), task.escalateAt(), remaining, task.warned(),
                task.overdue(), task.escalated(), task.claimedBy());
    }

    private StoredTask resume(InstanceId id, StoredTask task, ActiveTask active, Instant now) {
        Deadlines.Limits limits;
        if (active.hours() != null) {
            Integer minutes = jdbc.sql("SELECT remaining_minutes FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                    .params(id.value(), task.step()).query(Integer.class).optional().orElse(null);
            limits = deadlines.resumeMinutes(now, minutes == null ? 60 : minutes);
        } else {
            limits = deadlines.resume(now, task.remainingWorkingDays() == null ? 1 : task.remainingWorkingDays());
        }
        Instant next = DeadlineTimers.nextTimer(limits.warnAt(), limits.dueAt(), limits.escalateAt(), task.warned(),
                task.overdue(), task.escalated());
        jdbc.sql("""
                UPDATE workflow_task SET status = 'ACTIVE', paused_at = NULL, remaining_working_days = NULL,
                    remaining_minutes = NULL, warn_at = ?, due_at = ?, escalate_at = ?, next_timer_at = ? WHERE instance_id = ? AND step_id = ?""")
                .params(Timestamp.from(limits.warnAt()), Timestamp.from(limits.dueAt()),
                        Timestamp.from(limits.escalateAt()), Times.timestamp(next), id.value(), task.step())
                .update();
        return new StoredTask(task.step(), task.branch(), task.department(), task.role(), "ACTIVE", task.activatedAt(),
                limits.warnAt(), limits.dueAt(), limits.escalateAt(), null, task.warned(), task.overdue(),
                task.escalated(), task.claimedBy());
    }

    private record Detailed(Hop hop, String reason, String details) {
    }

    private List<Detailed> withDetails(List<Hop> hops, WorkflowCommand command, String assignee) {
        List<Detailed> result = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            if (i > 0) {
                result.add(new Detailed(hop, null, null));
                continue;
            }
            String reason = null;
            String details = null;
            if (command instanceof WorkflowCommand.Reject reject) {
                reason = reject.reason();
            } else if (command instanceof WorkflowCommand.RequestCorrection correction) {
                reason = correction.reason();
                details = json.writeValueAsString(Map.of("items", correction.items()));
            } else if (command instanceof WorkflowCommand.ReturnTo back) {
                reason = back.reason();
                details = json.writeValueAsString(Map.of("target", back.target()));
            } else if (command instanceof WorkflowCommand.Withdraw withdraw) {
                reason = withdraw.reason();
            } else if (command instanceof WorkflowCommand.Approve approve) {
                reason = approve.comment();
                if (assignee != null) {
                    details = json.writeValueAsString(Map.of("assignee", assignee));
                }
            } else if (command instanceof WorkflowCommand.Confirm confirm) {
                reason = confirm.comment();
            } else if (command instanceof WorkflowCommand.Reopen reopen) {
                reason = reopen.reason();
            } else if (command instanceof WorkflowCommand.Supply supply) {
                reason = supply.text();
            }
            result.add(new Detailed(hop, reason, details));
        }
        return result;
    }

    /** All history rows of a transition in one statement (a transition and its automatic steps). */
    private void insertHistory(InstanceId id, int size, List<?> entries, Actor actor, String actorDepartment,
            Instant now) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO workflow_history (instance_id, seq, step_id, action, actor, actor_department, reason,
                    details, from_state, to_state, at) VALUES """);
        List<Object> params = new ArrayList<>();
        int seq = size;
        for (Object entry : entries) {
            Detailed detailed = entry instanceof Detailed d ? d : new Detailed((Hop) entry, null, null);
            Hop hop = detailed.hop();
            boolean automatic = hop.action().startsWith("auto:");
            sql.append(seq == size ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(id.value(), ++seq, hop.step(), hop.action(),
                    automatic ? Actor.SYSTEM.subject() : actor.subject(), automatic ? null : actorDepartment,
                    detailed.reason(), detailed.details(), hop.from().toString(), hop.to().toString(),
                    Timestamp.from(now)));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    private void announce(WorkflowEvents.Ref ref, Run run, WorkflowDefinition definition, Outcome outcome, Actor actor,
            WorkflowCommand command) {
        Hop first = run.hops().get(0);
        if (first.step() != null || "withdraw".equals(first.action())) {
            String department = first.step() == null ? null : definition.step(first.step())
                    .filter(Step.Task.class::isInstance).map(step -> ((Step.Task) step).department()).orElse(null);
            events.publishEvent(new WorkflowEvents.StepCompleted(ref, first.step(), department, first.action(),
                    actor.subject(), reason(command)));
        }
        for (Step.Automatic automatic : run.automatic()) {
            events.publishEvent(new WorkflowEvents.AutomaticStepExecuted(ref, automatic.id(), automatic.action()));
        }
        if (outcome.ended()) {
            events.publishEvent(new WorkflowEvents.WorkflowEnded(ref, outcome.status()));
        }
    }

    private static String reason(WorkflowCommand command) {
        if (command instanceof WorkflowCommand.Reject reject) {
            return reject.reason();
        } else if (command instanceof WorkflowCommand.ReturnTo back) {
            return back.reason();
        } else if (command instanceof WorkflowCommand.Withdraw withdraw) {
            return withdraw.reason();
        } else if (command instanceof WorkflowCommand.Approve approve) {
            return approve.comment();
        } else if (command instanceof WorkflowCommand.Confirm confirm) {
            return confirm.comment();
        } else if (command instanceof WorkflowCommand.Reopen reopen) {
            return reopen.reason();
        } else if (command instanceof WorkflowCommand.Supply supply) {
            return supply.text();
        }
        return null;
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<InstanceView> find(InstanceId id) {
        Instant now = clock.instant();
        List<InstanceView.ActiveStep> steps = jdbc.sql("""
                SELECT step_id, branch_id, department, role, status, activated_at, warn_at, due_at
                FROM workflow_task WHERE instance_id = ? ORDER BY activated_at, step_id""").param(id.value())
                .query((rs, n) -> {
                    boolean paused = "CORRECTION".equals(rs.getString(5));
                    Instant warn = Times.instant(rs.getObject(7));
                    Instant due = Times.instant(rs.getObject(8));
                    return new InstanceView.ActiveStep(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), paused ? "correction" : "active", Times.instant(rs.getObject(6)), due,
                            Deadlines.light(now, warn, due, paused));
                }).list();
        return jdbc.sql("""
                SELECT service_code, definition_version, status, certificate_type, version, started_at, ended_at,
                    end_state
                FROM workflow_instance WHERE id = ?""").param(id.value())
                .query((rs, n) -> new InstanceView(id, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        steps, rs.getLong(5), Times.instant(rs.getObject(6)), Times.instant(rs.getObject(7)),
                        rs.getString(8)))
                .optional();
    }

    @Override
    public List<HistoryEntry> history(InstanceId id) {
        return jdbc.sql("""
                SELECT seq, step_id, action, actor, actor_department, reason, details, at
                FROM workflow_history WHERE instance_id = ? ORDER BY seq""").param(id.value())
                .query((rs, n) -> {
                    Map<String, Object> details = rs.getString(7) == null ? Map.of() : json.readValue(rs.getString(7), MAP);
                    List<String> items = details.get("items") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList() : List.of();
                    Object target = details.get("target") != null ? details.get("target")
                            : details.get("assignee") != null ? details.get("assignee")
                            : details.get("role") != null ? details.get("department") + ":" + details.get("role") : null;
                    return new HistoryEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), items, target == null ? null : target.toString(),
                            Times.instant(rs.getObject(8)), InstanceMigration.migrationOf(rs.getString(3), details));
                })
                .list();
    }

    /** One stored transition with the machine states it moved between: the engine's own view, not the API's. */
    record Transition(int sequence, String step, String action, MachineState from, MachineState to) {
    }

    List<Transition> transitions(InstanceId id) {
        return jdbc.sql("""
                SELECT seq, step_id, action, from_state, to_state FROM workflow_history WHERE instance_id = ? ORDER BY seq""")
                .param(id.value())
                .query((rs, n) -> new Transition(rs.getInt(1), rs.getString(2), rs.getString(3),
                        MachineState.parse(rs.getString(4)), MachineState.parse(rs.getString(5))))
                .list();
    }

    private record InstanceRow(long definitionId, String state, String status, String formData, String applicant,
            int historySize, long version, String serviceCode, int definitionVersion, String certificateType,
            Instant startedAt, String applicationId, String reference) {

        WorkflowEvents.Ref ref(InstanceId id) {
            return new WorkflowEvents.Ref(id.value(), applicationId, reference, serviceCode, definitionVersion, applicant);
        }
    }
}
