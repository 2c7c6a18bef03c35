package org.tongban.rating.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.application.ApplicationStatus;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.rating.RatingEvents;
import org.tongban.rating.Ratings;
import org.tongban.rating.internal.RatingRepository.Page;
import org.tongban.rating.internal.RatingRepository.StoredRating;
import org.tongban.rating.internal.RatingRepository.StoredRectification;
import org.tongban.shared.DomainException;
import org.tongban.workflow.BusinessCalendar;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;
import org.tongban.workflow.WorkflowEvents;

/**
 * The rules of 好差评: who may rate what and when, which department a bad rating's rectification goes to and by when
 * it must be answered, who answers and who decides a dispute. Every change is one transaction with an optimistic
 * check, and publishes the event the inbox writes its entry from in that transaction.
 */
@Service
class RatingService implements Ratings {

    static final String APPLICATION_SCOPE = "application";
    static final String OPEN = "open";
    static final String ANSWERED = "answered";
    static final String DISPUTED = "disputed";
    static final String CLOSED = "closed";
    static final Set<String> ANSWER_KINDS = Set.of("rectified", "explained", "disputed");
    /** What an official does to a step that the applicant can rate: decide it, or ask for a correction. */
    private static final Set<String> HANDLING = Set.of("approve", "reject", "correction", "return", "escalate");

    private final RatingRepository ratings;
    private final Applications applications;
    private final WorkflowEngine engine;
    private final WorkflowDefinitions definitions;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration changePeriod;
    private final int rectificationWorkingDays;
    private final int commentLimit;

    RatingService(RatingRepository ratings, Applications applications, WorkflowEngine engine,
            WorkflowDefinitions definitions, BusinessCalendar calendar, ApplicationEventPublisher events, Clock clock,
            @Value("${tongban.rating.change-period:P15D}") Duration changePeriod,
            @Value("${tongban.rating.rectification-working-days:15}") int rectificationWorkingDays,
            @Value("${tongban.rating.comment-limit:500}") int commentLimit) {
        this.ratings = ratings;
        this.applications = applications;
        this.engine = engine;
        this.definitions = definitions;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.changePeriod = changePeriod;
        this.rectificationWorkingDays = rectificationWorkingDays;
        this.commentLimit = commentLimit;
    }

    /** What an applicant gives: the level 1–5, reasons from the list, a comment; {@code step} for a running one. */
    record RatingInput(Integer level, List<String> reasons, String comment, String step) {
    }

    Duration changePeriod() {
        return changePeriod;
    }

    int commentLimit() {
        return commentLimit;
    }

    // ---------------------------------------------------------------- the applicant

    /** The application (the caller's) with its ratings; empty for anyone else. */
    Optional<ApplicationSummary> application(Person person, String applicationId) {
        return applications.findFor(applicationId, person);
    }

    List<StoredRating> ratingsOf(String applicationId) {
        return ratings.ofApplication(applicationId);
    }

    Optional<StoredRectification> rectificationOf(StoredRating rating) {
        return ratings.rectificationOf(rating.id());
    }

    /** Whether the whole application can be rated now: it has ended and is not rated yet. */
    boolean mayRateApplication(ApplicationSummary application, List<StoredRating> existing) {
        return ended(application.status())
                && existing.stream().noneMatch(rating -> APPLICATION_SCOPE.equals(rating.scope()));
    }

    /** The steps a department has handled that the applicant may rate while the application runs, not rated yet. */
    List<HandledStep> ratableSteps(ApplicationSummary application, List<StoredRating> existing) {
        if (!application.status().running() || application.workflowInstanceId() == null) {
            return List.of();
        }
        Set<String> rated = new LinkedHashSet<>();
        existing.forEach(rating -> rated.add(rating.scope()));
        return handledSteps(application).stream().filter(step -> !rated.contains("step:" + step.step())).toList();
    }

    /** A step some department handled, with the department that handled it last. */
    record HandledStep(String step, String department) {
    }

    private List<HandledStep> handledSteps(ApplicationSummary application) {
        Map<String, HandledStep> steps = new java.util.LinkedHashMap<>();
        for (HistoryEntry entry : engine.history(new InstanceId(application.workflowInstanceId()))) {
            if (entry.actorDepartment() != null && HANDLING.contains(entry.action())) {
                steps.remove(entry.step());
                steps.put(entry.step(), new HandledStep(entry.step(), entry.actorDepartment()));
            }
        }
        return List.copyOf(steps.values());
    }

    @Transactional
    StoredRating rate(Person person, String applicationId, RatingInput input) {
        ApplicationSummary application = applications.findFor(applicationId, person)
                .orElseThrow(() -> new DomainException(RatingProblem.NOT_FOUND));
        List<String> reasons = validate(input);
        String scope;
        String department;
        if (input.step() == null || input.step().isBlank()) {
            if (!ended(application.status())) {
                throw new DomainException(RatingProblem.NOT_RATABLE);
            }
            scope = APPLICATION_SCOPE;
            department = finalDepartment(application);
        } else {
            if (!application.status().running()) {
                throw new DomainException(RatingProblem.NOT_RATABLE);
            }
            HandledStep handled = handledSteps(application).stream().filter(s -> s.step().equals(input.step()))
                    .findFirst().orElseThrow(() -> new DomainException(RatingProblem.STEP_NOT_HANDLED));
            scope = "step:" + handled.step();
            department = handled.department();
        }
        if (ratings.exists(applicationId, scope)) {
            throw new DomainException(RatingProblem.ALREADY_RATED);
        }
        Instant now = clock.instant();
        StoredRating rating = new StoredRating(UUID.randomUUID().toString(), applicationId, application.number(),
                scope, APPLICATION_SCOPE.equals(scope) ? null : input.step(), application.serviceCode(),
                application.definitionVersion(), department, person.subject(), input.level(), input.level(), reasons,
                comment(input), now, now, 0, false, false, 0);
        try {
            ratings.insert(rating);
        } catch (DuplicateKeyException e) {
            throw new DomainException(RatingProblem.ALREADY_RATED);
        }
        if (!RatingReason.good(rating.level())) {
            open(application, rating, now);
        }
        return rating;
    }

    /**
     * Changes a rating within the platform's period, or rates once more after the department answered its
     * rectification (then the period does not matter, and there is no second rectification).
     */
    @Transactional
    StoredRating change(Person person, String applicationId, String ratingId, RatingInput input) {
        ApplicationSummary application = applications.findFor(applicationId, person)
                .orElseThrow(() -> new DomainException(RatingProblem.NOT_FOUND));
        StoredRating rating = ratings.rating(ratingId).filter(r -> r.applicationId().equals(applicationId))
                .orElseThrow(() -> new DomainException(RatingProblem.NOT_FOUND));
        List<String> reasons = validate(input);
        Instant now = clock.instant();
        Optional<StoredRectification> rectification = ratings.rectificationOf(rating.id());
        boolean again = rectification.map(r -> answered(r.status())).orElse(false);
        if (again ? rating.rerated() : !now.isBefore(changeableUntil(rating))) {
            throw new DomainException(RatingProblem.NOT_CHANGEABLE);
        }
        StoredRating changed = new StoredRating(rating.id(), rating.applicationId(), rating.applicationNumber(),
                rating.scope(), rating.step(), rating.serviceCode(), rating.definitionVersion(), rating.department(),
                rating.rater(), input.level(), rating.firstLevel(), reasons, comment(input), rating.firstRatedAt(),
                now, rating.changes() + 1, rating.rerated() || again, rating.excluded(), rating.version() + 1);
        if (!ratings.update(changed, rating.version())) {
            throw new DomainException(RatingProblem.EDITED_ELSEWHERE);
        }
        if (!again && rectification.isEmpty() && !RatingReason.good(changed.level())) {
            open(application, changed, now);
        }
        return changed;
    }

    /** Until when a rating may be changed (a rating again after the department's answer is not bound to it). */
    Instant changeableUntil(StoredRating rating) {
        return rating.firstRatedAt().plus(changePeriod);
    }

    /** Whether the applicant may change the rating now: within the period, or once after the answer. */
    boolean mayChange(StoredRating rating, Optional<StoredRectification> rectification) {
        boolean again = rectification.map(r -> answered(r.status())).orElse(false);
        return again ? !rating.rerated() : clock.instant().isBefore(changeableUntil(rating));
    }

    static boolean answered(String status) {
        return ANSWERED.equals(status) || CLOSED.equals(status);
    }

    private static boolean ended(ApplicationStatus status) {
        return status == ApplicationStatus.APPROVED || status == ApplicationStatus.REJECTED
                || status == ApplicationStatus.WITHDRAWN;
    }

    /** The department whose decision ended the application; the service's department when no official decided. */
    private String finalDepartment(ApplicationSummary application) {
        List<HandledStep> handled = application.workflowInstanceId() == null ? List.of() : handledSteps(application);
        if (!handled.isEmpty()) {
            List<HistoryEntry> history = engine.history(new InstanceId(application.workflowInstanceId()));
            for (int i = history.size() - 1; i >= 0; i--) {
                HistoryEntry entry = history.get(i);
                if (entry.actorDepartment() != null && HANDLING.contains(entry.action())) {
                    return entry.actorDepartment();
                }
            }
        }
        return definitions.version(application.serviceCode(), application.definitionVersion())
                .or(() -> definitions.latest(application.serviceCode())).map(d -> d.department())
                .orElseThrow(() -> new DomainException(RatingProblem.NOT_RATABLE));
    }

    private void open(ApplicationSummary application, StoredRating rating, Instant now) {
        ZoneId zone = calendar.zone();
        LocalDate dueDay = calendar.addWorkingDays(now.atZone(zone).toLocalDate(), Math.max(1, rectificationWorkingDays));
        // the same lights as a step's limit: yellow on the last day, red after it
        Instant warnAt = dueDay.atStartOfDay(zone).toInstant();
        Instant dueAt = dueDay.plusDays(1).atStartOfDay(zone).toInstant();
        StoredRectification rectification = new StoredRectification(UUID.randomUUID().toString(), rating.id(),
                rating.applicationId(), rating.applicationNumber(), rating.serviceCode(), rating.definitionVersion(),
                rating.department(), rating.step(), rating.level(), rating.reasons(), rating.comment(), now, warnAt,
                dueAt, OPEN, null, null, null, null, null, null, null, null, null, 0);
        ratings.insert(rectification);
        events.publishEvent(new RatingEvents.RectificationOpened(ref(application), rectification.id(),
                rectification.department(), dueAt));
    }

    private List<String> validate(RatingInput input) {
        List<Map<String, Object>> errors = new ArrayList<>();
        Integer level = input.level();
        if (level == null || level < 1 || level > 5) {
            errors.add(error("level", "rating.invalid.level"));
        }
        List<String> reasons = input.reasons() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.reasons()));
        boolean good = level != null && RatingReason.good(level);
        for (String code : reasons) {
            Optional<RatingReason> reason = RatingReason.of(code);
            if (reason.isEmpty() || (level != null && level >= 1 && level <= 5 && !reason.get().fits(good))) {
                errors.add(error("reasons", "rating.invalid.reason", code));
            }
        }
        if (level != null && !good && level >= 1 && reasons.isEmpty()) {
            errors.add(error("reasons", "rating.invalid.reason-required"));
        }
        if (input.comment() != null && input.comment().strip().codePointCount(0, input.comment().strip().length())
                > commentLimit) {
            errors.add(error("comment", "rating.invalid.comment-too-long", commentLimit));
        }
        if (input.step() != null && input.step().length() > 100) {
            errors.add(error("step", "rating.invalid.step"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(RatingProblem.INVALID, errors);
        }
        return reasons;
    }

    private static String comment(RatingInput input) {
        return input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
    }

    private static Map<String, Object> error(String field, String code, Object... args) {
        return Map.of("field", field, "message", new DefaultMessageSourceResolvable(new String[] {code}, args, code));
    }

    // ---------------------------------------------------------------- departments and the platform

    /** The rectifications a department admin (their departments) or the platform admin (all) sees. */
    Page<StoredRectification> rectifications(Person person, String status, int page, int size) {
        return ratings.rectifications(scopeOf(person), status, page, size);
    }

    /** The departments whose rectifications the person sees: null for the platform admin (all). */
    static Collection<String> scopeOf(Person person) {
        if (person.hasRole(Role.ADMIN)) {
            return null;
        }
        if (person.hasRole(Role.DEPT_ADMIN)) {
            return person.departments();
        }
        throw new DomainException(RatingProblem.FORBIDDEN);
    }

    StoredRectification rectification(Person person, String id) {
        Collection<String> scope = scopeOf(person);
        StoredRectification rectification = ratings.rectification(id)
                .orElseThrow(() -> new DomainException(RatingProblem.RECTIFICATION_NOT_FOUND));
        if (scope != null && !scope.contains(rectification.department())) {
            throw new DomainException(RatingProblem.FORBIDDEN);
        }
        return rectification;
    }

    /** The department admin answers: rectified, explained, or disputed (the platform admin decides that). */
    @Transactional
    StoredRectification answer(Person person, String id, String kind, String text) {
        StoredRectification rectification = ratings.rectification(id)
                .orElseThrow(() -> new DomainException(RatingProblem.RECTIFICATION_NOT_FOUND));
        if (!person.hasRole(Role.DEPT_ADMIN) || !person.belongsTo(rectification.department())) {
            throw new DomainException(RatingProblem.FORBIDDEN);
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        if (kind == null || !ANSWER_KINDS.contains(kind)) {
            errors.add(error("kind", "rectification.invalid.kind"));
        }
        String answer = text == null ? "" : text.strip();
        if (answer.length() < 2 || answer.length() > 2000) {
            errors.add(error("answer", "rectification.invalid.answer", 2000));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(RatingProblem.INVALID, errors);
        }
        if (!OPEN.equals(rectification.status())) {
            throw new DomainException(RatingProblem.RECTIFICATION_NOT_OPEN);
        }
        Instant now = clock.instant();
        StoredRectification answered = new StoredRectification(rectification.id(), rectification.ratingId(),
                rectification.applicationId(), rectification.applicationNumber(), rectification.serviceCode(),
                rectification.definitionVersion(), rectification.department(), rectification.step(),
                rectification.level(), rectification.reasons(), rectification.comment(), rectification.openedAt(),
                rectification.warnAt(), rectification.dueAt(), "disputed".equals(kind) ? DISPUTED : ANSWERED, kind,
                answer, person.subject(), person.displayName(), now, rectification.disputeDecision(),
                rectification.disputeNote(), rectification.decidedBy(), rectification.decidedAt(),
                rectification.version() + 1);
        if (!ratings.update(answered, rectification.version())) {
            throw new DomainException(RatingProblem.EDITED_ELSEWHERE);
        }
        applications.find(answered.applicationId()).ifPresent(application -> events.publishEvent(
                new RatingEvents.RectificationAnswered(ref(application), answered.id(), answered.department(), kind)));
        return answered;
    }

    /**
     * The platform admin decides a department's dispute: upheld, the rating no longer counts and the rectification
     * is closed; rejected, the department must answer again.
     */
    @Transactional
    StoredRectification decideDispute(Person person, String id, Boolean upheld, String note) {
        if (!person.hasRole(Role.ADMIN)) {
            throw new DomainException(RatingProblem.FORBIDDEN);
        }
        StoredRectification rectification = ratings.rectification(id)
                .orElseThrow(() -> new DomainException(RatingProblem.RECTIFICATION_NOT_FOUND));
        String reason = note == null ? "" : note.strip();
        List<Map<String, Object>> errors = new ArrayList<>();
        if (upheld == null) {
            errors.add(error("upheld", "rectification.invalid.upheld"));
        }
        if (reason.length() < 2 || reason.length() > 2000) {
            errors.add(error("note", "rectification.invalid.note", 2000));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(RatingProblem.INVALID, errors);
        }
        if (!DISPUTED.equals(rectification.status())) {
            throw new DomainException(RatingProblem.RECTIFICATION_NOT_DISPUTED);
        }
        Instant now = clock.instant();
        StoredRectification decided = new StoredRectification(rectification.id(), rectification.ratingId(),
                rectification.applicationId(), rectification.applicationNumber(), rectification.serviceCode(),
                rectification.definitionVersion(), rectification.department(), rectification.step(),
                rectification.level(), rectification.reasons(), rectification.comment(), rectification.openedAt(),
                rectification.warnAt(), rectification.dueAt(), upheld ? CLOSED : OPEN, rectification.answerKind(),
                rectification.answer(), rectification.answeredBy(), rectification.answeredByName(),
                rectification.answeredAt(), upheld ? "upheld" : "rejected", reason, person.subject(), now,
                rectification.version() + 1);
        if (!ratings.update(decided, rectification.version())) {
            throw new DomainException(RatingProblem.EDITED_ELSEWHERE);
        }
        if (upheld) {
            StoredRating rating = ratings.rating(rectification.ratingId()).orElseThrow();
            ratings.update(new StoredRating(rating.id(), rating.applicationId(), rating.applicationNumber(),
                    rating.scope(), rating.step(), rating.serviceCode(), rating.definitionVersion(),
                    rating.department(), rating.rater(), rating.level(), rating.firstLevel(), rating.reasons(),
                    rating.comment(), rating.firstRatedAt(), rating.ratedAt(), rating.changes(), rating.rerated(),
                    true, rating.version() + 1), rating.version());
        }
        applications.find(decided.applicationId()).ifPresent(application -> events.publishEvent(
                new RatingEvents.DisputeDecided(ref(application), decided.id(), decided.department(), upheld)));
        return decided;
    }

    // ---------------------------------------------------------------- invitations and figures

    /** An application ended: its applicant is invited to rate it (inbox, and e-mail when configured). */
    @EventListener
    void on(WorkflowEvents.WorkflowEnded event) {
        events.publishEvent(new RatingEvents.RatingInvited(event.ref()));
    }

    /** Satisfaction of a service over the last twelve months, as its guidance page shows it. */
    Satisfaction lastTwelveMonths(String serviceCode) {
        Instant now = clock.instant();
        return satisfaction(null, serviceCode, now.atZone(calendar.zone()).minusMonths(12).toInstant(),
                now.plusSeconds(1));
    }

    @Override
    public Satisfaction satisfaction(Collection<String> departments, String serviceCode, Instant from, Instant to) {
        long[] figures = ratings.satisfaction(departments, serviceCode, from, to);
        return new Satisfaction(figures[0], figures[1], figures[0] == 0 ? 0 : (double) figures[2] / figures[0]);
    }

    @Override
    public Rectifications rectifications(Collection<String> departments, String serviceCode, Instant now) {
        long[] figures = ratings.rectificationCounts(departments, serviceCode, now);
        return new Rectifications(figures[0], figures[1], figures[2], figures[3]);
    }

    private static WorkflowEvents.Ref ref(ApplicationSummary application) {
        return new WorkflowEvents.Ref(application.workflowInstanceId(), application.id(), application.number(),
                application.serviceCode(), application.definitionVersion(), application.applicantSubject());
    }

    Instant now() {
        return clock.instant();
    }
}
