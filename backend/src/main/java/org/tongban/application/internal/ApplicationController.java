package org.tongban.application.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.tongban.application.internal.JdbcApplications.Row;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.web.Problems;
import org.tongban.workflow.Actor;
import org.tongban.workflow.BusinessCalendar;
import org.tongban.workflow.FormTexts;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowCommand;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;

/** The applicant's side: drafts, submission, my applications, timeline, correction, withdrawal. */
@RestController
@Tag(name = "Applications")
class ApplicationController {

    private final JdbcApplications applications;
    private final WorkflowDefinitions definitions;
    private final WorkflowEngine engine;
    private final CurrentPerson currentPerson;
    private final FormValidator validator;
    private final Problems problems;
    private final BusinessCalendar calendar;
    private final org.springframework.context.MessageSource messages;

    ApplicationController(JdbcApplications applications, WorkflowDefinitions definitions, WorkflowEngine engine,
            CurrentPerson currentPerson, tools.jackson.databind.json.JsonMapper json, Problems problems,
            BusinessCalendar calendar, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.applications = applications;
        this.definitions = definitions;
        this.engine = engine;
        this.currentPerson = currentPerson;
        this.validator = new FormValidator(json, messages);
        this.problems = problems;
        this.calendar = calendar;
    }

    record NewApplication(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9-]+") String serviceCode) {
    }

    record Draft(@NotNull Map<String, Object> formData) {
    }

    record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    record Correction(@NotBlank @Size(max = 100) String step, @NotNull Map<String, Object> formData) {
    }

    record ApplicationView(String id, String number, String serviceCode, int definitionVersion, String status,
            Map<String, Object> formData, List<String> prefilledFields, String applicantName, String enterpriseName,
            Instant createdAt, Instant updatedAt, Instant submittedAt, LocalDate expectedCompletion,
            List<InstanceView.ActiveStep> currentSteps, List<TimelineEntry> timeline, CorrectionRequest correction,
            List<AttachmentController.AttachmentView> attachments, long version) {
    }

    record TimelineEntry(Instant at, String step, String action, String department, String reason) {
    }

    record CorrectionRequest(String step, List<String> items, String reason) {
    }

    record Receipt(String id, String number, String serviceCode, Instant submittedAt, LocalDate expectedCompletion) {
    }

    // ---------------------------------------------------------------- drafts

    @PostMapping("/api/v1/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an application as a draft; the form comes prefilled with what the identity provider verified")
    ApplicationView create(@Valid @RequestBody NewApplication request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Person person = currentPerson.require();
        PublishedDefinition published = definitions.latest(request.serviceCode())
                .orElseThrow(ProblemException::notFound);
        requireAudience(person, published);
        if (idempotencyKey != null) {
            requireKey(idempotencyKey);
            var existing = applications.byIdempotencyKey(person.subject(), idempotencyKey);
            if (existing.isPresent()) {
                return view(existing.get(), person);
            }
        }
        Map<String, Object> form = new LinkedHashMap<>(Prefill.values(published.definition().formSchema(), person));
        Row row = applications.createDraft(published, person, form, idempotencyKey);
        return view(row, person);
    }

    @PutMapping("/api/v1/applications/{id}/draft")
    @Operation(summary = "Save the draft's answers (incomplete answers are fine; wrong ones are not)")
    ApplicationView saveDraft(@PathVariable String id, @Valid @RequestBody Draft draft) {
        Person person = currentPerson.require();
        Row row = owned(id, person);
        if (!"draft".equals(row.status())) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.WORKFLOW_NOT_ALLOWED);
        }
        PublishedDefinition published = published(row);
        Map<String, Object> form = withPrefill(draft.formData(), published, person);
        check(published, form, false);
        return view(applications.saveDraft(row, form), person);
    }

    @PostMapping("/api/v1/applications/{id}/submission")
    @Operation(summary = "Submit (idempotent: submitting again answers the same receipt)")
    Receipt submit(@PathVariable String id) {
        Person person = currentPerson.require();
        Row row = owned(id, person);
        if (!"draft".equals(row.status())) {
            return receipt(row);
        }
        PublishedDefinition published = published(row);
        Map<String, Object> form = withPrefill(row.formData(), published, person);
        check(published, form, true);
        Set<String> attached = applications.attachedMaterials(row.id());
        List<Map<String, String>> missing = published.definition().service().materials().stream()
                .filter(material -> material.required() && !attached.contains(material.code()))
                .map(material -> Map.of("field", "materials." + material.code(),
                        "message", message("application.material.missing",
                                material.name().in(LocaleContextHolder.getLocale()))))
                .toList();
        if (!missing.isEmpty()) {
            ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemType.MATERIALS_MISSING);
            problem.setProperty("errors", missing);
            throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return receipt(applications.submit(row, form, person));
    }

    // ---------------------------------------------------------------- reading

    @GetMapping("/api/v1/applications")
    @Operation(summary = "My applications (for business users: my enterprise's)")
    List<ApplicationView> mine() {
        Person person = currentPerson.require();
        return applications.of(person).stream().map(row -> summaryView(row)).toList();
    }

    @GetMapping("/api/v1/applications/{id}")
    @Operation(summary = "One application with its timeline")
    ApplicationView one(@PathVariable String id) {
        Person person = currentPerson.require();
        return view(owned(id, person), person);
    }

    // ---------------------------------------------------------------- after submission

    @PostMapping("/api/v1/applications/{id}/withdrawal")
    @Operation(summary = "Withdraw before a decision")
    ApplicationView withdraw(@PathVariable String id, @Valid @RequestBody Withdrawal withdrawal) {
        Person person = currentPerson.require();
        Row row = owned(id, person);
        if (row.workflowInstanceId() == null) {
            applications.discardDraft(row);
            return view(applications.find(id).orElseThrow(), person);
        }
        engine.fire(new InstanceId(row.workflowInstanceId()), new WorkflowCommand.Withdraw(withdrawal.reason()),
                actor(row, person));
        return view(applications.refreshStatus(row.id()), person);
    }

    @PostMapping("/api/v1/applications/{id}/correction")
    @Operation(summary = "Resubmit after a correction request: only the flagged items may change")
    ApplicationView correct(@PathVariable String id, @Valid @RequestBody Correction correction) {
        Person person = currentPerson.require();
        Row row = owned(id, person);
        CorrectionRequest request = openCorrection(row)
                .filter(open -> open.step().equals(correction.step()))
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, ProblemType.WORKFLOW_NOT_ALLOWED));
        PublishedDefinition published = published(row);
        Map<String, Object> form = withPrefill(correction.formData(), published, person);
        Set<String> changed = changedFields(row.formData(), form);
        if (!request.items().containsAll(changed)) {
            ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION_FAILED);
            List<Map<String, String>> errors = new ArrayList<>();
            changed.stream().filter(field -> !request.items().contains(field)).forEach(field -> errors.add(
                    Map.of("field", field, "message", message("application.correction.not-flagged",
                            FormTexts.fieldLabel(published.definition().formSchema(), field,
                                    LocaleContextHolder.getLocale(), String::valueOf)))));
            problem.setProperty("errors", errors);
            throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        check(published, form, true);
        applications.saveForm(row, form);
        engine.fire(new InstanceId(row.workflowInstanceId()), new WorkflowCommand.Resubmit(correction.step(), form),
                actor(row, person));
        return view(applications.refreshStatus(row.id()), person);
    }

    // ---------------------------------------------------------------- helpers

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private Row owned(String id, Person person) {
        return applications.owned(id, person);
    }

    private static void requireAudience(Person person, PublishedDefinition published) {
        String audience = published.definition().service().audience();
        boolean allowed = "business".equals(audience)
                ? person.hasRole(Role.BUSINESS) && person.enterprise().isPresent()
                : person.hasRole(Role.CITIZEN) || person.hasRole(Role.BUSINESS);
        if (!allowed) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN);
        }
    }

    private static void requireKey(String key) {
        if (key.isBlank() || key.length() > 100 || !key.matches("[A-Za-z0-9_.:-]+")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
    }

    private PublishedDefinition published(Row row) {
        return definitions.version(row.serviceCode(), row.definitionVersion()).orElseThrow(ProblemException::notFound);
    }

    private static Map<String, Object> withPrefill(Map<String, Object> answers, PublishedDefinition published,
            Person person) {
        Map<String, Object> form = new LinkedHashMap<>(answers);
        form.putAll(Prefill.values(published.definition().formSchema(), person));
        return form;
    }

    private void check(PublishedDefinition published, Map<String, Object> form, boolean complete) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FormValidator.FieldProblem> found = validator.validate(published.serviceCode() + "@" + published.version(),
                published.definition().formSchema(), form, complete, locale);
        if (!found.isEmpty()) {
            ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION_FAILED);
            problem.setProperty("errors", found);
            throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }

    private static Set<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        Set<String> changed = new java.util.TreeSet<>();
        Set<String> keys = new java.util.HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private static Actor actor(Row row, Person person) {
        // the workflow knows the person who submitted; for an enterprise that is its representative
        return new Actor(row.applicantSubject(), person.roles().stream().map(Role::code).collect(
                java.util.stream.Collectors.toSet()), Set.of());
    }

    private java.util.Optional<CorrectionRequest> openCorrection(Row row) {
        if (row.workflowInstanceId() == null) {
            return java.util.Optional.empty();
        }
        InstanceId instance = new InstanceId(row.workflowInstanceId());
        InstanceView view = engine.find(instance).orElseThrow();
        List<HistoryEntry> history = engine.history(instance);
        for (InstanceView.ActiveStep step : view.activeSteps()) {
            if ("correction".equals(step.status())) {
                for (int i = history.size() - 1; i >= 0; i--) {
                    HistoryEntry entry = history.get(i);
                    if (step.step().equals(entry.step()) && entry.toState().contains(step.step() + "~correction")) {
                        return java.util.Optional.of(new CorrectionRequest(step.step(), items(entry.details()),
                                entry.reason()));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> items(String details) {
        if (details == null) {
            return List.of();
        }
        Map<String, Object> parsed = tools.jackson.databind.json.JsonMapper.builder().build().readValue(details, Map.class);
        Object items = parsed.get("items");
        return items instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
    }

    private ApplicationView summaryView(Row row) {
        return new ApplicationView(row.id(), row.number(), row.serviceCode(), row.definitionVersion(), row.status(),
                null, null, row.applicantName(), row.enterpriseName(), row.createdAt(), row.updatedAt(),
                row.submittedAt(), expected(row), null, null, null, null, row.version());
    }

    private ApplicationView view(Row row, Person person) {
        PublishedDefinition published = published(row);
        List<String> prefilled = List.copyOf(Prefill.values(published.definition().formSchema(), person).keySet());
        List<InstanceView.ActiveStep> current = List.of();
        List<TimelineEntry> timeline = List.of();
        String status = row.status();
        if (row.workflowInstanceId() != null) {
            InstanceId instance = new InstanceId(row.workflowInstanceId());
            InstanceView view = engine.find(instance).orElseThrow();
            current = view.activeSteps();
            timeline = engine.history(instance).stream().map(entry -> new TimelineEntry(entry.at(), entry.step(),
                    entry.action(), departmentOf(published, entry), entry.reason())).toList();
        }
        return new ApplicationView(row.id(), row.number(), row.serviceCode(), row.definitionVersion(), status,
                row.formData(), prefilled, row.applicantName(), row.enterpriseName(), row.createdAt(),
                row.updatedAt(), row.submittedAt(), expected(row), current, timeline,
                openCorrection(row).orElse(null), attachments(row.id()), row.version());
    }

    // the department that holds a step, shown instead of the official's identity
    private static String departmentOf(PublishedDefinition published, HistoryEntry entry) {
        if (entry.step() == null) {
            return null;
        }
        return published.definition().step(entry.step())
                .filter(step -> step instanceof Step.Task).map(step -> ((Step.Task) step).department()).orElse(null);
    }

    private LocalDate expected(Row row) {
        if (row.submittedAt() == null) {
            return null;
        }
        int days = definitions.version(row.serviceCode(), row.definitionVersion())
                .map(p -> p.definition().service().promisedWorkingDays()).orElse(0);
        return calendar.addWorkingDays(row.submittedAt().atZone(calendar.zone()).toLocalDate(), days);
    }

    private List<AttachmentController.AttachmentView> attachments(String applicationId) {
        return applications.attachments(applicationId);
    }

    private Receipt receipt(Row row) {
        return new Receipt(row.id(), row.number(), row.serviceCode(), row.submittedAt(), expected(row));
    }
}
