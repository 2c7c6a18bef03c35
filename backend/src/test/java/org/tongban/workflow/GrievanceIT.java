package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;
import org.tongban.workflow.internal.DeadlineTimers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hotline's grievance process through the API, as the people who use it: the department admin defines the
 * dispatcher role and publishes the definition that names it (refused before the role exists); a citizen complains;
 * the dispatcher names the field officer; the officer resolves; the citizen reopens; the overdue case goes to the
 * supervisor; the citizen confirms and sees the named end state. Every new endpoint refuses whoever may not use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class GrievanceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEPARTMENT = "government-services";
    private static final String ADMIN_ROLES = "/api/v1/department-admin/departments/" + DEPARTMENT + "/roles";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineTimers timers;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, "Demo@2026");
        browser.get("/api/v1/me");
        return browser;
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    private static String definition() {
        try (InputStream in = GrievanceIT.class.getResourceAsStream("/grievance/citizen-complaint.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The person's subject at this portal's identity provider (signing them in records them in the directory; the
     * same username can have another subject at another provider on a shared database).
     */
    private String subject(String username) {
        return json(signedIn(username).get("/api/v1/me")).path("subject").asString();
    }

    private static void problem(Page page, int status) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theRolesOfADepartmentAreItsAdminsToDefineAndGrant() {
        Browserless anonymous = new Browserless("http://localhost:" + port);
        assertThat(anonymous.get("/api/v1/departments/" + DEPARTMENT + "/roles").status())
                .as("which roles exist is public, like the departments").isEqualTo(200);
        String role = "{\"code\":\"night-duty\",\"nameZh\":\"夜间值班\",\"nameEn\":\"Night duty\"}";
        problem(anonymous.get(ADMIN_ROLES + "/field-officer/holders"), 401);
        assertThat(anonymous.json("POST", ADMIN_ROLES, role, true).status()).isIn(401, 403);
        for (String user : List.of("zhangsan", "gov-officer", "edu-admin")) {
            problem(signedIn(user).json("POST", ADMIN_ROLES, role, true), 403);
            problem(signedIn(user).get(ADMIN_ROLES + "/field-officer/holders"), 403);
        }
        Browserless admin = signedIn("gov-admin");
        problem(admin.json("POST", ADMIN_ROLES, "{\"code\":\"Night Duty\",\"nameZh\":\"夜班\",\"nameEn\":\"x\"}", true), 400);
        problem(admin.json("POST", ADMIN_ROLES, "{\"code\":\"clerk\",\"nameZh\":\"窗口\",\"nameEn\":\"Clerk\"}", true), 409);
        Page defined = admin.json("POST", ADMIN_ROLES, role, true);
        assertThat(defined.status()).as(defined.body()).isIn(201, 409);
        problem(admin.json("POST", ADMIN_ROLES, role, true), 409);

        // granted in the portal to an official of the department; never to a citizen or another department's clerk
        signedIn("gov-officer-2");
        signedIn("edu-clerk");
        String holders = ADMIN_ROLES + "/night-duty/holders/";
        problem(admin.json("PUT", holders + subject("edu-clerk"), null, true), 400);
        problem(admin.json("PUT", holders + "no-such-subject", null, true), 400);
        Page granted = admin.json("PUT", holders + subject("gov-officer-2"), null, true);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(json(granted).valueStream().map(h -> h.path("subject").asString()))
                .contains(subject("gov-officer-2"));
        String officer = subject("gov-officer");
        Page listed = admin.get(ADMIN_ROLES + "/field-officer/holders");
        assertThat(json(listed).valueStream().filter(h -> h.path("subject").asString().equals(officer)))
                .as("the identity provider's grant is listed, not revocable here")
                .singleElement().satisfies(h -> assertThat(h.path("grantedInPortal").asBoolean()).isFalse());
        assertThat(admin.json("DELETE", holders + subject("gov-officer-2"), null, true).status()).isEqualTo(200);
        problem(admin.json("DELETE", holders + subject("gov-officer-2"), null, true), 404);

        // only the platform admin adds departments
        String department = "{\"code\":\"civil-affairs\",\"nameZh\":\"民政局\",\"nameEn\":\"Civil Affairs Bureau\"}";
        problem(admin.json("POST", "/api/v1/admin/departments", department, true), 403);
        Browserless platform = signedIn("admin");
        Page created = platform.json("POST", "/api/v1/admin/departments", department, true);
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        problem(platform.json("POST", "/api/v1/admin/departments", department, true), 409);
        assertThat(anonymous.get("/api/v1/departments/civil-affairs").status()).isEqualTo(200);
    }

    @Test
    void aComplaintIsDispatchedResolvedReopenedEscalatedAndConfirmed() {
        Browserless admin = signedIn("gov-admin");
        String publish = "/api/v1/workflow-admin/definitions?file=complaints/citizen-complaint.yaml";
        if (jdbc.sql("SELECT COUNT(*) FROM department_role WHERE department = ? AND code = 'dispatcher'")
                .param(DEPARTMENT).query(Long.class).single() == 0) {
            Page refused = admin.send("POST", publish, "application/yaml", definition());
            problem(refused, 400);
            assertThat(refused.body()).as("the definition names a role the department does not have yet")
                    .contains("unknown-role").contains("dispatcher");
            assertThat(admin.json("POST", ADMIN_ROLES,
                    "{\"code\":\"dispatcher\",\"nameZh\":\"派单员\",\"nameEn\":\"Dispatcher\"}", true).status())
                    .isEqualTo(201);
        }
        Page published = admin.send("POST", publish, "application/yaml", definition());
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        problem(signedIn("edu-admin").send("POST", publish, "application/yaml", definition()), 403);

        // the officials have signed in once, so the dispatcher can name them
        signedIn("gov-officer");
        signedIn("gov-officer-2");
        signedIn("gov-supervisor");

        Browserless citizen = signedIn("zhangsan");
        String id = json(citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"citizen-complaint\"}", true))
                .path("id").asString();
        assertThat(citizen.json("PUT", "/api/v1/applications/" + id + "/draft", """
                {"formData":{"category":"noise","location":"幸福路 12 号楼下","details":"楼下商铺每晚十一点后仍大声播放音乐"}}""",
                true).status()).isEqualTo(200);
        Page submitted = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(submitted.status()).as(submitted.body()).isIn(200, 201);
        String number = json(submitted).path("number").asString();
        String instance = jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(id)
                .query(String.class).single();
        String dispatch = "/api/v1/workbench/tasks/" + instance + "/dispatch";
        String resolve = "/api/v1/workbench/tasks/" + instance + "/resolve";

        // only the dispatcher sees and decides the dispatch; an officer of the same department does not
        Browserless officer = signedIn("gov-officer");
        assertThat(json(officer.get("/api/v1/workbench/tasks?q=" + number)).path("items").size()).isZero();
        problem(officer.get(dispatch), 403);
        Browserless dispatcher = signedIn("gov-dispatcher");
        assertThat(json(dispatcher.get("/api/v1/workbench/tasks?q=" + number)).path("items").size()).isEqualTo(1);
        assertThat(json(dispatcher.get(dispatch)).path("assignsNext").asBoolean()).isTrue();
        JsonNode assignees = json(dispatcher.get(dispatch + "/assignees"));
        assertThat(assignees.valueStream().map(a -> a.path("username").asString()))
                .contains("gov-officer", "gov-officer-2").doesNotContain("gov-supervisor", "gov-dispatcher");
        problem(dispatcher.json("POST", dispatch + "/decision", "{\"action\":\"approve\"}", true), 400);
        problem(dispatcher.json("POST", dispatch + "/decision",
                "{\"action\":\"approve\",\"assignee\":\"" + subject("gov-supervisor") + "\"}", true), 400);
        assertThat(json(dispatcher.get(dispatch)).path("task").path("step").asString())
                .as("nothing changed").isEqualTo("dispatch");
        Page dispatched = dispatcher.json("POST", dispatch + "/decision",
                "{\"action\":\"approve\",\"reason\":\"噪声扰民，请现场核查\",\"assignee\":\"" + subject("gov-officer") + "\"}",
                true);
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);

        // the named officer holds it; another officer cannot decide it
        problem(signedIn("gov-officer-2").json("POST", resolve + "/decision", "{\"action\":\"approve\"}", true), 409);
        JsonNode history = json(officer.get(resolve)).path("history");
        assertThat(history.valueStream().filter(h -> h.path("action").asString().equals("approve")))
                .singleElement().satisfies(h -> assertThat(h.path("targetName").asString()).isEqualTo("周强"));
        assertThat(officer.json("POST", resolve + "/decision", "{\"action\":\"approve\",\"reason\":\"已约谈商铺\"}", true)
                .status()).isEqualTo(200);

        // the citizen is asked; only they answer, a reopening needs its reason
        JsonNode awaiting = json(citizen.get("/api/v1/applications/" + id)).path("awaiting");
        assertThat(awaiting.path("step").asString()).isEqualTo("citizen-confirms");
        assertThat(awaiting.path("actions").valueStream().map(JsonNode::asString)).containsExactly("confirm", "reopen");
        String answer = "/api/v1/applications/" + id + "/steps/citizen-confirms/answer";
        problem(signedIn("lisi").json("POST", answer, "{\"action\":\"confirm\"}", true), 404);
        problem(citizen.json("POST", answer, "{\"action\":\"reopen\",\"text\":\"  \"}", true), 400);
        problem(citizen.json("POST", answer, "{\"action\":\"supply\",\"text\":\"补充\"}", true), 409);
        problem(citizen.json("POST", answer, "{\"action\":\"shrug\"}", true), 400);
        Page reopened = citizen.json("POST", answer, "{\"action\":\"reopen\",\"text\":\"昨晚仍然播放到十二点\"}", true);
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(json(reopened).path("awaiting").isNull()).isTrue();

        // nobody acts in time: the deadline is moved into the past, as the clock would, and the timers run
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
        // (the portal's connections do not auto-commit: a write outside a transaction would be rolled back)
        Integer moved = transactions.execute(status -> jdbc.sql("""
                UPDATE workflow_task SET warn_at = ?, due_at = ?, escalate_at = ?, next_timer_at = ?
                WHERE instance_id = ? AND step_id = 'resolve'""").params(past, past, past, past, instance).update());
        assertThat(moved).isEqualTo(1);
        assertThat(timers.fireDue()).as("warning, overdue and escalation").isGreaterThanOrEqualTo(3);
        problem(officer.get(resolve), 403);
        Browserless supervisor = signedIn("gov-supervisor");
        JsonNode escalated = json(supervisor.get(resolve));
        assertThat(escalated.path("task").path("light").asString()).isEqualTo("RED");
        assertThat(escalated.path("history").valueStream().filter(h -> h.path("action").asString().equals("escalate")))
                .singleElement().satisfies(h -> assertThat(h.path("targetName").asString()).isEqualTo("督办负责人"));
        assertThat(supervisor.json("POST", resolve + "/decision", "{\"action\":\"approve\",\"reason\":\"督办已整改\"}",
                true).status()).isEqualTo(200);

        Page confirmed = citizen.json("POST", answer, "{\"action\":\"confirm\",\"text\":\"已经安静了，谢谢\"}", true);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("status").asString()).isEqualTo("approved");
        assertThat(json(confirmed).path("endState").path("zh").asString()).isEqualTo("已解决");
        assertThat(json(confirmed).path("timeline").valueStream().map(t -> t.path("action").asString()))
                .containsSubsequence("start", "approve", "approve", "reopen", "escalate", "approve", "confirm");

        List<String> kinds = jdbc.sql("SELECT kind FROM notification WHERE application_id = ?").param(id)
                .query(String.class).list();
        assertThat(kinds).contains("awaiting-applicant", "task-assigned-to-you", "task-escalated-to-you");
    }
}
