package org.tongban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.workflow.internal.DeadlineTimers;

import tools.jackson.databind.json.JsonMapper;

/**
 * Journey 5 (frontend/e2e/grievance.spec.ts) in two parts around a time limit: the browser runs the complaint up to
 * the reopened case; then the field officer's 24 hours pass — the deadline is moved into the past, as the clock would
 * move past it, and the timers run as they do every half minute — and the browser goes on with the supervisor who
 * received the overdue case, and the citizen who confirms.
 */
public final class GrievanceJourney {

    private GrievanceJourney() {
    }

    /** The hotline's officials of the demo realm. */
    private static final java.util.List<String> OFFICIALS = java.util.List.of("gov-dispatcher", "gov-officer",
            "gov-officer-2", "gov-supervisor", "gov-admin");

    /**
     * Runs the journey against the portal the test started (its context gives the database and the timers).
     *
     * @param embedded whether the portal signs in through the embedded provider (else Keycloak)
     */
    public static void run(String baseUrl, org.springframework.context.ApplicationContext portal, boolean embedded)
            throws Exception {
        JdbcClient jdbc = portal.getBean(JdbcClient.class);
        TransactionTemplate transactions = portal.getBean(TransactionTemplate.class);
        forgetTheOtherProvidersOfficials(jdbc, transactions, embedded);
        run(baseUrl, jdbc, transactions, portal.getBean(DeadlineTimers.class), Map.of());
    }

    /**
     * On a database the embedded-provider and the Keycloak tests share, the directory knows each demo official
     * twice, under each provider's subject, with the same name: the dispatcher could not tell which 周强 to choose.
     * A real portal has one provider; the journey starts from the officials of its own. (The embedded provider's
     * subjects are name-based UUIDs of the username, as in {@code RealmFile.subjectOf}.)
     */
    private static void forgetTheOtherProvidersOfficials(JdbcClient jdbc, TransactionTemplate transactions,
            boolean embedded) {
        transactions.executeWithoutResult(status -> {
            for (String username : OFFICIALS) {
                String embeddedSubject = java.util.UUID.nameUUIDFromBytes(("tongban-demo-user:" + username)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
                String condition = embedded ? "subject <> ?" : "subject = ?";
                jdbc.sql("DELETE FROM person_department WHERE subject IN (SELECT subject FROM person WHERE username = ? AND "
                        + condition + ")").params(username, embeddedSubject).update();
                jdbc.sql("DELETE FROM person WHERE username = ? AND " + condition).params(username, embeddedSubject)
                        .update();
            }
        });
    }

    public static void run(String baseUrl, JdbcClient jdbc, TransactionTemplate transactions, DeadlineTimers timers,
            Map<String, String> environment) throws Exception {
        Path state = Files.createTempFile("grievance-", ".json");
        Map<String, String> first = new java.util.HashMap<>(environment);
        first.put("E2E_PHASE", "before-deadline");
        first.put("E2E_STATE", state.toString());
        Playwright.run("e2e/grievance.spec.ts", baseUrl, first);

        String id = JsonMapper.builder().build().readTree(Files.readString(state)).path("id").asString();
        String instance = jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(id)
                .query(String.class).single();
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
        Integer moved = transactions.execute(status -> jdbc.sql("""
                UPDATE workflow_task SET warn_at = ?, due_at = ?, escalate_at = ?, next_timer_at = ?
                WHERE instance_id = ? AND step_id = 'resolve' AND status = 'ACTIVE'""")
                .params(past, past, past, past, instance).update());
        assertThat(moved).as("the reopened case waits at the officer's step").isEqualTo(1);
        timers.fireDue();
        assertThat(jdbc.sql("SELECT role FROM workflow_task WHERE instance_id = ? AND step_id = 'resolve'")
                .param(instance).query(String.class).single()).as("escalated").isEqualTo("supervisor");

        Map<String, String> second = new java.util.HashMap<>(first);
        second.put("E2E_PHASE", "after-deadline");
        Playwright.run("e2e/grievance.spec.ts", baseUrl, second);
        Files.deleteIfExists(state);
    }
}
