package org.tongban.workbench.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;
import org.tongban.exchange.BoundRecord;
import org.tongban.exchange.DataExchange;
import org.tongban.identity.Official;
import org.tongban.identity.DepartmentRoles;
import org.tongban.identity.People;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.workbench.TaskReassigned;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Material;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.Step;
import org.tongban.workflow.WaitingStep;
import org.tongban.workflow.WorkflowCommand;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;
import org.tongban.workflow.WorkflowEvents;
import org.tongban.workflow.WorkflowQueries;

/**
 * The clerks' rules: a step is theirs when it waits in one of their departments for their role; they see only what
 * the step may see, and every opening of an applicant's data is recorded in the same transaction; department
 * admins reassign within their department. Everything else is 403 or 404.
 */
@Service
class WorkbenchService {

    private final WorkflowQueries queries;
    private final WorkflowEngine engine;
    private final WorkflowDefinitions definitions;
    private final Applications applications;
    private final DataAccessLog accessLog;
    private final People people;
    private final ApplicationEventPublisher events;
    private final DataExchange exchange;
    private final DepartmentRoles departmentRoles;

    WorkbenchService(WorkflowQueries queries, WorkflowEngine engine, WorkflowDefinitions definitions,
            Applications applications, DataAccessLog accessLog, People people, ApplicationEventPublisher events,
            DataExchange exchange, DepartmentRoles departmentRoles) {
        this.exchange = exchange;
        this.departmentRoles = departmentRoles;
        this.queries = queries;
        this.engine = engine;
        this.definitions = definitions;
        this.applications = applications;
        this.accessLog = accessLog;
        this.people = people;
        this.events = events;
    }

    /** My departments' steps for my roles. */
    WorkflowQueries.Page queue(Person person, String service, InstanceView.Light light, boolean mine, String search,
            int page, int size) {
        return queries.queue(Set.copyOf(person.departments()), roles(person), service, light,
                mine ? person.subject() : null, search, page, size);
    }

    /**
     * A department admin's overview of every waiting step of their departments, whatever its role, with who holds
     * it — and without the applicants: the overview is about the officials' work, so it carries no personal data
     * and searches application numbers only.
     */
    WorkflowQueries.Page assignments(Person person, String service, InstanceView.Light light, String number, int page,
            int size) {
        if (number != null && !number.isBlank() && !number.strip().matches("[0-9A-Za-z-]+")) {
            return queries.queue(Set.of(), Set.of(), null, null, null, null, page, size);
        }
        return queries.queue(Set.copyOf(person.departments()), Set.of(), service, light, null, number, page, size);
    }

    /** What a clerk sees of a step: its answers and documents, the history, the other departments' progress. */
    record Opened(WaitingStep waiting, Step.Task definition, ApplicationSummary application,
            Map<String, Object> visibleData, List<Materials> materials, List<Shared> shared,
            Map<String, String> fieldSources, List<InstanceView.ActiveStep> otherSteps, List<HistoryEntry> history,
            boolean mayReassign) {
    }

    /**
     * A department's record the step may see: read with the applicant's consent or written by this application,
     * with its provenance, and the applicant's objection if they said it is wrong.
     *
     * @param data only what the step may see of it (a record standing in for a document: all of it)
     */
    record Shared(String dataset, org.tongban.workflow.LocalizedText name, String holder, String origin, String recordKey,
            String label, Map<String, Object> data, java.time.Instant recordedAt, java.time.Instant readAt,
            String readFor, List<String> materials, String disputed) {
    }

    /** A material the step may see, with the applicant's documents for it. */
    record Materials(Material material, List<Applications.Attachment> attachments) {
    }

    /** Opens a step: only its visible answers and materials, and the opening is recorded before anything leaves. */
    @Transactional
    Opened open(Person person, String instanceId, String step) {
        WaitingStep waiting = mineOrForbidden(instanceId, step, person);
        PublishedDefinition published = definitionOf(waiting);
        Step.Task task = published.task(step).orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        ApplicationSummary application = applications.byWorkflowInstance(instanceId)
                .orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        Map<String, Object> all = applications.formData(application.id());
        Map<String, Object> visible = new LinkedHashMap<>();
        for (String field : task.visibleFields()) {
            copy(all, field, visible);
        }
        List<Applications.Attachment> documents = applications.attachments(application.id());
        List<Materials> materials = published.service().materials().stream()
                .filter(material -> task.visibleMaterials().contains(material.code()))
                .map(material -> new Materials(material, documents.stream()
                        .filter(document -> document.materialCode().equals(material.code())).toList()))
                .toList();
        accessLog.record(use(person, waiting, application, DataUse.Kind.TASK_OPENED, "process-step", null,
                task.visibleFields()));
        SharedView shared = shared(person, waiting, published, task, application);
        InstanceView view = engine.find(new InstanceId(instanceId)).orElseThrow();
        List<InstanceView.ActiveStep> others = view.activeSteps().stream()
                .filter(other -> !other.step().equals(step)).toList();
        return new Opened(waiting, task, application, visible, materials, shared.records(), shared.fieldSources(), others,
                engine.history(new InstanceId(instanceId)), mayReassign(person, waiting));
    }

    private record SharedView(List<Shared> records, Map<String, String> fieldSources) {
    }

    /**
     * The shared records the step may see, fetched through the exchange (each opening recorded there): the sources of
     * its visible answers (only those answers' fields), of its visible materials, and what this application wrote
     * into registers the step's department may read. Disputed sources show the applicant's objection instead.
     */
    private SharedView shared(Person person, WaitingStep waiting, PublishedDefinition published, Step.Task task,
            ApplicationSummary application) {
        org.tongban.workflow.DataCatalogue catalogue = definitions.catalogue();
        Map<String, java.util.Set<String>> fieldsByDataset = new LinkedHashMap<>();
        Map<String, String> fieldSources = new LinkedHashMap<>();
        published.fieldSources().values().stream().filter(source -> task.sees(source.path())).forEach(source -> {
            fieldsByDataset.computeIfAbsent(source.dataset(), key -> new java.util.LinkedHashSet<>()).add(source.field());
            fieldSources.put(source.path(), source.dataset());
        });
        Map<String, List<String>> materialsByDataset = new LinkedHashMap<>();
        published.service().materials().stream()
                .filter(material -> material.source() != null && task.visibleMaterials().contains(material.code()))
                .forEach(material -> materialsByDataset.computeIfAbsent(material.source(), key -> new java.util.ArrayList<>())
                        .add(material.code()));
        java.util.Set<String> datasets = new java.util.LinkedHashSet<>(fieldsByDataset.keySet());
        datasets.addAll(materialsByDataset.keySet());
        published.steps().stream().filter(Step.Automatic.class::isInstance).map(Step.Automatic.class::cast)
                .filter(step -> step.record() != null).map(step -> step.record().dataset())
                .filter(dataset -> catalogue.dataset(dataset).map(d -> d.readableBy(task.department())).orElse(false))
                .forEach(datasets::add);
        Map<String, String> disputes = new LinkedHashMap<>();
        applications.sourceDecisions(application.id()).stream().filter(decision -> "disputed".equals(decision.decision()))
                .forEach(decision -> disputes.put(decision.dataset(), decision.reason()));
        List<Shared> records = new java.util.ArrayList<>();
        if (!datasets.isEmpty()) {
            DataExchange.Use use = new DataExchange.Use(application.id(), application.number(), owner(application),
                    person.subject(), person.displayName(), waiting.department(), "process-step", waiting.step());
            for (BoundRecord bound : exchange.open(use, datasets)) {
                String dataset = bound.record().dataset();
                boolean whole = materialsByDataset.containsKey(dataset) || BoundRecord.WRITTEN.equals(bound.origin());
                Map<String, Object> data = new LinkedHashMap<>();
                bound.record().data().forEach((field, value) -> {
                    if (whole || fieldsByDataset.getOrDefault(dataset, java.util.Set.of()).contains(field)) {
                        data.put(field, value);
                    }
                });
                records.add(new Shared(dataset, catalogue.dataset(dataset).map(d -> d.name()).orElse(null),
                        bound.record().department(), bound.origin(), bound.record().key(), bound.record().label(), data,
                        bound.record().recordedAt(), bound.boundAt(), bound.department(),
                        materialsByDataset.getOrDefault(dataset, List.of()), null));
            }
        }
        disputes.forEach((dataset, reason) -> {
            if (datasets.contains(dataset)) {
                records.add(new Shared(dataset, catalogue.dataset(dataset).map(d -> d.name()).orElse(null),
                        catalogue.dataset(dataset).map(d -> d.department()).orElse(null), "disputed", null, null, Map.of(),
                        null, null, null, materialsByDataset.getOrDefault(dataset, List.of()), reason));
            }
        });
        return new SharedView(records, fieldSources);
    }

    /** One of the application's documents, if the step may see its material; the opening is recorded. */
    @Transactional
    Applications.AttachmentContent document(Person person, String instanceId, String step, String attachmentId) {
        WaitingStep waiting = mineOrForbidden(instanceId, step, person);
        Step.Task task = definitionOf(waiting).task(step).orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        ApplicationSummary application = applications.byWorkflowInstance(instanceId)
                .orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        Applications.AttachmentContent content = applications.attachment(application.id(), attachmentId)
                .orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        if (!task.visibleMaterials().contains(content.attachment().materialCode())) {
            throw new DomainException(WorkbenchProblem.MATERIAL_NOT_VISIBLE);
        }
        accessLog.record(use(person, waiting, application, DataUse.Kind.ATTACHMENT_OPENED, "process-step", null,
                List.of(content.attachment().materialCode())));
        return content;
    }

    @Transactional
    WaitingStep claim(Person person, String instanceId, String step) {
        mineOrForbidden(instanceId, step, person);
        if (!queries.claim(new InstanceId(instanceId), step, person.subject())) {
            throw new DomainException(WorkbenchProblem.CLAIMED);
        }
        return queries.waitingStep(new InstanceId(instanceId), step).orElseThrow();
    }

    @Transactional
    WaitingStep release(Person person, String instanceId, String step) {
        mineOrForbidden(instanceId, step, person);
        if (!queries.release(new InstanceId(instanceId), step, person.subject())) {
            throw new DomainException(WorkbenchProblem.CLAIMED);
        }
        return queries.waitingStep(new InstanceId(instanceId), step).orElseThrow();
    }

    /** Who the step may be given to, and who holds it now. */
    record Candidates(List<Official> officials, String holder) {
    }

    /** The department's officials with the step's role whom the directory knows. */
    Candidates candidates(Person person, String instanceId, String step) {
        WaitingStep waiting = adminsOrForbidden(instanceId, step, person);
        return new Candidates(candidatesFor(waiting), waiting.claimedBy());
    }

    @Transactional
    WaitingStep reassign(Person person, String instanceId, String step, String clerk, String reason) {
        WaitingStep waiting = adminsOrForbidden(instanceId, step, person);
        // only someone who may process the step: an official of its department with its role, known to the
        // directory (signed in at least once); never a citizen, a colleague of another department, or a typo
        if (clerk != null && candidatesFor(waiting).stream().noneMatch(official -> official.subject().equals(clerk))) {
            throw new DomainException(WorkbenchProblem.NOT_A_CANDIDATE);
        }
        if (!queries.reassign(new InstanceId(instanceId), step, clerk)) {
            throw new DomainException(WorkbenchProblem.NOT_FOUND);
        }
        if (!Objects.equals(clerk, waiting.claimedBy())) {
            events.publishEvent(new TaskReassigned(ref(waiting), step, waiting.department(), waiting.claimedBy(), clerk,
                    person.subject(), reason == null ? "" : reason.strip()));
        }
        return queries.waitingStep(new InstanceId(instanceId), step).orElseThrow();
    }

    InstanceView decide(Person person, String instanceId, String step, WorkflowCommand command) {
        WaitingStep waiting = mineOrForbidden(instanceId, step, person);
        if (command instanceof WorkflowCommand.Approve approve && approve.assignee() != null) {
            // 派单: only to an official who may process the next step
            if (assignees(waiting).stream().noneMatch(official -> official.subject().equals(approve.assignee()))) {
                throw new DomainException(WorkbenchProblem.NOT_A_CANDIDATE);
            }
        }
        Actor actor = new Actor(person.subject(), roles(person), Set.copyOf(person.departments()));
        return engine.fire(new InstanceId(instanceId), command, actor);
    }

    /** The name of a department's role ({@code department:role}) in the reader's language; the code if unknown. */
    String roleName(String departmentRole, java.util.Locale locale) {
        String department = departmentRole.substring(0, departmentRole.indexOf(':'));
        String role = departmentRole.substring(departmentRole.indexOf(':') + 1);
        boolean english = "en".equals(locale.getLanguage());
        if (DepartmentRoles.BUILT_IN.contains(role)) {
            return role.equals(Role.CLERK.code()) ? (english ? "Clerk" : "窗口人员")
                    : (english ? "Department admin" : "部门管理员");
        }
        return departmentRoles.of(department).stream().filter(each -> each.code().equals(role)).findFirst()
                .map(each -> english ? each.nameEn() : each.nameZh()).orElse(role);
    }

    /** The realm roles and the departments' own roles the person holds ({@code department:role}). */
    private Set<String> roles(Person person) {
        Set<String> roles = new java.util.HashSet<>();
        person.roles().forEach(role -> roles.add(role.code()));
        roles.addAll(departmentRoles.heldBy(person));
        return Set.copyOf(roles);
    }

    /** Who the clerk of a dispatching step may name for the next step (empty when the step names nobody). */
    List<Official> assignees(Person person, String instanceId, String step) {
        return assignees(mineOrForbidden(instanceId, step, person));
    }

    private List<Official> assignees(WaitingStep waiting) {
        PublishedDefinition published = definitionOf(waiting);
        return published.task(waiting.step()).filter(Step.Task::assignsNext)
                .flatMap(task -> published.task(task.next()))
                .map(next -> departmentRoles.holders(next.department(), next.role()))
                .orElse(List.of());
    }

    /** Names of the officials among these subjects (null for anyone else). */
    Map<String, String> names(Stream<String> subjects) {
        return people.displayNames(subjects.filter(Objects::nonNull).distinct().toList());
    }

    PublishedDefinition definitionOf(WaitingStep waiting) {
        return definitions.version(waiting.serviceCode(), waiting.definitionVersion())
                .orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
    }

    static boolean mayReassign(Person person, WaitingStep waiting) {
        return person.hasRole(Role.DEPT_ADMIN) && person.belongsTo(waiting.department());
    }

    /** The step exists and waits in one of my departments, for my role; otherwise 404 / 403. */
    private WaitingStep mineOrForbidden(String instanceId, String step, Person person) {
        WaitingStep waiting = queries.waitingStep(new InstanceId(instanceId), step)
                .orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        if (!departmentRoles.holds(person, waiting.department(), waiting.role())) {
            throw new DomainException(WorkbenchProblem.NOT_YOUR_STEP);
        }
        return waiting;
    }

    /** The step exists and waits in one of my departments, and I am its department admin; else 404 / 403. */
    private WaitingStep adminsOrForbidden(String instanceId, String step, Person person) {
        WaitingStep waiting = queries.waitingStep(new InstanceId(instanceId), step)
                .orElseThrow(() -> new DomainException(WorkbenchProblem.NOT_FOUND));
        if (!mayReassign(person, waiting)) {
            throw new DomainException(WorkbenchProblem.NOT_YOUR_STEP);
        }
        return waiting;
    }

    private List<Official> candidatesFor(WaitingStep waiting) {
        return departmentRoles.holders(waiting.department(), waiting.role());
    }

    private static WorkflowEvents.Ref ref(WaitingStep waiting) {
        return new WorkflowEvents.Ref(waiting.instanceId().value(), waiting.applicationId(), waiting.reference(),
                waiting.serviceCode(), waiting.definitionVersion(), null);
    }

    private static DataUse use(Person person, WaitingStep waiting, ApplicationSummary application, DataUse.Kind kind,
            String purpose, String dataset, List<String> fields) {
        return new DataUse(owner(application), application.id(), application.number(), person.subject(),
                person.displayName(), waiting.department(), kind, purpose, dataset, fields, waiting.step());
    }

    private static DataUse.Owner owner(ApplicationSummary application) {
        return new DataUse.Owner(ownerPerson(application), application.enterpriseUscc());
    }

    private static String ownerPerson(ApplicationSummary application) {
        return application.applicantIdNumber() != null ? application.applicantIdNumber()
                : "subject:" + application.applicantSubject();
    }

    /**
     * Copies the answer at a dotted path ({@code mother.name}) into the same place of {@code into}, so the step sees
     * the form's shape with only its fields in it.
     */
    @SuppressWarnings("unchecked")
    static void copy(Map<String, Object> answers, String path, Map<String, Object> into) {
        String[] segments = path.split("\\.");
        Object current = answers;
        for (String segment : segments) {
            if (!(current instanceof Map<?, ?> map)) {
                return;
            }
            current = ((Map<String, Object>) map).get(segment);
        }
        if (current == null) {
            return;
        }
        Map<String, Object> target = into;
        for (int i = 0; i < segments.length - 1; i++) {
            Object next = target.computeIfAbsent(segments[i], key -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map<?, ?>)) {
                return;
            }
            target = (Map<String, Object>) next;
        }
        target.put(segments[segments.length - 1], current);
    }
}
