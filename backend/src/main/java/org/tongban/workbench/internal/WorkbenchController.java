package org.tongban.workbench.internal;

import java.time.Instant;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Official;
import org.tongban.identity.People;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.workbench.TaskReassigned;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Step;
import org.tongban.workflow.WaitingStep;
import org.tongban.workflow.WorkflowCommand;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;
import org.tongban.workflow.WorkflowQueries;

/** The clerk's inbox and decisions. Only the departments the clerk belongs to; everything else is 403. */
@RestController
@Tag(name = "Workbench")
@PreAuthorize("hasAnyRole('clerk', 'dept-admin')")
class WorkbenchController {

    private final WorkflowQueries queries;
    private final WorkflowEngine engine;
    private final WorkflowDefinitions definitions;
    private final Applications applications;
    private final DataAccessLog accessLog;
    private final CurrentPerson currentPerson;
    private final People people;
    private final ApplicationEventPublisher events;

    WorkbenchController(WorkflowQueries queries, WorkflowEngine engine, WorkflowDefinitions definitions,
            Applications applications, DataAccessLog accessLog, CurrentPerson currentPerson, People people,
            ApplicationEventPublisher events) {
        this.queries = queries;
        this.engine = engine;
        this.definitions = definitions;
        this.applications = applications;
        this.accessLog = accessLog;
        this.currentPerson = currentPerson;
        this.people = people;
        this.events = events;
    }

    /**
     * A waiting step. {@code claimedBy} is the holder's subject, {@code claimedByName} their name from
     * the person directory (null if they are not in it).
     */
    record QueueItem(String instanceId, String step, String stepNameZh, String stepNameEn, String department,
            String serviceCode, String applicationNumber, String applicantName, Instant activatedAt, Instant dueAt,
            InstanceView.Light light, String claimedBy, String claimedByName, boolean claimedByMe) {
    }

    /** A history entry with the official's name ({@code actorName}; null for the applicant and the system). */
    record HistoryItem(int sequence, String step, String action, String actor, String actorName,
            String actorDepartment, String reason, String details, String fromState, String toState, Instant at) {
    }

    /** Someone a department admin may give the step to: an official of its department with its role. */
    record Candidate(String subject, String username, String displayName, boolean holdsTask) {
    }

    record Queue(List<QueueItem> items, Map<InstanceView.Light, Long> counts, int page, int size, long total) {
    }

    record TaskView(QueueItem task, Map<String, Object> visibleData, List<String> visibleFields,
            List<String> returnTargets, boolean correctionAllowed, List<InstanceView.ActiveStep> parallelProgress,
            List<HistoryItem> history, boolean mayReassign) {
    }

    record Decision(@NotNull @Pattern(regexp = "approve|reject|correction|return") String action,
            @Size(max = 2000) String reason, @Size(max = 50) List<@Size(max = 100) String> items,
            @Size(max = 100) String target) {
    }

    /** {@code clerk}: the subject to give the step to, or null to put it back into the queue. */
    record Reassignment(@Size(max = 100) String clerk, @Size(max = 500) String reason) {
    }

    @GetMapping("/api/v1/workbench/tasks")
    @Operation(summary = "My departments' queue, by deadline, with lights and counts; q searches application numbers and applicant names")
    Queue queue(@RequestParam(required = false) String service, @RequestParam(required = false) String light,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Person person = currentPerson.require();
        if (page < 0 || size < 1 || size > 100 || (q != null && q.length() > 100)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        List<WaitingStep> steps = queries.waiting(Set.copyOf(person.departments())).stream()
                .filter(step -> person.roles().stream().anyMatch(role -> role.code().equals(step.role())))
                .filter(step -> service == null || service.isBlank() || service.equals(step.serviceCode()))
                .toList();
        return page(steps, person, light, mine, q, page, size);
    }

    @GetMapping("/api/v1/workbench/assignments")
    @PreAuthorize("hasRole('dept-admin')")
    @Operation(summary = "Every waiting step of my departments, whatever its role, with who holds it (department admins)")
    Queue assignments(@RequestParam(required = false) String service, @RequestParam(required = false) String light,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Person person = currentPerson.require();
        if (page < 0 || size < 1 || size > 100 || (q != null && q.length() > 100)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        List<WaitingStep> steps = queries.waiting(Set.copyOf(person.departments())).stream()
                .filter(step -> "active".equals(step.status()))
                .filter(step -> service == null || service.isBlank() || service.equals(step.serviceCode()))
                .toList();
        return page(steps, person, light, false, q, page, size);
    }

    private Queue page(List<WaitingStep> steps, Person person, String light, boolean mine, String q, int page,
            int size) {
        Map<String, String> names = people.displayNames(steps.stream().map(WaitingStep::claimedBy).toList());
        List<QueueItem> all = steps.stream().map(step -> item(step, person, names))
                .filter(item -> matches(item, q)).toList();
        Map<InstanceView.Light, Long> counts = new EnumMap<>(InstanceView.Light.class);
        for (InstanceView.Light each : List.of(InstanceView.Light.GREEN, InstanceView.Light.YELLOW, InstanceView.Light.RED)) {
            counts.put(each, all.stream().filter(item -> item.light() == each).count());
        }
        List<QueueItem> filtered = all.stream()
                .filter(item -> light == null || light.isBlank() || item.light().name().equalsIgnoreCase(light))
                .filter(item -> !mine || item.claimedByMe()).toList();
        List<QueueItem> pageItems = filtered.stream().skip((long) page * size).limit(size).toList();
        return new Queue(pageItems, counts, page, size, filtered.size());
    }

    /**
     * The search box: a citizen on the phone reads out their application number (any part of it,
     * letter case ignored) or the clerk types the applicant's name.
     */
    private static boolean matches(QueueItem item, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String wanted = q.strip().toUpperCase(Locale.ROOT);
        return (item.applicationNumber() != null
                && item.applicationNumber().toUpperCase(Locale.ROOT).contains(wanted))
                || (item.applicantName() != null && item.applicantName().contains(q.strip()));
    }

    @GetMapping("/api/v1/workbench/tasks/{instanceId}/{step}")
    @Transactional
    @Operation(summary = "A task: the data this step may see, the history, the other departments' progress")
    TaskView task(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        WaitingStep waiting = mineOrForbidden(instanceId, step, person);
        Step.Task definition = taskDefinition(waiting);
        ApplicationSummary application = applications.byWorkflowInstance(instanceId)
                .orElseThrow(ProblemException::notFound);
        Map<String, Object> all = applications.formData(application.id());
        Map<String, Object> visible = new LinkedHashMap<>();
        for (String field : definition.visibleFields()) {
            if (all.containsKey(field)) {
                visible.put(field, all.get(field));
            }
        }
        accessLog.record(new DataUse(DataUse.Owner.person(null, application.applicantSubject()), application.id(),
                application.number(), person.subject(), person.displayName(), waiting.department(),
                DataUse.Kind.TASK_OPENED, "process-step", null, definition.visibleFields(), step));
        InstanceView view = engine.find(new InstanceId(instanceId)).orElseThrow();
        List<InstanceView.ActiveStep> others = view.activeSteps().stream()
                .filter(other -> !other.step().equals(step)).toList();
        List<HistoryEntry> history = engine.history(new InstanceId(instanceId));
        Map<String, String> names = people.displayNames(java.util.stream.Stream.concat(
                history.stream().filter(entry -> entry.actorDepartment() != null).map(HistoryEntry::actor),
                java.util.stream.Stream.of(waiting.claimedBy())).toList());
        List<HistoryItem> items = history.stream().map(entry -> new HistoryItem(entry.sequence(), entry.step(),
                entry.action(), entry.actor(), entry.actorDepartment() == null ? null : names.get(entry.actor()),
                entry.actorDepartment(), entry.reason(), entry.details(), entry.fromState(), entry.toState(),
                entry.at())).toList();
        return new TaskView(item(waiting, person, names), visible, definition.visibleFields(), definition.returnTo(),
                definition.correction(), others, items, mayReassign(person, waiting));
    }

    @GetMapping("/api/v1/workbench/tasks/{instanceId}/{step}/candidates")
    @PreAuthorize("hasRole('dept-admin')")
    @Operation(summary = "Who the step may be reassigned to: the department's officials with the step's role who "
            + "have signed in at least once (department admins)")
    List<Candidate> candidates(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        WaitingStep waiting = adminsOrForbidden(instanceId, step, person);
        return candidatesFor(waiting).stream().map(official -> new Candidate(official.subject(), official.username(),
                official.displayName(), official.subject().equals(waiting.claimedBy()))).toList();
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/claim")
    @Operation(summary = "Claim a task: it is locked to me until I release it")
    QueueItem claim(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        mineOrForbidden(instanceId, step, person);
        if (!queries.claim(new InstanceId(instanceId), step, person.subject())) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.WORKFLOW_CLAIMED);
        }
        return item(queries.waitingStep(new InstanceId(instanceId), step).orElseThrow(), person);
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/release")
    @Operation(summary = "Give a claimed task back to the queue")
    QueueItem release(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        mineOrForbidden(instanceId, step, person);
        if (!queries.release(new InstanceId(instanceId), step, person.subject())) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.WORKFLOW_CLAIMED);
        }
        return item(queries.waitingStep(new InstanceId(instanceId), step).orElseThrow(), person);
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/reassignment")
    @PreAuthorize("hasRole('dept-admin')")
    @Operation(summary = "Reassign a task to another clerk of the department (department admins)")
    @Transactional
    QueueItem reassign(@PathVariable String instanceId, @PathVariable String step,
            @Valid @RequestBody Reassignment reassignment) {
        Person person = currentPerson.require();
        WaitingStep waiting = adminsOrForbidden(instanceId, step, person);
        String clerk = reassignment.clerk() == null || reassignment.clerk().isBlank() ? null : reassignment.clerk();
        // only someone who may process the step: an official of its department with its role, known to the
        // directory (signed in at least once); never a citizen, a colleague of another department, or a typo
        if (clerk != null && candidatesFor(waiting).stream().noneMatch(official -> official.subject().equals(clerk))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.WORKFLOW_NOT_A_CANDIDATE);
        }
        if (!queries.reassign(new InstanceId(instanceId), step, clerk)) {
            throw ProblemException.notFound();
        }
        if (!java.util.Objects.equals(clerk, waiting.claimedBy())) {
            events.publishEvent(new TaskReassigned(instanceId, step, waiting.department(), waiting.claimedBy(), clerk,
                    person.subject(), reassignment.reason() == null ? "" : reassignment.reason().strip()));
        }
        return item(queries.waitingStep(new InstanceId(instanceId), step).orElseThrow(), person);
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/decision")
    @Operation(summary = "Decide: approve, reject (reason), request correction (items and reason), return (target and reason)")
    InstanceView decide(@PathVariable String instanceId, @PathVariable String step,
            @Valid @RequestBody Decision decision) {
        Person person = currentPerson.require();
        mineOrForbidden(instanceId, step, person);
        WorkflowCommand command = switch (decision.action()) {
            case "approve" -> new WorkflowCommand.Approve(step, decision.reason());
            case "reject" -> new WorkflowCommand.Reject(step, decision.reason());
            case "correction" -> new WorkflowCommand.RequestCorrection(step,
                    decision.items() == null ? List.of() : decision.items(), decision.reason());
            default -> new WorkflowCommand.ReturnTo(step, decision.target(), decision.reason());
        };
        Actor actor = new Actor(person.subject(), person.roles().stream().map(Role::code).collect(Collectors.toSet()),
                Set.copyOf(person.departments()));
        return engine.fire(new InstanceId(instanceId), command, actor);
    }

    /** The step exists and waits in one of my departments, for my role; otherwise 404 / 403. */
    private WaitingStep mineOrForbidden(String instanceId, String step, Person person) {
        WaitingStep waiting = queries.waitingStep(new InstanceId(instanceId), step)
                .orElseThrow(ProblemException::notFound);
        boolean role = person.roles().stream().anyMatch(r -> r.code().equals(waiting.role()));
        if (!person.belongsTo(waiting.department()) || !role) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemType.WORKFLOW_NOT_YOUR_STEP);
        }
        return waiting;
    }

    /** The step exists and waits in one of my departments, and I am its department admin; else 404 / 403. */
    private WaitingStep adminsOrForbidden(String instanceId, String step, Person person) {
        WaitingStep waiting = queries.waitingStep(new InstanceId(instanceId), step)
                .orElseThrow(ProblemException::notFound);
        if (!mayReassign(person, waiting)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemType.WORKFLOW_NOT_YOUR_STEP);
        }
        return waiting;
    }

    private static boolean mayReassign(Person person, WaitingStep waiting) {
        return person.hasRole(Role.DEPT_ADMIN) && person.belongsTo(waiting.department());
    }

    private List<Official> candidatesFor(WaitingStep waiting) {
        return Role.fromCode(waiting.role()).map(role -> people.inDepartment(waiting.department(), role))
                .orElse(List.of());
    }

    private Step.Task taskDefinition(WaitingStep waiting) {
        return definitions.version(waiting.serviceCode(), waiting.definitionVersion())
                .flatMap(p -> p.definition().step(waiting.step())).filter(s -> s instanceof Step.Task)
                .map(s -> (Step.Task) s).orElseThrow(ProblemException::notFound);
    }

    private QueueItem item(WaitingStep step, Person person) {
        return item(step, person, step.claimedBy() == null ? Map.of()
                : people.displayNames(List.of(step.claimedBy())));
    }

    private QueueItem item(WaitingStep step, Person person, Map<String, String> names) {
        Step.Task definition = taskDefinition(step);
        ApplicationSummary application = applications.byWorkflowInstance(step.instanceId().value()).orElse(null);
        return new QueueItem(step.instanceId().value(), step.step(), definition.name().zh(), definition.name().en(),
                step.department(), step.serviceCode(), application == null ? null : application.number(),
                application == null ? null : application.applicantName(), step.activatedAt(), step.dueAt(),
                step.light(), step.claimedBy(), step.claimedBy() == null ? null : names.get(step.claimedBy()),
                person.subject().equals(step.claimedBy()));
    }

}
