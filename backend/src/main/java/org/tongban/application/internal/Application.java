package org.tongban.application.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tongban.application.ApplicationStatus;
import org.tongban.application.ApplicationSummary;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;

/**
 * An application (办件): whose it is, for what, its answers, where it stands and what the applicant was asked to
 * correct. Every change goes through a transition method that refuses what its status does not allow, as in
 * spring-restbucks' {@code Order}; {@link ApplicationService} persists the result.
 */
final class Application {

    /** Who applied: the identity provider's subject, name and e-mail, and the verified resident ID number. */
    record Applicant(String subject, String name, String email, String idNumber) {
    }

    /** The enterprise a business user applied for. */
    record Enterprise(String uscc, String name) {
    }

    /** A correction a clerk asked for at a step: the flagged answers and materials, and why. */
    record Correction(String step, List<String> items, String reason, Instant requestedAt) {

        boolean flags(String item) {
            return items.stream().anyMatch(flagged -> item.equals(flagged) || item.startsWith(flagged + "."));
        }
    }

    /**
     * The applicant's decision about a dataset the service reads: {@code granted} with the record chosen,
     * {@code declined} (they answer and upload themselves) or {@code disputed} (the record is wrong, in their words).
     */
    record SourceDecision(String dataset, String decision, String recordKey, String reason, Instant decidedAt) {

        static final String GRANTED = "granted";
        static final String DECLINED = "declined";
        static final String DISPUTED = "disputed";

        boolean granted() {
            return GRANTED.equals(decision);
        }
    }

    private final String id;
    private final String serviceCode;
    private int definitionVersion;
    private final Applicant applicant;
    private final Enterprise enterprise;
    private final String idempotencyKey;
    private final Instant createdAt;
    private String number;
    private ApplicationStatus status;
    private Map<String, Object> formData;
    private String workflowInstanceId;
    private Instant updatedAt;
    private Instant submittedAt;
    private long version;
    private final List<Correction> corrections;
    private final Map<String, SourceDecision> sources;

    Application(String id, String number, String serviceCode, int definitionVersion, Applicant applicant,
            Enterprise enterprise, ApplicationStatus status, Map<String, Object> formData, String workflowInstanceId,
            String idempotencyKey, Instant createdAt, Instant updatedAt, Instant submittedAt, long version,
            List<Correction> corrections, List<SourceDecision> sources) {
        this.id = id;
        this.number = number;
        this.serviceCode = serviceCode;
        this.definitionVersion = definitionVersion;
        this.applicant = applicant;
        this.enterprise = enterprise;
        this.status = status;
        this.formData = new LinkedHashMap<>(formData);
        this.workflowInstanceId = workflowInstanceId;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.submittedAt = submittedAt;
        this.version = version;
        this.corrections = new ArrayList<>(corrections);
        this.sources = new LinkedHashMap<>();
        sources.forEach(source -> this.sources.put(source.dataset(), source));
    }

    /** A new draft of a service version for a person (and, for a business user, their enterprise). */
    static Application draft(String id, String serviceCode, int definitionVersion, Person person,
            Map<String, Object> prefilled, String idempotencyKey, Instant now) {
        Enterprise enterprise = actsForEnterprise(person)
                ? new Enterprise(person.enterprise().get().uscc().value(), person.enterprise().get().name()) : null;
        return new Application(id, null, serviceCode, definitionVersion,
                new Applicant(person.subject(), person.displayName(), person.email(),
                        person.nationalId().map(nationalId -> nationalId.value()).orElse(null)),
                enterprise, ApplicationStatus.DRAFT, prefilled, null, idempotencyKey, now, now, null, 0, List.of(),
                List.of());
    }

    static boolean actsForEnterprise(Person person) {
        return person.hasRole(Role.BUSINESS) && person.enterprise().isPresent();
    }

    // ---------------------------------------------------------------- transitions

    /** The applicant saves answers; only a draft can be edited freely. */
    void saveDraft(Map<String, Object> answers, Instant now) {
        require(status == ApplicationStatus.DRAFT, ApplicationProblem.NOT_A_DRAFT);
        formData = new LinkedHashMap<>(answers);
        updatedAt = now;
    }

    /**
     * The applicant decides about a dataset, while drafting: agree (with the record chosen: its values replace the
     * answers it stands in for), decline or dispute it (the answers it gave are cleared, to be typed).
     */
    void decideSource(SourceDecision decision, Map<String, Object> answers, Instant now) {
        require(status == ApplicationStatus.DRAFT, ApplicationProblem.NOT_A_DRAFT);
        sources.put(decision.dataset(), decision);
        formData = new LinkedHashMap<>(answers);
        updatedAt = now;
    }

    /** The decision about a dataset no longer stands (the person it was read for changed): decide again. */
    void forgetSource(String dataset, Map<String, Object> answers, Instant now) {
        require(status == ApplicationStatus.DRAFT, ApplicationProblem.NOT_A_DRAFT);
        sources.remove(dataset);
        formData = new LinkedHashMap<>(answers);
        updatedAt = now;
    }

    Optional<SourceDecision> source(String dataset) {
        return Optional.ofNullable(sources.get(dataset));
    }

    /** The draft gets its number and is on its way; the workflow starts in the same transaction. */
    void submit(String newNumber, Map<String, Object> answers, Instant now) {
        require(status == ApplicationStatus.DRAFT, ApplicationProblem.NOT_A_DRAFT);
        number = newNumber;
        formData = new LinkedHashMap<>(answers);
        status = ApplicationStatus.IN_PROGRESS;
        submittedAt = now;
        updatedAt = now;
    }

    /** The workflow started for it. */
    void started(String instanceId) {
        workflowInstanceId = instanceId;
    }

    /** A clerk asked for a correction at a step (told by the workflow); the list shows 待补正. */
    void correctionRequested(String step, List<String> items, String reason, Instant now) {
        require(status.running(), ApplicationProblem.NOT_IN_CORRECTION);
        corrections.removeIf(open -> open.step().equals(step));
        corrections.add(new Correction(step, List.copyOf(items), reason, now));
        status = ApplicationStatus.CORRECTION;
        updatedAt = now;
    }

    /** The open correction of a step. */
    Correction correctionAt(String step) {
        return corrections.stream().filter(open -> open.step().equals(step)).findFirst()
                .orElseThrow(() -> new DomainException(ApplicationProblem.NOT_IN_CORRECTION));
    }

    /** Whether any open correction flags this material or answer. */
    boolean flagged(String item) {
        return corrections.stream().anyMatch(open -> open.flags(item));
    }

    /**
     * The applicant answers the correction of a step: only flagged answers may differ from what was submitted
     * (those that do are refused, by name, and nothing changes).
     *
     * @return the answers that changed but were not flagged (empty: accepted)
     */
    Set<String> unflaggedChanges(String step, Map<String, Object> answers) {
        Correction correction = correctionAt(step);
        Set<String> unflagged = new LinkedHashSet<>();
        for (String field : changedFields(formData, answers)) {
            if (!correction.flags(field)) {
                unflagged.add(field);
            }
        }
        return unflagged;
    }

    /** The corrected answers are in; the step continues (the workflow resumes it in the same transaction). */
    void resubmit(String step, Map<String, Object> answers, Instant now) {
        correctionAt(step);
        formData = new LinkedHashMap<>(answers);
        corrections.removeIf(open -> open.step().equals(step));
        status = corrections.isEmpty() ? ApplicationStatus.IN_PROGRESS : ApplicationStatus.CORRECTION;
        updatedAt = now;
    }

    /**
     * A department admin moved the running application to a later version of its service's workflow (told by the
     * workflow): it follows that version's form and steps from now on, and an open correction belongs to the step
     * its step became ({@code steps}: old step → new step). The applicant did nothing, so {@code updatedAt} stays
     * and the application keeps its place in their list.
     */
    void migrated(int toVersion, Map<String, String> steps) {
        require(status.running(), ApplicationProblem.NOT_IN_CORRECTION);
        definitionVersion = toVersion;
        corrections.replaceAll(open -> new Correction(steps.getOrDefault(open.step(), open.step()), open.items(),
                open.reason(), open.requestedAt()));
    }

    /** The workflow reached its outcome: approved, rejected or withdrawn. */
    void decided(String outcome, Instant now) {
        ApplicationStatus decided = ApplicationStatus.of(outcome);
        require(decided == ApplicationStatus.APPROVED || decided == ApplicationStatus.REJECTED
                || decided == ApplicationStatus.WITHDRAWN, ApplicationProblem.NOT_IN_CORRECTION);
        if (status == decided) {
            return;
        }
        status = decided;
        corrections.clear();
        updatedAt = now;
    }

    /** The applicant throws a draft away. */
    void discard(Instant now) {
        require(status == ApplicationStatus.DRAFT, ApplicationProblem.NOT_A_DRAFT);
        status = ApplicationStatus.DISCARDED;
        updatedAt = now;
    }

    /** Documents may change while drafting, and during a correction for the flagged materials only. */
    void requireDocumentsChangeable(String material) {
        if (status == ApplicationStatus.DRAFT) {
            return;
        }
        require(status == ApplicationStatus.CORRECTION, ApplicationProblem.NOT_A_DRAFT);
        require(flagged(material), ApplicationProblem.ATTACHMENT_NOT_FLAGGED);
    }

    /** The application is this person's, or their enterprise's when they act for it; a discarded draft is no one's. */
    boolean belongsTo(Person person) {
        if (status == ApplicationStatus.DISCARDED) {
            return false;
        }
        if (actsForEnterprise(person)) {
            return enterprise != null && enterprise.uscc().equals(person.enterprise().get().uscc().value());
        }
        return applicant.subject().equals(person.subject());
    }

    private static void require(boolean condition, ApplicationProblem problem) {
        if (!condition) {
            throw new DomainException(problem);
        }
    }

    static Set<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Set<String> changed = new LinkedHashSet<>();
        for (String key : keys) {
            Object was = before.get(key);
            Object now = after.get(key);
            if (was instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
                // inside a group, name the answer that changed (mother.idNumber), as a correction flags it
                @SuppressWarnings("unchecked")
                Set<String> inner = changedFields((Map<String, Object>) a, (Map<String, Object>) b);
                inner.forEach(field -> changed.add(key + "." + field));
            } else if (!Objects.equals(was, now)) {
                changed.add(key);
            }
        }
        return changed;
    }

    ApplicationSummary summary() {
        return new ApplicationSummary(id, number, serviceCode, definitionVersion, applicant.subject(), applicant.name(),
                applicant.email(), applicant.idNumber(), enterprise == null ? null : enterprise.uscc(),
                enterprise == null ? null : enterprise.name(), status, submittedAt, workflowInstanceId);
    }

    // ---------------------------------------------------------------- state

    String id() {
        return id;
    }

    String number() {
        return number;
    }

    String serviceCode() {
        return serviceCode;
    }

    int definitionVersion() {
        return definitionVersion;
    }

    Applicant applicant() {
        return applicant;
    }

    Optional<Enterprise> enterprise() {
        return Optional.ofNullable(enterprise);
    }

    ApplicationStatus status() {
        return status;
    }

    Map<String, Object> formData() {
        return java.util.Collections.unmodifiableMap(formData);
    }

    String workflowInstanceId() {
        return workflowInstanceId;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    long version() {
        return version;
    }

    void stored(long newVersion) {
        version = newVersion;
    }

    List<Correction> corrections() {
        return List.copyOf(corrections);
    }

    List<SourceDecision> sources() {
        return List.copyOf(sources.values());
    }
}
