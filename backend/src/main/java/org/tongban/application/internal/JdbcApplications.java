package org.tongban.application.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;
import org.tongban.identity.Person;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.WorkflowEngine;
import org.tongban.workflow.WorkflowEvents;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code application} table, and the applications' status as the workflow moves. */
@Repository
class JdbcApplications implements Applications {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, number, service_code, definition_version, applicant_subject, applicant_name, enterprise_uscc,
            enterprise_name, status, form_data, workflow_instance_id, created_at, updated_at, submitted_at, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkflowEngine engine;
    private final ApplicationNumbers numbers;

    JdbcApplications(JdbcClient jdbc, JsonMapper json, Clock clock, WorkflowEngine engine) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.engine = engine;
        this.numbers = new ApplicationNumbers(clock);
    }

    record Row(String id, String number, String serviceCode, int definitionVersion, String applicantSubject,
            String applicantName, String enterpriseUscc, String enterpriseName, String status,
            Map<String, Object> formData, String workflowInstanceId, Instant createdAt, Instant updatedAt,
            Instant submittedAt, long version) {
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ?").param(id).query(this::row).optional();
    }

    /** The application if it is this person's (or their enterprise's); 404 for anyone else. */
    Row owned(String id, Person person) {
        Row row = find(id).orElseThrow(ProblemException::notFound);
        boolean mine = person.enterprise().isPresent() && person.hasRole(org.tongban.identity.Role.BUSINESS)
                ? java.util.Objects.equals(row.enterpriseUscc(), person.enterprise().get().uscc().value())
                : row.applicantSubject().equals(person.subject());
        if (!mine || "discarded".equals(row.status())) {
            // never tell a stranger the application exists
            throw ProblemException.notFound();
        }
        return row;
    }

    /** The application's attachments, oldest first. */
    List<AttachmentController.AttachmentView> attachments(String applicationId) {
        return jdbc.sql("""
                SELECT id, material_code, file_name, media_type, size_bytes, uploaded_at FROM attachment
                WHERE application_id = ? ORDER BY uploaded_at, id""").param(applicationId)
                .query((rs, n) -> new AttachmentController.AttachmentView(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Material codes with at least one attachment. */
    java.util.Set<String> attachedMaterials(String applicationId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT material_code FROM attachment WHERE application_id = ?")
                .param(applicationId).query(String.class).list());
    }

    Optional<Row> byIdempotencyKey(String subject, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE applicant_subject = ? AND idempotency_key = ?")
                .params(subject, key).query(this::row).optional();
    }

    /** A citizen's own applications, or a business user's enterprise's. */
    List<Row> of(Person person) {
        if (person.enterprise().isPresent() && person.hasRole(org.tongban.identity.Role.BUSINESS)) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE enterprise_uscc = ? AND status <> 'discarded'"
                    + " ORDER BY updated_at DESC").param(person.enterprise().get().uscc().value()).query(this::row).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE applicant_subject = ? AND status <> 'discarded'"
                + " ORDER BY updated_at DESC").param(person.subject()).query(this::row).list();
    }

    @Transactional
    Row createDraft(PublishedDefinition published, Person person, Map<String, Object> form, String idempotencyKey) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    INSERT INTO application (id, service_code, definition_version, applicant_subject, applicant_name,
                        applicant_email, enterprise_uscc, enterprise_name, status, form_data, idempotency_key, created_at,
                        updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, 0)""")
                    .params(id, published.serviceCode(), published.version(), person.subject(), person.displayName(),
                            person.email(),
                            person.enterprise().map(e -> e.uscc().value()).orElse(null),
                            person.enterprise().map(e -> e.name()).orElse(null), json.writeValueAsString(form),
                            idempotencyKey, now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            // the same idempotency key twice at once: the other request made it
            return byIdempotencyKey(person.subject(), idempotencyKey).orElseThrow(() -> e);
        }
        return find(id).orElseThrow();
    }

    @Transactional
    Row saveDraft(Row row, Map<String, Object> form) {
        int updated = jdbc.sql("""
                UPDATE application SET form_data = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND status = 'draft' AND version = ?""")
                .params(json.writeValueAsString(form), Timestamp.from(clock.instant()), row.id(), row.version()).update();
        if (updated != 1) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.CONFLICT);
        }
        return find(row.id()).orElseThrow();
    }

    @Transactional
    void saveForm(Row row, Map<String, Object> form) {
        jdbc.sql("UPDATE application SET form_data = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(json.writeValueAsString(form), Timestamp.from(clock.instant()), row.id()).update();
    }

    @Transactional
    void discardDraft(Row row) {
        jdbc.sql("UPDATE application SET status = 'discarded', updated_at = ? WHERE id = ? AND status = 'draft'")
                .params(Timestamp.from(clock.instant()), row.id()).update();
    }

    /**
     * Submits a draft: numbers it and starts its workflow, in one transaction. Of two submissions of
     * the same draft at once (a double click), one does it and the other answers the same receipt.
     */
    @Transactional
    Row submit(Row row, Map<String, Object> form, Person person) {
        Instant now = clock.instant();
        String number = numbers.next();
        int updated = jdbc.sql("""
                UPDATE application SET status = 'submitted', number = ?, form_data = ?, submitted_at = ?, updated_at = ?,
                    version = version + 1 WHERE id = ? AND status = 'draft'""")
                .params(number, json.writeValueAsString(form), Timestamp.from(now), Timestamp.from(now), row.id())
                .update();
        if (updated != 1) {
            return find(row.id()).orElseThrow();
        }
        InstanceView started = engine.start(row.serviceCode(), row.definitionVersion(), form,
                Actor.applicant(row.applicantSubject()));
        jdbc.sql("UPDATE application SET workflow_instance_id = ?, status = ? WHERE id = ?")
                .params(started.id().value(), status(started), row.id()).update();
        return find(row.id()).orElseThrow();
    }

    /** Reads the workflow's state into the application's status (used after the applicant's own actions). */
    @Transactional
    Row refreshStatus(String id) {
        Row row = find(id).orElseThrow();
        if (row.workflowInstanceId() != null) {
            engine.find(new InstanceId(row.workflowInstanceId())).ifPresent(view -> jdbc.sql(
                    "UPDATE application SET status = ?, updated_at = ? WHERE id = ?")
                    .params(status(view), Timestamp.from(clock.instant()), id).update());
        }
        return find(id).orElseThrow();
    }

    static String status(InstanceView view) {
        if (!view.running()) {
            return view.status();
        }
        return view.activeSteps().stream().anyMatch(step -> "correction".equals(step.status())) ? "correction"
                : "in-progress";
    }

    // ---- the workflow moved: keep the list's status current (the applicant's own actions refresh it
    // directly; a clerk's correction request and the final decision arrive as events). The status is a
    // projection of the workflow's state in the same database, so it is written in the transition's own
    // transaction, just before it commits: the list never lags behind the workflow, and no event
    // publication (three more commits each) is needed for it. ----

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(WorkflowEvents.CorrectionRequested event) {
        updateStatusOf(event.instanceId(), "correction");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(WorkflowEvents.WorkflowEnded event) {
        updateStatusOf(event.instanceId(), event.outcome());
    }

    private void updateStatusOf(String instanceId, String status) {
        jdbc.sql("""
                UPDATE application SET status = ?, updated_at = ? WHERE workflow_instance_id = ? AND status <> ?""")
                .params(status, Timestamp.from(clock.instant()), instanceId, status).update();
    }

    // ---- for other modules ----

    @Override
    public Optional<ApplicationSummary> byWorkflowInstance(String instanceId) {
        return jdbc.sql("SELECT " + COLUMNS + ", applicant_email FROM application WHERE workflow_instance_id = ?")
                .param(instanceId)
                .query((rs, n) -> {
                    Row row = row(rs, n);
                    return new ApplicationSummary(row.id(), row.number(), row.serviceCode(), row.applicantSubject(),
                            row.applicantName(), rs.getString("applicant_email"), row.enterpriseName(), row.status(),
                            row.submittedAt());
                }).optional();
    }

    @Override
    public Map<String, Object> formData(String applicationId) {
        return find(applicationId).map(Row::formData).orElse(Map.of());
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getString("id"), rs.getString("number"), rs.getString("service_code"),
                rs.getInt("definition_version"), rs.getString("applicant_subject"), rs.getString("applicant_name"),
                rs.getString("enterprise_uscc"), rs.getString("enterprise_name"), rs.getString("status"),
                json.readValue(rs.getString("form_data"), MAP), rs.getString("workflow_instance_id"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("submitted_at")), rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
