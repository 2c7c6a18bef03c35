package org.tongban.application.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.application.ApplicationStatus;
import org.tongban.shared.DomainException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link Application}s: the {@code application} row and its open corrections. It only stores and
 * loads; the rules are the aggregate's, the orchestration the service's.
 */
@Repository
class ApplicationRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, number, service_code, definition_version, applicant_subject, applicant_name, applicant_email,
            applicant_id_number, enterprise_uscc, enterprise_name, status, form_data, workflow_instance_id,
            idempotency_key, created_at, updated_at, submitted_at, version""";
    private static final String SUMMARY_COLUMNS = """
            id, number, service_code, definition_version, status, applicant_name, enterprise_name, created_at,
            updated_at, submitted_at, version, clock_paused_days,
            (SELECT MIN(c.requested_at) FROM application_correction c WHERE c.application_id = application.id) AS paused_since""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Application> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ?").param(id).query(this::row).optional()
                .map(this::withCorrections);
    }

    Optional<Application> byWorkflowInstance(String instanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE workflow_instance_id = ?").param(instanceId)
                .query(this::row).optional().map(this::withCorrections);
    }

    Optional<Application> byIdempotencyKey(String subject, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE applicant_subject = ? AND idempotency_key = ?")
                .params(subject, key).query(this::row).optional().map(this::withCorrections);
    }

    /** Drafts a person keeps open (for the limit on drafts). */
    long openDrafts(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM application WHERE applicant_subject = ? AND status = 'draft'")
                .param(subject).query(Long.class).single();
    }

    /** A row of the applicant's list: no answers, no documents. */
    record Listed(String id, String number, String serviceCode, int definitionVersion, ApplicationStatus status,
            String applicantName, String enterpriseName, Instant createdAt, Instant updatedAt, Instant submittedAt,
            long version, Pause pause) {
    }

    /**
     * How long the application's clock has stood still for corrections: the working days of corrections answered,
     * and since when an open one waits (null: none open).
     */
    record Pause(int pausedDays, Instant pausedSince) {
    }

    record ListPage(List<Listed> items, long total) {
    }

    /** A person's (or an enterprise's) applications, newest first, a page at a time, in SQL. */
    ListPage list(String subject, String enterpriseUscc, ApplicationStatus status, int page, int size) {
        StringBuilder where = new StringBuilder(enterpriseUscc != null ? " WHERE enterprise_uscc = ?" : " WHERE applicant_subject = ?");
        List<Object> params = new ArrayList<>(List.of(enterpriseUscc != null ? enterpriseUscc : subject));
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.code());
        } else {
            where.append(" AND status <> 'discarded'");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM application" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Listed> items = total == 0 ? List.of() : jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM application" + where
                        + " ORDER BY updated_at DESC, id LIMIT ? OFFSET ?").params(pageParams)
                .query((rs, n) -> new Listed(rs.getString("id"), rs.getString("number"), rs.getString("service_code"),
                        rs.getInt("definition_version"), ApplicationStatus.of(rs.getString("status")),
                        rs.getString("applicant_name"), rs.getString("enterprise_name"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("submitted_at")),
                        rs.getLong("version"), new Pause(rs.getInt("clock_paused_days"),
                                instant(rs.getTimestamp("paused_since")))))
                .list();
        return new ListPage(items, total);
    }

    /** The application's clock: the working days paused for corrections, and the open correction's start. */
    Pause pause(String id) {
        return jdbc.sql("""
                SELECT clock_paused_days,
                    (SELECT MIN(c.requested_at) FROM application_correction c WHERE c.application_id = application.id)
                FROM application WHERE id = ?""").param(id)
                .query((rs, n) -> new Pause(rs.getInt(1), instant(rs.getTimestamp(2)))).single();
    }

    /** Adds the working days an answered correction held the clock. */
    void addPausedDays(String id, int days) {
        if (days > 0) {
            jdbc.sql("UPDATE application SET clock_paused_days = clock_paused_days + ? WHERE id = ?").params(days, id)
                    .update();
        }
    }

    /**
     * Inserts a new draft; answers the draft made by a concurrent request with the same idempotency key instead
     * when there was one.
     */
    Application insert(Application draft) {
        try {
            jdbc.sql("""
                    INSERT INTO application (id, service_code, definition_version, applicant_subject, applicant_name,
                        applicant_email, applicant_id_number, enterprise_uscc, enterprise_name, status, form_data,
                        idempotency_key, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(draft.id(), draft.serviceCode(), draft.definitionVersion(), draft.applicant().subject(),
                            draft.applicant().name(), draft.applicant().email(), draft.applicant().idNumber(),
                            draft.enterprise().map(Application.Enterprise::uscc).orElse(null),
                            draft.enterprise().map(Application.Enterprise::name).orElse(null), draft.status().code(),
                            json.writeValueAsString(draft.formData()), draft.idempotencyKey(),
                            Timestamp.from(draft.createdAt()), Timestamp.from(draft.updatedAt()))
                    .update();
            return draft;
        } catch (DuplicateKeyException e) {
            // the same idempotency key twice at once: the other request made it
            return byIdempotencyKey(draft.applicant().subject(), draft.idempotencyKey()).orElseThrow(() -> e);
        }
    }

    /**
     * Writes the aggregate back if nobody changed it meanwhile ({@code version}); its open corrections are
     * replaced with the aggregate's.
     */
    void save(Application application) {
        int updated = jdbc.sql("""
                UPDATE application SET number = ?, status = ?, form_data = ?, workflow_instance_id = ?, updated_at = ?,
                    submitted_at = ?, definition_version = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(application.number(), application.status().code(), json.writeValueAsString(application.formData()),
                        application.workflowInstanceId(), Timestamp.from(application.updatedAt()),
                        application.submittedAt() == null ? null : Timestamp.from(application.submittedAt()),
                        application.definitionVersion(), application.id(), application.version())
                .update();
        if (updated != 1) {
            throw new DomainException(ApplicationProblem.EDITED_ELSEWHERE);
        }
        application.stored(application.version() + 1);
        if (application.status() == ApplicationStatus.DRAFT) {
            jdbc.sql("DELETE FROM application_source WHERE application_id = ?").param(application.id()).update();
            for (Application.SourceDecision source : application.sources()) {
                jdbc.sql("""
                        INSERT INTO application_source (application_id, dataset, decision, record_key, reason, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(application.id(), source.dataset(), source.decision(), source.recordKey(),
                                source.reason(), Timestamp.from(source.decidedAt()))
                        .update();
            }
        }
        jdbc.sql("DELETE FROM application_correction WHERE application_id = ?").param(application.id()).update();
        for (Application.Correction correction : application.corrections()) {
            jdbc.sql("""
                    INSERT INTO application_correction (application_id, step_id, items, reason, requested_at)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(application.id(), correction.step(), json.writeValueAsString(correction.items()),
                            correction.reason(), Timestamp.from(correction.requestedAt()))
                    .update();
        }
    }

    private Application withCorrections(Application application) {
        List<Application.Correction> corrections = !application.status().running() ? List.of() : jdbc.sql("""
                SELECT step_id, items, reason, requested_at FROM application_correction WHERE application_id = ?
                ORDER BY requested_at, step_id""").param(application.id())
                .query((rs, n) -> new Application.Correction(rs.getString(1), json.readValue(rs.getString(2), LIST),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
        List<Application.SourceDecision> sources = jdbc.sql("""
                SELECT dataset, decision, record_key, reason, decided_at FROM application_source
                WHERE application_id = ? ORDER BY decided_at, dataset""").param(application.id())
                .query((rs, n) -> new Application.SourceDecision(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
        if (corrections.isEmpty() && sources.isEmpty()) {
            return application;
        }
        return new Application(application.id(), application.number(), application.serviceCode(),
                application.definitionVersion(), application.applicant(), application.enterprise().orElse(null),
                application.status(), application.formData(), application.workflowInstanceId(),
                application.idempotencyKey(), application.createdAt(), application.updatedAt(),
                application.submittedAt(), application.version(), corrections, sources);
    }

    private Application row(ResultSet rs, int n) throws SQLException {
        String uscc = rs.getString("enterprise_uscc");
        return new Application(rs.getString("id"), rs.getString("number"), rs.getString("service_code"),
                rs.getInt("definition_version"), new Application.Applicant(rs.getString("applicant_subject"),
                        rs.getString("applicant_name"), rs.getString("applicant_email"), rs.getString("applicant_id_number")),
                uscc == null ? null : new Application.Enterprise(uscc, rs.getString("enterprise_name")),
                ApplicationStatus.of(rs.getString("status")), json.readValue(rs.getString("form_data"), MAP),
                rs.getString("workflow_instance_id"), rs.getString("idempotency_key"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("submitted_at")), rs.getLong("version"), List.of(), List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
