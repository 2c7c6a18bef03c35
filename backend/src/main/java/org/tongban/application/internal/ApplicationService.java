package org.tongban.application.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.application.ApplicationStatus;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
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
import org.tongban.workflow.WorkflowEvents;

import tools.jackson.databind.json.JsonMapper;

/**
 * The centre of the application module: every change of an {@link Application} goes through here, in one
 * transaction with the workflow it drives. It is the module's only caller of the {@link WorkflowEngine} and the
 * only writer of an application's status — the applicant's own acts directly, the clerks' through the workflow's
 * events, which it handles inside the transition's transaction.
 */
@Service
class ApplicationService {

    private final ApplicationRepository applications;
    private final AttachmentRepository attachments;
    private final WorkflowDefinitions definitions;
    private final WorkflowEngine engine;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final FormValidator validator;
    private final MessageSource messages;
    private final ApplicationLimits limits;
    private final TransactionTemplate transactions;
    private final ApplicationNumbers numbers;
    private final SharedData sharedData;
    private final CertificateIssuing certificates;

    ApplicationService(ApplicationRepository applications, AttachmentRepository attachments,
            WorkflowDefinitions definitions, WorkflowEngine engine, BusinessCalendar calendar, Clock clock,
            JsonMapper json, MessageSource messages, ApplicationLimits limits, PlatformTransactionManager transactions,
            SharedData sharedData, CertificateIssuing certificates) {
        this.sharedData = sharedData;
        this.certificates = certificates;
        this.applications = applications;
        this.attachments = attachments;
        this.definitions = definitions;
        this.engine = engine;
        this.calendar = calendar;
        this.clock = clock;
        this.validator = new FormValidator(json, messages);
        this.messages = messages;
        this.limits = limits;
        this.transactions = new TransactionTemplate(transactions);
        this.numbers = new ApplicationNumbers(clock);
    }

    // ---------------------------------------------------------------- the applicant's acts

    /** A new draft on the newest version, prefilled with what the identity provider verified. */
    @Transactional
    Application create(Person person, String serviceCode, String idempotencyKey) {
        PublishedDefinition published = definitions.latest(serviceCode)
                .orElseThrow(() -> new DomainException(ApplicationProblem.NOT_FOUND));
        requireAudience(person, published);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100 || !idempotencyKey.matches("[A-Za-z0-9_.:-]+")) {
                throw new DomainException(ApplicationProblem.BAD_IDEMPOTENCY_KEY);
            }
            Optional<Application> existing = applications.byIdempotencyKey(person.subject(), idempotencyKey);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        long drafts = applications.openDrafts(person.subject());
        if (drafts >= limits.maxDraftsPerPerson()) {
            throw new DomainException(ApplicationProblem.TOO_MANY_DRAFTS, drafts);
        }
        Application draft = Application.draft(UUID.randomUUID().toString(), published.serviceCode(),
                published.version(), person, Prefill.values(published.formSchema(), person), idempotencyKey,
                clock.instant());
        return applications.insert(draft);
    }

    /** Saves answers: incomplete ones are fine, wrong ones are refused by name; verified fields stay as verified. */
    @Transactional
    Application saveDraft(Person person, String id, Map<String, Object> answers) {
        Application application = owned(person, id);
        PublishedDefinition published = definitionOf(application);
        Map<String, Object> form = sharedData.lock(application, published, withPrefill(answers, published, person));
        check(published, form, false);
        application.saveDraft(form, clock.instant());
        applications.save(application);
        return application;
    }

    /**
     * The applicant decides about a dataset the service reads: agree (the chosen record fills the answers it stands
     * in for and replaces the documents), decline (they answer and upload themselves) or dispute (the record is wrong:
     * they answer and upload, and the clerk sees why).
     */
    @Transactional
    Application decideSource(Person person, String id, String dataset, String decision, String recordKey,
            String reason) {
        Application application = owned(person, id);
        if (Application.SourceDecision.DISPUTED.equals(decision) && (reason == null || reason.isBlank())) {
            throw new DomainException(ApplicationProblem.INVALID_ANSWERS, List.of(Map.of("field", "reason", "message",
                    new DefaultMessageSourceResolvable(new String[] {"application.source.dispute-reason"}, null,
                            "reason"))));
        }
        if (application.status() != ApplicationStatus.DRAFT) {
            throw new DomainException(ApplicationProblem.NOT_A_DRAFT);
        }
        sharedData.decide(application, definitionOf(application), dataset, decision, recordKey, reason);
        applications.save(application);
        return application;
    }

    /**
     * Submits: complete answers and every required document are checked, the draft gets its number and its workflow
     * starts, in one transaction. Submitting again (a double click, a retry) answers the same receipt.
     */
    Application submit(Person person, String id) {
        try {
            return transactions.execute(status -> {
                Application application = owned(person, id);
                if (application.status() != ApplicationStatus.DRAFT) {
                    return application;
                }
                PublishedDefinition published = definitionOf(application);
                Map<String, Object> form = sharedData.lock(application, published,
                        withPrefill(application.formData(), published, person));
                check(published, form, true);
                requireMaterials(published, application);
                String number = numbers.next();
                // the agreed records, read now for the service's department (recorded), answer what they stand for
                form = sharedData.bind(application, published, form, number);
                check(published, form, true);
                application.submit(number, form, clock.instant());
                applications.save(application);
                InstanceView started = engine.start(new WorkflowEngine.Start(application.serviceCode(),
                        application.definitionVersion(), application.id(), application.number(),
                        Actor.applicant(application.applicant().subject()), application.applicant().name(), form));
                application.started(started.id().value());
                applications.save(application);
                return application;
            });
        } catch (DomainException e) {
            if (e.code() != ApplicationProblem.EDITED_ELSEWHERE) {
                throw e;
            }
            // the same draft was submitted at the same moment by another request, which won: its receipt
            Application application = owned(person, id);
            if (application.status() == ApplicationStatus.DRAFT) {
                throw e;
            }
            return application;
        }
    }

    /** Withdraws: a draft is thrown away, a submitted application leaves its workflow (撤回). */
    @Transactional
    Application withdraw(Person person, String id, String reason) {
        Application application = owned(person, id);
        if (application.workflowInstanceId() == null) {
            application.discard(clock.instant());
            applications.save(application);
            return application;
        }
        engine.fire(new InstanceId(application.workflowInstanceId()), new WorkflowCommand.Withdraw(reason),
                actor(application, person));
        // the workflow's end was recorded on the application by the event, in this transaction
        return applications.find(id).orElseThrow();
    }

    /**
     * Answers a step that waits for the applicant (申请人确认): confirm the result, reopen the case (the reason is
     * required) or supply information (the text is required). The workflow's end, if this ends it, is recorded on the
     * application by the event, in this transaction.
     */
    @Transactional
    Application answer(Person person, String id, String step, String action, String text) {
        Application application = owned(person, id);
        if (application.workflowInstanceId() == null) {
            throw new DomainException(org.tongban.workflow.WorkflowProblem.NOT_ALLOWED);
        }
        String written = text == null || text.isBlank() ? null : text.strip();
        WorkflowCommand command = switch (action) {
            case "confirm" -> new WorkflowCommand.Confirm(step, written);
            case "reopen" -> new WorkflowCommand.Reopen(step, written);
            default -> new WorkflowCommand.Supply(step, written);
        };
        engine.fire(new InstanceId(application.workflowInstanceId()), command, actor(application, person));
        return applications.find(id).orElseThrow();
    }

    /** Answers a correction request: only the flagged answers may change; the step's clock runs again. */
    @Transactional
    Application correct(Person person, String id, String step, Map<String, Object> answers) {
        Application application = owned(person, id);
        PublishedDefinition published = definitionOf(application);
        Map<String, Object> form = withPrefill(answers, published, person);
        Set<String> unflagged = application.unflaggedChanges(step, form);
        if (!unflagged.isEmpty()) {
            Locale locale = LocaleContextHolder.getLocale();
            throw new DomainException(ApplicationProblem.NOT_FLAGGED, unflagged.stream()
                    .map(field -> Map.<String, Object>of("field", field, "message", new DefaultMessageSourceResolvable(
                            new String[] {"application.correction.not-flagged"},
                            new Object[] {FormTexts.fieldLabel(published.formSchema(), field, locale, String::valueOf)},
                            field)))
                    .toList());
        }
        check(published, form, true);
        Instant pausedSince = application.corrections().stream().map(Application.Correction::requestedAt)
                .min(Comparator.naturalOrder()).orElseThrow();
        application.resubmit(step, form, clock.instant());
        applications.save(application);
        if (application.status() == ApplicationStatus.IN_PROGRESS) {
            // the last open correction is answered: the clock runs again, the promised date moves by the pause
            applications.addPausedDays(application.id(), calendar.workingDaysBetween(date(pausedSince), today()));
        }
        engine.fire(new InstanceId(application.workflowInstanceId()), new WorkflowCommand.Resubmit(step, form),
                actor(application, person));
        return application;
    }

    // ---------------------------------------------------------------- reading

    /** The application if it is this person's (or their enterprise's); NOT_FOUND for anyone else. */
    Application owned(Person person, String id) {
        return applications.find(id).filter(application -> application.belongsTo(person))
                .orElseThrow(() -> new DomainException(ApplicationProblem.NOT_FOUND));
    }

    ApplicationRepository.ListPage list(Person person, ApplicationStatus status, int page, int size) {
        String enterprise = Application.actsForEnterprise(person) ? person.enterprise().get().uscc().value() : null;
        return applications.list(person.subject(), enterprise, status, page, size);
    }

    /** What the applicant's page shows: the application with its workflow's progress and documents. */
    record Details(Application application, PublishedDefinition definition, List<String> prefilledFields,
            List<String> lockedFields, List<SharedData.Source> sources, Set<String> satisfiedMaterials,
            List<InstanceView.ActiveStep> currentSteps, List<HistoryEntry> history,
            List<org.tongban.application.Applications.Attachment> attachments, LocalDate expectedCompletion,
            org.tongban.workflow.LocalizedText endState) {
    }

    Details details(Person person, Application application) {
        PublishedDefinition published = definitionOf(application);
        List<InstanceView.ActiveStep> current = List.of();
        List<HistoryEntry> history = List.of();
        org.tongban.workflow.LocalizedText endState = null;
        if (application.workflowInstanceId() != null) {
            InstanceId instance = new InstanceId(application.workflowInstanceId());
            Optional<InstanceView> view = engine.find(instance);
            current = view.map(InstanceView::activeSteps).orElse(List.of());
            endState = view.map(InstanceView::endState).map(published.ends()::get).map(end -> end.name()).orElse(null);
            history = engine.history(instance);
        }
        return new Details(application, published, List.copyOf(Prefill.values(published.formSchema(), person).keySet()),
                List.copyOf(sharedData.lockedFields(application, published)), sharedData.sources(application, published),
                sharedData.satisfiedMaterials(application, published), current, history, attachments.of(application.id()),
                expectedCompletion(application, published), endState);
    }

    LocalDate expectedCompletion(Application application, PublishedDefinition published) {
        if (application.submittedAt() == null) {
            return null;
        }
        return expectedCompletion(application.submittedAt(), published, applications.pause(application.id()));
    }

    private LocalDate expectedCompletion(Instant submittedAt, PublishedDefinition published,
            ApplicationRepository.Pause pause) {
        return PromisedDate.of(calendar, submittedAt, published.service().promisedWorkingDays(), pause, clock.instant());
    }

    private LocalDate date(Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDate();
    }

    private LocalDate today() {
        return date(clock.instant());
    }

    LocalDate expectedCompletion(Application application) {
        return expectedCompletion(application, definitionOf(application));
    }

    /** The promised completion date of a listed application (null for a draft or a version no longer known). */
    LocalDate expectedCompletion(ApplicationRepository.Listed listed) {
        if (listed.submittedAt() == null) {
            return null;
        }
        return definitions.version(listed.serviceCode(), listed.definitionVersion())
                .map(published -> expectedCompletion(listed.submittedAt(), published, listed.pause()))
                .orElse(null);
    }

    /** A published version of a service's definition (an earlier one, for what happened before a migration). */
    Optional<PublishedDefinition> version(String serviceCode, int version) {
        return definitions.version(serviceCode, version);
    }

    PublishedDefinition definitionOf(Application application) {
        return definitions.version(application.serviceCode(), application.definitionVersion())
                .orElseThrow(() -> new DomainException(ApplicationProblem.NOT_FOUND));
    }

    // ---------------------------------------------------------------- what the workflow tells
    // Handled synchronously inside the transition's transaction: the application's status never lags behind its
    // workflow, and whatever fails here rolls the transition back.

    @EventListener
    void on(WorkflowEvents.CorrectionRequested event) {
        applicationOf(event.ref()).ifPresent(application -> {
            application.correctionRequested(event.step(), event.items(), event.reason(), clock.instant());
            applications.save(application);
        });
    }

    @EventListener
    void on(WorkflowEvents.WorkflowEnded event) {
        applicationOf(event.ref()).ifPresent(application -> {
            application.decided(event.outcome(), clock.instant());
            applications.save(application);
        });
    }

    /** A department admin moved the application to a later version of its workflow (迁移). */
    @EventListener
    void on(WorkflowEvents.WorkflowMigrated event) {
        applicationOf(event.ref()).ifPresent(application -> {
            application.migrated(event.ref().definitionVersion(), event.steps());
            applications.save(application);
        });
    }

    /**
     * An automatic step acts for the application: a record step writes into a department's register, an
     * issue-certificate step issues the certificate — in the transition's transaction, so an approval never stands
     * without its certificate.
     */
    @EventListener
    void on(WorkflowEvents.AutomaticStepExecuted event) {
        applicationOf(event.ref()).ifPresent(application -> {
            PublishedDefinition published = definitionOf(application);
            published.step(event.step()).filter(Step.Automatic.class::isInstance).map(Step.Automatic.class::cast)
                    .ifPresent(step -> {
                        if (Step.Automatic.RECORD.equals(step.action())) {
                            sharedData.record(application, published, step);
                        } else if (Step.Automatic.ISSUE_CERTIFICATE.equals(step.action())) {
                            certificates.issue(application, published, step);
                        }
                    });
        });
    }

    /** The application a workflow runs for; none for a workflow started without one (the engine's own tests). */
    private Optional<Application> applicationOf(WorkflowEvents.Ref ref) {
        if (ref.applicationId() == null) {
            return Optional.empty();
        }
        return Optional.of(applications.find(ref.applicationId())
                .orElseThrow(() -> new IllegalStateException("No application " + ref.applicationId())));
    }

    // ---------------------------------------------------------------- helpers

    private static void requireAudience(Person person, PublishedDefinition published) {
        boolean allowed = "business".equals(published.service().audience())
                ? Application.actsForEnterprise(person)
                : person.hasRole(Role.CITIZEN) || person.hasRole(Role.BUSINESS);
        if (!allowed) {
            throw new DomainException(ApplicationProblem.NOT_FOR_YOU);
        }
    }

    private static Map<String, Object> withPrefill(Map<String, Object> answers, PublishedDefinition published,
            Person person) {
        Map<String, Object> form = new LinkedHashMap<>(answers);
        form.putAll(Prefill.values(published.formSchema(), person));
        return form;
    }

    private void check(PublishedDefinition published, Map<String, Object> form, boolean complete) {
        List<FormValidator.FieldProblem> found = validator.validate(published.serviceCode() + "@" + published.version(),
                published.formSchema(), form, complete, LocaleContextHolder.getLocale());
        if (!found.isEmpty()) {
            throw new DomainException(ApplicationProblem.INVALID_ANSWERS, found.stream()
                    .map(problem -> Map.<String, Object>of("field", problem.field(), "message", problem.message()))
                    .toList());
        }
    }

    private void requireMaterials(PublishedDefinition published, Application application) {
        Set<String> attached = new java.util.HashSet<>(attachments.attachedMaterials(application.id()));
        attached.addAll(sharedData.satisfiedMaterials(application, published));
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> missing = published.service().materials().stream()
                .filter(material -> material.required() && !attached.contains(material.code()))
                .map(material -> Map.<String, Object>of("field", "materials." + material.code(), "message",
                        messages.getMessage("application.material.missing", new Object[] {material.name().in(locale)},
                                locale)))
                .toList();
        if (!missing.isEmpty()) {
            throw new DomainException(ApplicationProblem.MATERIALS_MISSING, missing);
        }
    }

    private static Actor actor(Application application, Person person) {
        // the workflow knows the person who submitted; for an enterprise that is its representative
        return new Actor(application.applicant().subject(),
                person.roles().stream().map(Role::code).collect(Collectors.toSet()), Set.of());
    }

}
