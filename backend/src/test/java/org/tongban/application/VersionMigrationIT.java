package org.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 迁移 over HTTP: a department admin publishes version 2 of their service, runs a dry run that says where each
 * running application would land and what blocks it, then migrates. Moved applications continue on version 2's
 * steps and show the move in the applicant's and the clerks' history; a blocked one is left exactly as it was; two
 * admins migrating at the same moment move each application once. Only the owning department's admins (and the
 * platform admin) may; bad requests change nothing. Runs on H2 and, in CI, on MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tongban.data-dir=./target/it-data/embedded", "tongban.workflow.timers.enabled=false"})
class VersionMigrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Demo@2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, PASSWORD);
        browser.get("/api/v1/me");
        return browser;
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    /**
     * A small citizen service of market regulation: acceptance, then the department admin's review. Version 2 renames
     * the review to "decision" and makes the phone number required.
     */
    private static String definition(String code, boolean version2) {
        String review = version2 ? "decision" : "review";
        return """
                formatVersion: 1
                service:
                  code: %s
                  name: { zh-CN: 迁移测试事项, en-US: Migration test service }
                  description: { zh-CN: 用于测试在办件迁移到新版本。, en-US: For testing how running applications move to a new version. }
                  category: enterprise
                  department: market-regulation
                  audience: citizen
                  promisedWorkingDays: 5
                  legalBasis: { zh-CN: 测试用, en-US: For tests }
                  fee: { zh-CN: 不收费, en-US: Free of charge }
                  materials:
                    - code: note
                      name: { zh-CN: 情况说明, en-US: Explanatory note }
                      required: false
                      formats: [pdf]
                      maxSizeMb: 1
                form:
                  schema:
                    type: object
                    additionalProperties: false
                    required: [%s]
                    properties:
                      shopName: { type: string, title: 店铺名称, x-title: { en-US: Shop name }, minLength: 2, maxLength: 50 }
                      contactPhone: { type: string, title: 联系电话, x-title: { en-US: Contact phone number }, pattern: "^1[3-9][0-9]{9}$" }
                workflow:
                  start: acceptance
                  steps:
                    acceptance:
                      type: task
                      name: { zh-CN: 受理, en-US: Acceptance }
                      department: market-regulation
                      timeLimitWorkingDays: 1
                      visibleFields: [shopName, contactPhone]
                      correction: true
                      next: %s
                    %s:
                      type: task
                      name: { zh-CN: 审查决定, en-US: Review and decision }
                      department: market-regulation
                      role: dept-admin
                      timeLimitWorkingDays: 3
                      visibleFields: [shopName, contactPhone]
                      next: approved
                """.formatted(code, version2 ? "shopName, contactPhone" : "shopName", review, review);
    }

    private static void publish(Browserless admin, String code, String yaml) {
        Page published = admin.send("POST", "/api/v1/workflow-admin/definitions?file=enterprise/" + code + ".yaml",
                "application/yaml", yaml);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    /** A citizen's submitted application: its id. */
    private static String apply(Browserless citizen, String code, String answers) {
        Page created = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"" + code + "\"}", true);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        Page saved = citizen.json("PUT", "/api/v1/applications/" + id + "/draft", "{\"formData\":" + answers + "}", true);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Page submitted = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private String instance(String applicationId) {
        return jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(applicationId)
                .query(String.class).single();
    }

    private Map<String, Object> stored(String applicationId) {
        return jdbc.sql("""
                SELECT a.definition_version AS application_version, a.version AS application_row,
                    i.definition_version AS workflow_version, i.state, i.version AS workflow_row, i.history_size
                FROM application a JOIN workflow_instance i ON i.id = a.workflow_instance_id WHERE a.id = ?""")
                .param(applicationId).query().singleRow();
    }

    private List<Map<String, Object>> tasks(String applicationId) {
        return jdbc.sql("""
                SELECT step_id, department, role, status, activated_at, due_at, claimed_by FROM workflow_task
                WHERE instance_id = ? ORDER BY step_id""").param(instance(applicationId)).query().listOfRows();
    }

    private static JsonNode move(JsonNode report, String applicationId) {
        return report.path("applications").valueStream()
                .filter(move -> move.path("applicationId").asString().equals(applicationId)).findFirst().orElseThrow();
    }

    private static List<String> steps(JsonNode placements) {
        return placements.valueStream().map(placement -> placement.path("step").asString()).toList();
    }

    private static List<String> codes(JsonNode move) {
        return move.path("blockers").valueStream().map(blocker -> blocker.path("code").asString()).toList();
    }

    @Test
    void aDepartmentAdminMovesRunningApplicationsToTheNextVersionAfterADryRun() {
        String code = "migration-probe-" + System.nanoTime();
        Browserless admin = signedIn("market-admin");
        publish(admin, code, definition(code, false));
        Browserless zhangsan = signedIn("zhangsan");
        Browserless lisi = signedIn("lisi");
        Browserless clerk = signedIn("market-clerk");
        String atAcceptance = apply(zhangsan, code, "{\"shopName\":\"张记小吃\",\"contactPhone\":\"13800138000\"}");
        String atReview = apply(lisi, code, "{\"shopName\":\"李记面馆\",\"contactPhone\":\"13900139000\"}");
        String noPhone = apply(zhangsan, code, "{\"shopName\":\"无电话小店\"}");
        String review = "/api/v1/workbench/tasks/" + instance(atReview) + "/";
        assertThat(clerk.json("POST", review + "acceptance/decision", "{\"action\":\"approve\"}", true).status())
                .isEqualTo(200);
        assertThat(admin.json("POST", review + "review/claim", null, true).status()).isEqualTo(200);
        List<Map<String, Object>> reviewTasks = tasks(atReview);
        publish(admin, code, definition(code, true));
        String base = "/api/v1/workflow-admin/services/" + code + "/migrations";

        // the dry run, without a mapping: the renamed review has nowhere to go, the answers without a phone are refused
        Page dryRun = admin.json("POST", base + "/dry-run", "{\"fromVersion\":1,\"toVersion\":2}", true);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        JsonNode plain = json(dryRun);
        assertThat(plain.path("dryRun").asBoolean()).isTrue();
        assertThat(plain.path("applications").size()).isEqualTo(3);
        JsonNode first = move(plain, atAcceptance);
        assertThat(first.path("outcome").asString()).isEqualTo("ready");
        assertThat(first.path("reference").asString())
                .isEqualTo(json(zhangsan.get("/api/v1/applications/" + atAcceptance)).path("number").asString());
        assertThat(steps(first.path("from"))).containsExactly("acceptance");
        assertThat(steps(first.path("to"))).containsExactly("acceptance");
        JsonNode second = move(plain, atReview);
        assertThat(second.path("outcome").asString()).isEqualTo("blocked");
        assertThat(codes(second)).containsExactly("step-removed");
        assertThat(second.path("blockers").get(0).path("message").asString()).contains("审查决定").contains("review");
        JsonNode third = move(plain, noPhone);
        assertThat(codes(third)).containsExactly("answers-refused");
        assertThat(third.path("blockers").get(0).path("field").asString()).isEqualTo("contactPhone");
        assertThat(third.path("blockers").get(0).path("message").asString()).contains("联系电话");
        assertThat(plain.path("counts").path("ready").asInt()).isEqualTo(1);
        assertThat(plain.path("counts").path("blocked").asInt()).isEqualTo(2);
        assertThat(plain.path("steps").valueStream().filter(step -> step.path("id").asString().equals("review"))
                .findFirst().orElseThrow().path("target").isNull()).isTrue();
        assertThat(plain.path("targets").valueStream().map(step -> step.path("id").asString()).toList())
                .containsExactly("acceptance", "decision");
        // in English, too
        JsonNode english = json(admin.sendWithHeader("POST", base + "/dry-run", "application/json",
                "{\"fromVersion\":1,\"toVersion\":2}", "Accept-Language", "en-US"));
        assertThat(move(english, atReview).path("blockers").get(0).path("message").asString())
                .contains("Review and decision").contains("no longer exists");

        // with the mapping the review goes to the decision; the dry run changed nothing
        String mapped = "{\"fromVersion\":1,\"toVersion\":2,\"stepMapping\":{\"review\":\"decision\"}}";
        JsonNode planned = json(admin.json("POST", base + "/dry-run", mapped, true));
        assertThat(move(planned, atReview).path("outcome").asString()).isEqualTo("ready");
        assertThat(steps(move(planned, atReview).path("to"))).containsExactly("decision");
        assertThat(stored(atReview).get("workflow_version")).isEqualTo(1);
        Map<String, Object> untouched = stored(noPhone);
        List<Map<String, Object>> untouchedTasks = tasks(noPhone);

        // the migration: two moved, one left as it was
        Page migration = admin.json("POST", base, mapped, true);
        assertThat(migration.status()).as(migration.body()).isEqualTo(200);
        JsonNode result = json(migration);
        assertThat(result.path("dryRun").asBoolean()).isFalse();
        assertThat(move(result, atAcceptance).path("outcome").asString()).isEqualTo("migrated");
        assertThat(move(result, atReview).path("outcome").asString()).isEqualTo("migrated");
        assertThat(move(result, noPhone).path("outcome").asString()).isEqualTo("blocked");
        assertThat(codes(move(result, noPhone))).containsExactly("answers-refused");
        assertThat(result.path("counts").path("migrated").asInt()).isEqualTo(2);

        for (String moved : List.of(atAcceptance, atReview)) {
            assertThat(stored(moved)).containsEntry("application_version", 2).containsEntry("workflow_version", 2);
        }
        assertThat(stored(noPhone)).as("blocked: left exactly as it was").isEqualTo(untouched);
        assertThat(tasks(noPhone)).isEqualTo(untouchedTasks);
        assertThat(tasks(atReview)).singleElement().satisfies(task -> {
            assertThat(task.get("step_id")).isEqualTo("decision");
            assertThat(task.get("claimed_by")).as("the admin's claim stays").isEqualTo(reviewTasks.get(0).get("claimed_by"));
            assertThat(task.get("due_at")).as("the renamed step keeps its due date").isEqualTo(reviewTasks.get(0).get("due_at"));
        });

        // the applicant sees the move in the history; the next approval follows version 2
        JsonNode seen = json(zhangsan.get("/api/v1/applications/" + atAcceptance));
        assertThat(seen.path("definitionVersion").asInt()).isEqualTo(2);
        JsonNode migrate = seen.path("timeline").valueStream()
                .filter(entry -> entry.path("action").asString().equals("migrate")).findFirst().orElseThrow();
        assertThat(migrate.path("fromVersion").asInt()).isEqualTo(1);
        assertThat(migrate.path("toVersion").asInt()).isEqualTo(2);
        String acceptance = "/api/v1/workbench/tasks/" + instance(atAcceptance) + "/acceptance";
        JsonNode task = json(clerk.get(acceptance));
        assertThat(task.path("history").valueStream().map(entry -> entry.path("action").asString()).toList())
                .endsWith("migrate");
        assertThat(task.path("history").valueStream().filter(entry -> entry.path("action").asString().equals("migrate"))
                .findFirst().orElseThrow().path("actorName").asString()).isEqualTo("褚红");
        assertThat(clerk.json("POST", acceptance + "/decision", "{\"action\":\"approve\"}", true).status())
                .isEqualTo(200);
        assertThat(json(zhangsan.get("/api/v1/applications/" + atAcceptance)).path("currentSteps").valueStream()
                .map(step -> step.path("step").asString()).toList()).containsExactly("decision");
        Page decided = admin.json("POST", "/api/v1/workbench/tasks/" + instance(atReview) + "/decision/decision",
                "{\"action\":\"approve\"}", true);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(json(lisi.get("/api/v1/applications/" + atReview)).path("status").asString()).isEqualTo("approved");

        // nothing is left to move but the blocked one
        JsonNode again = json(admin.json("POST", base + "/dry-run", mapped, true));
        assertThat(again.path("applications").valueStream().map(m -> m.path("applicationId").asString()).toList())
                .containsExactly(noPhone);
    }

    @Test
    void onlyTheOwningDepartmentsAdminsMayAndBadRequestsChangeNothing() {
        String code = "migration-probe-" + System.nanoTime();
        Browserless admin = signedIn("market-admin");
        publish(admin, code, definition(code, false));
        String id = apply(signedIn("zhangsan"), code, "{\"shopName\":\"张记小吃\",\"contactPhone\":\"13800138000\"}");
        publish(admin, code, definition(code, true));
        Map<String, Object> before = stored(id);
        String base = "/api/v1/workflow-admin/services/" + code + "/migrations";
        String body = "{\"fromVersion\":1,\"toVersion\":2,\"stepMapping\":{\"review\":\"decision\"}}";

        for (String user : List.of("market-clerk", "zhangsan", "health-admin")) {
            Browserless someone = signedIn(user);
            for (String path : List.of(base + "/dry-run", base)) {
                Page refused = someone.json("POST", path, body, true);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        Page otherDepartment = signedIn("health-admin").json("POST", base, body, true);
        assertThat(json(otherDepartment).path("type").asString())
                .isEqualTo("urn:tongban:problem:workflow-migration-not-owner");
        assertThat(json(otherDepartment).path("detail").asString()).contains("市场监督管理局");

        Map<String, String> bad = Map.of(
                "{\"fromVersion\":1,\"toVersion\":99}", "toVersion",
                "{\"fromVersion\":2,\"toVersion\":1}", "toVersion",
                "{\"fromVersion\":1,\"toVersion\":1}", "toVersion",
                "{\"fromVersion\":1,\"toVersion\":2,\"stepMapping\":{\"reviw\":\"decision\"}}", "stepMapping.reviw",
                "{\"fromVersion\":1,\"toVersion\":2,\"stepMapping\":{\"review\":\"decisoin\"}}", "stepMapping.review");
        bad.forEach((request, field) -> {
            for (String path : List.of(base + "/dry-run", base)) {
                Page refused = admin.json("POST", path, request, true);
                assertThat(refused.status()).as(request).isEqualTo(400);
                JsonNode problem = json(refused);
                assertThat(problem.path("type").asString()).isEqualTo("urn:tongban:problem:workflow-bad-migration");
                assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList())
                        .as(request).containsExactly(field);
                assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
            }
        });
        assertThat(admin.json("POST", base, "{\"toVersion\":2}", true).status()).isEqualTo(400);
        assertThat(admin.json("POST", "/api/v1/workflow-admin/services/no-such-service/migrations", body, true)
                .status()).isEqualTo(404);
        assertThat(stored(id)).as("nothing changed").isEqualTo(before);

        // the platform admin may
        Page migrated = signedIn("admin").json("POST", base, body, true);
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
        assertThat(move(json(migrated), id).path("outcome").asString()).isEqualTo("migrated");
    }

    @Test
    void twoAdminsMigratingAtTheSameMomentMoveEachApplicationOnce() throws Exception {
        String code = "migration-probe-" + System.nanoTime();
        Browserless admin = signedIn("market-admin");
        publish(admin, code, definition(code, false));
        Browserless citizen = signedIn("lisi");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(apply(citizen, code, "{\"shopName\":\"小店" + i + "\",\"contactPhone\":\"13900139000\"}"));
        }
        publish(admin, code, definition(code, true));
        String base = "/api/v1/workflow-admin/services/" + code + "/migrations";
        String body = "{\"fromVersion\":1,\"toVersion\":2}";
        List<Browserless> admins = List.of(admin, signedIn("admin"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Page>> runs = admins.stream().map(each -> pool.submit(() -> each.json("POST", base, body, true)))
                    .toList();
            List<String> migrated = new ArrayList<>();
            for (Future<Page> run : runs) {
                Page page = run.get(120, TimeUnit.SECONDS);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                json(page).path("applications").valueStream().forEach(move -> {
                    if (move.path("outcome").asString().equals("migrated")) {
                        migrated.add(move.path("applicationId").asString());
                    } else {
                        // the other admin was first: reported, nothing changed by this run
                        assertThat(codes(move)).containsExactly("changed-meanwhile");
                    }
                });
            }
            assertThat(migrated).as("each application moved by exactly one of them")
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertThat(stored(id)).containsEntry("application_version", 2).containsEntry("workflow_version", 2);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM workflow_history WHERE instance_id = ? AND action = 'migrate'")
                    .param(instance(id)).query(Long.class).single()).isEqualTo(1);
        }
    }
}
