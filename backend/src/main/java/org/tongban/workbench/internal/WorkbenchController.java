package org.tongban.workbench.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.application.Applications;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.shared.DomainException;
import org.tongban.web.Downloads;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.WaitingStep;
import org.tongban.workflow.WorkflowCommand;
import org.tongban.workflow.WorkflowQueries;

/** The clerk's inbox and decisions over HTTP; the rules are {@link WorkbenchService}'s. */
@RestController
@Tag(name = "Workbench")
@PreAuthorize("hasAnyRole('clerk', 'dept-admin')")
class WorkbenchController {

    private final WorkbenchService workbench;
    private final CurrentPerson currentPerson;

    WorkbenchController(WorkbenchService workbench, CurrentPerson currentPerson) {
        this.workbench = workbench;
        this.currentPerson = currentPerson;
    }

    /**
     * A waiting step. {@code claimedBy} is the holder's subject, {@code claimedByName} their name from
     * the person directory (null if they are not in it); {@code applicantName} is null on the admins' overview.
     */
    record QueueItem(String instanceId, String step, String stepNameZh, String stepNameEn, String department,
            String serviceCode, String applicationNumber, String applicantName, Instant activatedAt, Instant dueAt,
            InstanceView.Light light, String claimedBy, String claimedByName, boolean claimedByMe) {
    }

    /**
     * A history entry with the official's name ({@code actorName}; null for the applicant and the system);
     * {@code items} of a correction request; {@code target}: the step of a return, the official a dispatching approval
     * named, the {@code department:role} an escalation handed the task to, with {@code targetName} (the official's
     * name, or the role's name in the reader's language); {@code fromVersion} and {@code toVersion} of a move to
     * another version of the workflow (action {@code migrate}).
     */
    record HistoryItem(int sequence, String step, String action, String actor, String actorName,
            String actorDepartment, String reason, List<String> items, String target, String targetName, Instant at,
            Integer fromVersion, Integer toVersion) {
    }

    /** Someone a department admin may give the step to: an official of its department with its role. */
    record Candidate(String subject, String username, String displayName, boolean holdsTask) {
    }

    record Queue(List<QueueItem> items, Map<InstanceView.Light, Long> counts, int page, int size, long total) {
    }

    /** A material the step may see, with the applicant's documents for it (download them through {@code …/documents/{id}}). */
    record MaterialView(String code, LocalizedText name, boolean required, List<Applications.Attachment> documents) {
    }

    /**
     * {@code shared}: the departments' records this step may see, with their provenance; {@code fieldSources}: which
     * visible answers came from which dataset.
     */
    record TaskView(QueueItem task, Map<String, Object> visibleData, List<String> visibleFields,
            List<MaterialView> materials, List<WorkbenchService.Shared> shared, Map<String, String> fieldSources,
            List<String> returnTargets, boolean correctionAllowed,
            List<InstanceView.ActiveStep> parallelProgress, List<HistoryItem> history, boolean mayReassign,
            boolean assignsNext) {
    }

    /** {@code assignee}: at a dispatching step (派单), the official who will hold the next step. */
    record Decision(@NotNull @Pattern(regexp = "approve|reject|correction|return") String action,
            @Size(max = 2000) String reason, @Size(max = 50) List<@Size(max = 100) String> items,
            @Size(max = 100) String target, @Size(max = 100) String assignee) {
    }

    /** {@code clerk}: the subject to give the step to, or null to put it back into the queue. */
    record Reassignment(@Size(max = 100) String clerk, @Size(max = 500) String reason) {
    }

    @GetMapping("/api/v1/workbench/tasks")
    @Operation(summary = "My departments' queue, by deadline, with lights and counts; q searches application numbers and applicant names")
    Queue queue(@RequestParam(required = false) String service, @RequestParam(required = false) String light,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Person person = currentPerson.require();
        requirePaging(page, size, q);
        return queue(person, workbench.queue(person, service, light(light), mine, q, page, size), page, size, true);
    }

    @GetMapping("/api/v1/workbench/assignments")
    @PreAuthorize("hasRole('dept-admin')")
    @Operation(summary = "Every waiting step of my departments, whatever its role, with who holds it (department admins); q searches application numbers")
    Queue assignments(@RequestParam(required = false) String service, @RequestParam(required = false) String light,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Person person = currentPerson.require();
        requirePaging(page, size, q);
        return queue(person, workbench.assignments(person, service, light(light), q, page, size), page, size, false);
    }

    @GetMapping("/api/v1/workbench/tasks/{instanceId}/{step}")
    @Operation(summary = "A task: the answers and documents this step may see, the history, the other departments' progress")
    TaskView task(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        WorkbenchService.Opened opened = workbench.open(person, instanceId, step);
        Map<String, String> names = workbench.names(Stream.of(
                opened.history().stream().filter(entry -> entry.actorDepartment() != null).map(entry -> entry.actor()),
                opened.history().stream().filter(entry -> "approve".equals(entry.action())).map(entry -> entry.target()),
                Stream.of(opened.waiting().claimedBy())).flatMap(each -> each));
        List<HistoryItem> history = opened.history().stream().map(entry -> new HistoryItem(entry.sequence(),
                entry.step(), entry.action(), entry.actor(), entry.actorDepartment() == null ? null
                        : names.get(entry.actor()), entry.actorDepartment(), entry.reason(), entry.items(),
                entry.target(), targetName(entry, names), entry.at(),
                entry.migration() == null ? null : entry.migration().fromVersion(),
                entry.migration() == null ? null : entry.migration().toVersion())).toList();
        List<MaterialView> materials = opened.materials().stream().map(m -> new MaterialView(m.material().code(),
                m.material().name(), m.material().required(), m.attachments())).toList();
        return new TaskView(item(opened.waiting(), person, names, true), opened.visibleData(),
                opened.definition().visibleFields(), materials, opened.shared(), opened.fieldSources(),
                opened.definition().returnTo(),
                opened.definition().correction(), opened.otherSteps(), history, opened.mayReassign(),
                opened.definition().assignsNext());
    }

    private String targetName(org.tongban.workflow.HistoryEntry entry, Map<String, String> names) {
        if (entry.target() == null) {
            return null;
        }
        if ("approve".equals(entry.action())) {
            return names.get(entry.target());
        }
        if ("escalate".equals(entry.action()) && entry.target().indexOf(':') > 0) {
            return workbench.roleName(entry.target(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
        }
        return null;
    }

    @GetMapping("/api/v1/workbench/tasks/{instanceId}/{step}/assignees")
    @Operation(summary = "At a dispatching step: the officials who may hold the next step (its department and role, "
            + "signed in at least once); empty for other steps")
    List<Candidate> assignees(@PathVariable String instanceId, @PathVariable String step) {
        return workbench.assignees(currentPerson.require(), instanceId, step).stream()
                .map(official -> new Candidate(official.subject(), official.username(), official.displayName(), false))
                .toList();
    }

    @GetMapping("/api/v1/workbench/tasks/{instanceId}/{step}/documents/{attachmentId}")
    @Operation(summary = "Open one of the application's documents, if this step may see its material (recorded)")
    ResponseEntity<Resource> document(@PathVariable String instanceId, @PathVariable String step,
            @PathVariable String attachmentId) {
        Applications.AttachmentContent content = workbench.document(currentPerson.require(), instanceId, step,
                attachmentId);
        return Downloads.attachment(content.attachment().fileName(), content.attachment().mediaType(),
                content.length(), content.content().get());
    }

    @GetMapping("/api/v1/workbench/tasks/{instanceId}/{step}/candidates")
    @PreAuthorize("hasRole('dept-admin')")
    @Operation(summary = "Who the step may be reassigned to: the department's officials with the step's role who "
            + "have signed in at least once (department admins)")
    List<Candidate> candidates(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        WorkbenchService.Candidates candidates = workbench.candidates(person, instanceId, step);
        return candidates.officials().stream().map(official -> new Candidate(official.subject(), official.username(),
                official.displayName(), official.subject().equals(candidates.holder()))).toList();
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/claim")
    @Operation(summary = "Claim a task: it is locked to me until I release it")
    QueueItem claim(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        return item(workbench.claim(person, instanceId, step), person, true);
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/release")
    @Operation(summary = "Give a claimed task back to the queue")
    QueueItem release(@PathVariable String instanceId, @PathVariable String step) {
        Person person = currentPerson.require();
        return item(workbench.release(person, instanceId, step), person, true);
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/reassignment")
    @PreAuthorize("hasRole('dept-admin')")
    @Operation(summary = "Reassign a task to another clerk of the department (department admins)")
    QueueItem reassign(@PathVariable String instanceId, @PathVariable String step,
            @Valid @RequestBody Reassignment reassignment) {
        Person person = currentPerson.require();
        String clerk = reassignment.clerk() == null || reassignment.clerk().isBlank() ? null : reassignment.clerk();
        return item(workbench.reassign(person, instanceId, step, clerk, reassignment.reason()), person, false);
    }

    @PostMapping("/api/v1/workbench/tasks/{instanceId}/{step}/decision")
    @Operation(summary = "Decide: approve, reject (reason), request correction (items and reason), return (target and reason)")
    InstanceView decide(@PathVariable String instanceId, @PathVariable String step,
            @Valid @RequestBody Decision decision) {
        WorkflowCommand command = switch (decision.action()) {
            case "approve" -> new WorkflowCommand.Approve(step, decision.reason(),
                    decision.assignee() == null || decision.assignee().isBlank() ? null : decision.assignee());
            case "reject" -> new WorkflowCommand.Reject(step, decision.reason());
            case "correction" -> new WorkflowCommand.RequestCorrection(step,
                    decision.items() == null ? List.of() : decision.items(), decision.reason());
            default -> new WorkflowCommand.ReturnTo(step, decision.target(), decision.reason());
        };
        return workbench.decide(currentPerson.require(), instanceId, step, command);
    }

    private Queue queue(Person person, WorkflowQueries.Page found, int page, int size, boolean withApplicants) {
        Map<String, String> names = workbench.names(found.items().stream().map(WaitingStep::claimedBy));
        return new Queue(found.items().stream().map(step -> item(step, person, names, withApplicants)).toList(),
                found.counts(), page, size, found.total());
    }

    private QueueItem item(WaitingStep step, Person person, boolean withApplicant) {
        return item(step, person, workbench.names(Stream.of(step.claimedBy())), withApplicant);
    }

    private QueueItem item(WaitingStep step, Person person, Map<String, String> names, boolean withApplicant) {
        LocalizedText name = workbench.definitionOf(step).step(step.step()).map(s -> s.name())
                .orElse(new LocalizedText(step.step(), step.step()));
        return new QueueItem(step.instanceId().value(), step.step(), name.zh(), name.en(), step.department(),
                step.serviceCode(), step.reference(), withApplicant ? step.applicantName() : null, step.activatedAt(),
                step.dueAt(), step.light(), step.claimedBy(), step.claimedBy() == null ? null : names.get(step.claimedBy()),
                person.subject().equals(step.claimedBy()));
    }

    private static InstanceView.Light light(String light) {
        if (light == null || light.isBlank()) {
            return null;
        }
        try {
            return InstanceView.Light.valueOf(light.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(WorkbenchProblem.INVALID_QUERY);
        }
    }

    private static void requirePaging(int page, int size, String q) {
        if (page < 0 || size < 1 || size > 100 || (q != null && q.length() > 100)) {
            throw new DomainException(WorkbenchProblem.INVALID_QUERY);
        }
    }
}
