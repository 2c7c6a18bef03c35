package org.tongban.application.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.application.ApplicationStatus;
import org.tongban.application.Applications.Attachment;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.PublishedDefinition;

/** The applicant's side over HTTP: drafts, submission, my applications, timeline, correction, withdrawal. */
@RestController
@Tag(name = "Applications")
class ApplicationController {

    private final ApplicationService applications;
    private final CurrentPerson currentPerson;

    ApplicationController(ApplicationService applications, CurrentPerson currentPerson) {
        this.applications = applications;
        this.currentPerson = currentPerson;
    }

    record NewApplication(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+") String serviceCode) {
    }

    record Draft(@NotNull Map<String, Object> formData) {
    }

    record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    record Correction(@NotBlank @Size(max = 100) String step, @NotNull Map<String, Object> formData) {
    }

    /** The applicant's answer at an applicant step: confirm (optional comment), reopen or supply (text required). */
    record Answer(@NotNull @Pattern(regexp = "confirm|reopen|supply") String action, @Size(max = 2000) String text) {
    }

    /**
     * A step waiting for the applicant (申请人确认): what they are asked, what they may do and until when (without an
     * answer it continues as confirmed).
     */
    record AwaitingApplicant(String step, LocalizedText name, LocalizedText description, List<String> actions,
            Instant dueAt) {
    }

    /**
     * {@code correction}: the first open correction request (of {@code corrections}, one per step that asked);
     * {@code lockedFields}: answers that agreed shared records give (not editable); {@code sources}: the data the
     * service reads from departments, with the applicant's decisions; {@code satisfiedMaterials}: materials an agreed
     * record stands in for (nothing to upload).
     */
    record ApplicationView(String id, String number, String serviceCode, int definitionVersion, ApplicationStatus status,
            Map<String, Object> formData, List<String> prefilledFields, List<String> lockedFields,
            List<SourceView> sources, Set<String> satisfiedMaterials, String applicantName, String enterpriseName,
            Instant createdAt, Instant updatedAt, Instant submittedAt, LocalDate expectedCompletion,
            List<InstanceView.ActiveStep> currentSteps, List<TimelineEntry> timeline, CorrectionRequest correction,
            List<CorrectionRequest> corrections, List<Attachment> attachments, long version,
            AwaitingApplicant awaiting, LocalizedText endState) {
    }

    /**
     * A dataset the service reads with the applicant's consent: who holds it, why it is read, which answers and
     * materials it stands in for, the decision, the records to choose from while drafting (the applicant's own data)
     * and, once submitted, what was read and when.
     */
    record SourceView(String dataset, LocalizedText name, String department, String kind, LocalizedText purpose,
            String of, boolean many, List<String> fields, List<String> materials, String decision, String recordKey,
            String reason, List<RecordChoice> records, Provenance read) {
    }

    record RecordChoice(String key, String label, Instant recordedAt, Map<String, Object> data) {
    }

    /** Where a shared record came from: the department that holds it, the record, when it was recorded and read. */
    record Provenance(String department, String recordKey, String label, Instant recordedAt, Instant readAt,
            String origin) {
    }

    /** {@code decision}: granted (with {@code recordKey} when there are several), declined, or disputed (with a reason). */
    record SourceDecisionInput(@NotNull @Pattern(regexp = "granted|declined|disputed") String decision,
            @Size(max = 100) String recordKey, @Size(max = 500) String reason) {
    }

    /** A step of the timeline: the department that holds it, never the official's name. */
    /**
     * {@code fromVersion} and {@code toVersion}: for a move to another version of the workflow (action
     * {@code migrate}), which versions; null for every other entry.
     */
    record TimelineEntry(Instant at, String step, String action, String department, String reason,
            Integer fromVersion, Integer toVersion) {
    }

    record CorrectionRequest(String step, List<String> items, String reason) {
    }

    record Receipt(String id, String number, String serviceCode, Instant submittedAt, LocalDate expectedCompletion) {
    }

    record Summary(String id, String number, String serviceCode, int definitionVersion, ApplicationStatus status,
            String applicantName, String enterpriseName, Instant createdAt, Instant updatedAt, Instant submittedAt,
            LocalDate expectedCompletion, long version) {
    }

    record SummaryPage(List<Summary> items, int page, int size, long total) {
    }

    @PostMapping("/api/v1/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an application as a draft; the form comes prefilled with what the identity provider verified")
    ApplicationView create(@Valid @RequestBody NewApplication request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Person person = currentPerson.require();
        return view(person, applications.create(person, request.serviceCode(), idempotencyKey));
    }

    @PutMapping("/api/v1/applications/{id}/draft")
    @Operation(summary = "Save the draft's answers (incomplete answers are fine; wrong ones are not)")
    ApplicationView saveDraft(@PathVariable String id, @Valid @RequestBody Draft draft) {
        Person person = currentPerson.require();
        return view(person, applications.saveDraft(person, id, draft.formData()));
    }

    @PutMapping("/api/v1/applications/{id}/sources/{dataset}")
    @Operation(summary = "Agree that a department's record is used instead of answers and documents, decline, or say it is wrong")
    ApplicationView decideSource(@PathVariable String id, @PathVariable @Size(max = 100) String dataset,
            @Valid @RequestBody SourceDecisionInput input) {
        Person person = currentPerson.require();
        return view(person, applications.decideSource(person, id, dataset, input.decision(), input.recordKey(),
                input.reason()));
    }

    @PostMapping("/api/v1/applications/{id}/submission")
    @Operation(summary = "Submit (idempotent: submitting again answers the same receipt)")
    Receipt submit(@PathVariable String id) {
        Application application = applications.submit(currentPerson.require(), id);
        return new Receipt(application.id(), application.number(), application.serviceCode(),
                application.submittedAt(), applications.expectedCompletion(application));
    }

    @GetMapping("/api/v1/applications")
    @Operation(summary = "My applications (for business users: my enterprise's), newest first, a page at a time; summaries only")
    SummaryPage mine(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Person person = currentPerson.require();
        if (page < 0 || size < 1 || size > 100) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        ApplicationStatus wanted;
        try {
            wanted = status == null || status.isBlank() ? null : ApplicationStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        ApplicationRepository.ListPage found = applications.list(person, wanted, page, size);
        return new SummaryPage(found.items().stream().map(row -> new Summary(row.id(), row.number(), row.serviceCode(),
                row.definitionVersion(), row.status(), row.applicantName(), row.enterpriseName(), row.createdAt(),
                row.updatedAt(), row.submittedAt(), applications.expectedCompletion(row), row.version())).toList(), page,
                size, found.total());
    }

    @GetMapping("/api/v1/applications/{id}")
    @Operation(summary = "One application with its timeline")
    ApplicationView one(@PathVariable String id) {
        Person person = currentPerson.require();
        return view(person, applications.owned(person, id));
    }

    @PostMapping("/api/v1/applications/{id}/withdrawal")
    @Operation(summary = "Withdraw before a decision (a draft is discarded)")
    ApplicationView withdraw(@PathVariable String id, @Valid @RequestBody Withdrawal withdrawal) {
        Person person = currentPerson.require();
        Application application = applications.withdraw(person, id, withdrawal.reason());
        return view(person, application);
    }

    @PostMapping("/api/v1/applications/{id}/steps/{step}/answer")
    @Operation(summary = "Answer a step that waits for me: confirm the result, reopen the case (with the reason) or "
            + "supply information")
    ApplicationView answer(@PathVariable String id, @PathVariable @Size(max = 100) String step,
            @Valid @RequestBody Answer answer) {
        Person person = currentPerson.require();
        return view(person, applications.answer(person, id, step, answer.action(), answer.text()));
    }

    @PostMapping("/api/v1/applications/{id}/correction")
    @Operation(summary = "Resubmit after a correction request: only the flagged items may change")
    ApplicationView correct(@PathVariable String id, @Valid @RequestBody Correction correction) {
        Person person = currentPerson.require();
        return view(person, applications.correct(person, id, correction.step(), correction.formData()));
    }

    private ApplicationView view(Person person, Application application) {
        ApplicationService.Details details = applications.details(person, application);
        PublishedDefinition published = details.definition();
        List<CorrectionRequest> corrections = application.corrections().stream()
                .map(open -> new CorrectionRequest(open.step(), open.items(), open.reason())).toList();
        List<SourceView> sources = details.sources().stream().map(source -> new SourceView(source.use().dataset(),
                source.dataset().name(), source.dataset().department(),
                source.dataset().kind().name().toLowerCase(java.util.Locale.ROOT), source.use().purpose(),
                source.use().of(), source.dataset().many(), source.fields(), source.materials(),
                source.decision() == null ? null : source.decision().decision(),
                source.decision() == null ? null : source.decision().recordKey(),
                source.decision() == null ? null : source.decision().reason(),
                source.records().stream().map(record -> new RecordChoice(record.key(), record.label(),
                        record.recordedAt(), record.data())).toList(),
                source.bound() == null ? null : new Provenance(source.bound().record().department(),
                        source.bound().record().key(), source.bound().record().label(),
                        source.bound().record().recordedAt(), source.bound().boundAt(), source.bound().origin())))
                .toList();
        return new ApplicationView(application.id(), application.number(), application.serviceCode(),
                application.definitionVersion(), application.status(), application.formData(),
                details.prefilledFields(), details.lockedFields(), sources, details.satisfiedMaterials(),
                application.applicant().name(),
                application.enterprise().map(Application.Enterprise::name).orElse(null), application.createdAt(),
                application.updatedAt(), application.submittedAt(), details.expectedCompletion(), details.currentSteps(),
                timeline(application, published, details.history()),
                corrections.isEmpty() ? null : corrections.get(0), corrections, details.attachments(),
                application.version(), awaiting(published, details.currentSteps()), details.endState());
    }

    private static AwaitingApplicant awaiting(PublishedDefinition published, List<InstanceView.ActiveStep> steps) {
        for (InstanceView.ActiveStep active : steps) {
            if (org.tongban.workflow.Step.Applicant.ROLE.equals(active.role())) {
                var step = published.steps().stream()
                        .filter(org.tongban.workflow.Step.Applicant.class::isInstance)
                        .map(org.tongban.workflow.Step.Applicant.class::cast)
                        .filter(applicant -> applicant.id().equals(active.step())).findFirst();
                if (step.isPresent()) {
                    return new AwaitingApplicant(active.step(), step.get().name(), step.get().description(),
                            step.get().actions(), active.dueAt());
                }
            }
        }
        return null;
    }

    /**
     * The history as the applicant reads it. What happened before a move to another version (迁移) happened on the
     * version it came from: a step renamed since is found there.
     */
    private List<TimelineEntry> timeline(Application application, PublishedDefinition current,
            List<HistoryEntry> history) {
        List<TimelineEntry> timeline = new java.util.ArrayList<>(history.size());
        PublishedDefinition at = current;
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            timeline.add(timeline(at, entry));
            if (entry.migration() != null) {
                at = applications.version(application.serviceCode(), entry.migration().fromVersion()).orElse(at);
            }
        }
        java.util.Collections.reverse(timeline);
        return timeline;
    }

    // the department that holds a step, shown instead of the official's identity
    private static TimelineEntry timeline(PublishedDefinition published, HistoryEntry entry) {
        String department = entry.step() == null ? null
                : published.task(entry.step()).map(task -> task.department()).orElse(null);
        return new TimelineEntry(entry.at(), entry.step(), entry.action(), department, entry.reason(),
                entry.migration() == null ? null : entry.migration().fromVersion(),
                entry.migration() == null ? null : entry.migration().toVersion());
    }
}
