package org.tongban.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Officials appear by name, not by subject, once they have signed in (in a browser or with a bearer
 * token); a department admin reassigns a claimed task to another clerk of the department, and only to
 * one; both clerks hear of it in their inboxes, whose unread count the header's bell shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class ReassignmentIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Demo@2026";
    private static final String SERVICE = "primary-school-enrolment";
    private static final String STEP = "enrolment-acceptance";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WorkflowEngine engine;

    @Autowired
    WorkflowDefinitions definitions;

    @Autowired
    JWKSource<SecurityContext> idpKeys;

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, PASSWORD);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
        return browser;
    }

    private static String subject(Browserless browser) {
        return json(browser.get("/api/v1/me")).path("subject").asString();
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    /** An application as the application module stores it at submission, with its workflow started. */
    private String submitted() {
        String id = UUID.randomUUID().toString();
        int version = definitions.latest(SERVICE).orElseThrow().version();
        return transactions.execute(status -> {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("""
                    INSERT INTO application (id, number, service_code, definition_version, applicant_subject,
                        applicant_name, status, form_data, created_at, updated_at, submitted_at, version)
                    VALUES (?, ?, ?, ?, 'parent-subject', '张三', 'submitted', '{}', ?, ?, ?, 0)""")
                    .params(id, "20261127-" + id.substring(0, 6).toUpperCase(), SERVICE, version, now, now, now)
                    .update();
            InstanceView started = engine.start(new WorkflowEngine.Start(SERVICE, version, id,
                    "20261127-" + id.substring(0, 6).toUpperCase(), Actor.applicant("parent-subject"), "张三", Map.of()));
            jdbc.sql("UPDATE application SET workflow_instance_id = ? WHERE id = ?").params(started.id().value(), id)
                    .update();
            return started.id().value();
        });
    }

    private static Page reassign(Browserless who, String task, String clerk, String reason) {
        String body = clerk == null ? "{\"clerk\":null}"
                : "{\"clerk\":\"" + clerk + "\",\"reason\":\"" + (reason == null ? "" : reason) + "\"}";
        return who.json("POST", task + "/reassignment", body, true);
    }

    @Test
    void onlyTheDepartmentsAdminReassignsAndOnlyToAClerkOfTheDepartment() {
        Browserless clerk = signedIn("edu-clerk");
        Browserless colleague = signedIn("edu-clerk-2");
        Browserless healthClerk = signedIn("health-clerk");
        Browserless citizen = signedIn("zhangsan");
        Browserless admin = signedIn("edu-admin");
        Browserless otherAdmin = signedIn("health-admin");
        String instance = submitted();
        String task = "/api/v1/workbench/tasks/" + instance + "/" + STEP;
        assertThat(clerk.json("POST", task + "/claim", null, true).status()).isEqualTo(200);

        // the holder's name, not their subject, in the queue and on the task page
        JsonNode item = json(clerk.get("/api/v1/workbench/tasks")).path("items").valueStream()
                .filter(t -> t.path("instanceId").asString().equals(instance)).findFirst().orElseThrow();
        assertThat(item.path("claimedBy").asString()).isEqualTo(subject(clerk));
        assertThat(item.path("claimedByName").asString()).isEqualTo("赵敏");
        JsonNode view = json(clerk.get(task));
        assertThat(view.path("task").path("claimedByName").asString()).isEqualTo("赵敏");
        assertThat(view.path("mayReassign").asBoolean()).as("a clerk does not reassign").isFalse();

        // who may not: a clerk, another department's admin, a citizen, nobody signed in
        assertThat(reassign(clerk, task, subject(colleague), "").status()).isEqualTo(403);
        assertThat(clerk.get(task + "/candidates").status()).isEqualTo(403);
        Page foreign = reassign(otherAdmin, task, subject(colleague), "");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(otherAdmin.get(task + "/candidates").status()).isEqualTo(403);
        assertThat(reassign(citizen, task, subject(colleague), "").status()).isEqualTo(403);
        assertThat(new Browserless("http://localhost:" + port).get(task + "/candidates").status()).isEqualTo(401);
        assertThat(json(otherAdmin.get("/api/v1/workbench/assignments?size=100")).path("items").valueStream()
                .map(t -> t.path("department").asString()).distinct().toList()).doesNotContain("education");
        assertThat(clerk.get("/api/v1/workbench/assignments").status()).as("admins only").isEqualTo(403);

        // to whom not: another department's clerk, a citizen, a subject nobody knows
        for (String nobody : List.of(subject(healthClerk), subject(citizen), "no-such-subject", subject(admin))) {
            Page refused = reassign(admin, task, nobody, "");
            assertThat(refused.status()).as(nobody).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(json(refused).path("type").asString()).isEqualTo("urn:tongban:problem:workflow-not-a-candidate");
            assertThat(json(refused).path("title").asString()).isEqualTo("不能改派给这位人员");
        }
        assertThat(jdbc.sql("SELECT claimed_by FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                .params(instance, STEP).query(String.class).single()).as("nothing changed").isEqualTo(subject(clerk));

        // the admin sees the department's tasks with their holders and chooses among its clerks
        JsonNode assignment = json(admin.get("/api/v1/workbench/assignments?size=100")).path("items").valueStream()
                .filter(t -> t.path("instanceId").asString().equals(instance)).findFirst().orElseThrow();
        assertThat(assignment.path("claimedByName").asString()).isEqualTo("赵敏");
        JsonNode candidates = json(admin.get(task + "/candidates"));
        assertThat(candidates.valueStream().map(c -> c.path("displayName").asString()).toList())
                .contains("赵敏", "刘洋").doesNotContain("钱进", "冯伟", "张三");
        assertThat(candidates.valueStream().filter(c -> c.path("holdsTask").asBoolean())
                .map(c -> c.path("displayName").asString()).toList()).containsExactly("赵敏");

        Page moved = reassign(admin, task, subject(colleague), "赵敏本周休假");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).path("claimedByName").asString()).isEqualTo("刘洋");
        assertThat(json(colleague.get(task)).path("task").path("claimedByMe").asBoolean()).isTrue();
        assertThat(clerk.json("POST", task + "/decision", "{\"action\":\"approve\"}", true).status())
                .as("the former holder can no longer decide").isEqualTo(409);

        // both hear of it; the bell counts and clears
        await().atMost(Duration.ofSeconds(10)).until(() -> json(colleague.get("/api/v1/notifications")).valueStream()
                .anyMatch(n -> n.path("kind").asString().equals("task-reassigned-to-you")
                        && n.path("instanceId").asString().equals(instance)));
        JsonNode toYou = json(colleague.get("/api/v1/notifications")).valueStream()
                .filter(n -> n.path("kind").asString().equals("task-reassigned-to-you")
                        && n.path("instanceId").asString().equals(instance)).findFirst().orElseThrow();
        assertThat(toYou.path("step").asString()).isEqualTo(STEP);
        assertThat(toYou.path("body").asString()).contains("赵敏本周休假");
        await().atMost(Duration.ofSeconds(10)).until(() -> json(clerk.get("/api/v1/notifications")).valueStream()
                .anyMatch(n -> n.path("kind").asString().equals("task-reassigned-away")
                        && n.path("instanceId").asString().equals(instance)));
        assertThat(json(colleague.get("/api/v1/notifications/unread-count")).path("unread").asLong()).isPositive();
        Page all = colleague.json("POST", "/api/v1/notifications/read", null, true);
        assertThat(all.status()).isEqualTo(200);
        assertThat(json(all).path("marked").asInt()).isPositive();
        assertThat(json(colleague.get("/api/v1/notifications/unread-count")).path("unread").asLong()).isZero();
        assertThat(json(colleague.get("/api/v1/notifications")).valueStream().allMatch(n -> n.path("read").asBoolean()))
                .isTrue();
        assertThat(json(clerk.get("/api/v1/notifications/unread-count")).path("unread").asLong())
                .as("someone else's inbox is untouched").isPositive();

        // the decision is recorded by name on the next step's history
        assertThat(colleague.json("POST", task + "/decision", "{\"action\":\"approve\"}", true).status()).isEqualTo(200);
        JsonNode next = json(colleague.get("/api/v1/workbench/tasks/" + instance + "/eligibility-review"));
        JsonNode approval = next.path("history").valueStream()
                .filter(h -> h.path("action").asString().equals("approve")).findFirst().orElseThrow();
        assertThat(approval.path("actor").asString()).isEqualTo(subject(colleague));
        assertThat(approval.path("actorName").asString()).isEqualTo("刘洋");
        JsonNode start = next.path("history").get(0);
        assertThat(start.path("actorName").isNull()).as("the applicant is not in the directory").isTrue();

        // back to the queue
        assertThat(json(reassign(admin, "/api/v1/workbench/tasks/" + instance + "/eligibility-review", null, null))
                .path("claimedBy").isNull()).isTrue();
    }

    @Test
    void theBellNeedsASignedInPersonAndCountsOnlyTheirOwnInbox() {
        Browserless anonymous = new Browserless("http://localhost:" + port);
        assertThat(anonymous.get("/api/v1/notifications/unread-count").status()).isEqualTo(401);
        assertThat(anonymous.json("POST", "/api/v1/notifications/read", null, false).status()).isIn(401, 403);
        Browserless citizen = signedIn("lisi");
        Page refused = citizen.json("POST", "/api/v1/notifications/read", null, false);
        assertThat(refused.status()).as("CSRF protects marking read").isEqualTo(403);
        assertThat(json(citizen.json("POST", "/api/v1/notifications/read", null, true)).path("marked").asInt())
                .isGreaterThanOrEqualTo(0);
        assertThat(json(citizen.get("/api/v1/notifications/unread-count")).path("unread").asLong()).isZero();
    }

    @Test
    void anApiClientsBearerTokenPutsTheOfficialInTheDirectory() throws Exception {
        String subject = "bearer-" + UUID.randomUUID();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("http://localhost:" + port)
                .audience(List.of("tongban-portal", "tongban-api")).subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claims(c -> c.putAll(Map.of("preferred_username", "edu-system", "given_name", "静怡", "family_name",
                        "欧阳", "roles", List.of("clerk"), "department", List.of("education"))))
                .build();
        String token = new NimbusJwtEncoder(idpKeys)
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        Browserless api = new Browserless("http://localhost:" + port);
        assertThat(api.getOnce("/api/v1/workbench/tasks", "Authorization", "Bearer " + token).status()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT display_name FROM person WHERE subject = ?").param(subject).query(String.class)
                .single()).isEqualTo("欧阳静怡");
        Browserless admin = signedIn("edu-admin");
        String instance = submitted();
        JsonNode candidates = json(admin.get("/api/v1/workbench/tasks/" + instance + "/" + STEP + "/candidates"));
        assertThat(candidates.valueStream().map(c -> c.path("subject").asString()).toList()).contains(subject);
        Page given = reassign(admin, "/api/v1/workbench/tasks/" + instance + "/" + STEP, subject, "");
        assertThat(json(given).path("claimedByName").asString()).isEqualTo("欧阳静怡");
    }
}
