package org.tongban.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;
import org.tongban.workflow.BusinessCalendar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 好差评 through the API, as the people who use it: a citizen rates a handled step while the application runs and
 * the whole once it is rejected; the bad rating opens a rectification for the department that rejected it, with its
 * limit in working days; the department admin answers; the citizen reads the answer and rates once more. A dispute
 * goes to the platform admin. Every endpoint refuses whoever may not use it, and bad input changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class RatingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE = "rating-test-permit";
    private static final String DEPARTMENT = "market-regulation";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessCalendar calendar;

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, "Demo@2026");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
        return browser;
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    private static void problem(Page page, int status) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String definition() {
        return """
                formatVersion: 1
                service:
                  code: %s
                  name: { zh-CN: 评价测试事项, en-US: Rating test service }
                  description: { zh-CN: 用于测试好差评。, en-US: For testing ratings. }
                  category: enterprise
                  department: %s
                  audience: citizen
                  promisedWorkingDays: 5
                  legalBasis: { zh-CN: 测试用, en-US: For tests }
                  fee: { zh-CN: 不收费, en-US: Free of charge }
                  materials: []
                form:
                  schema:
                    type: object
                    additionalProperties: false
                    required: [shopName]
                    properties:
                      shopName: { type: string, title: 店铺名称, x-title: { en-US: Shop name }, minLength: 2, maxLength: 50 }
                workflow:
                  start: acceptance
                  steps:
                    acceptance:
                      type: task
                      name: { zh-CN: 受理, en-US: Acceptance }
                      department: %s
                      timeLimitWorkingDays: 1
                      visibleFields: [shopName]
                      next: review
                    review:
                      type: task
                      name: { zh-CN: 审查决定, en-US: Review and decision }
                      department: %s
                      timeLimitWorkingDays: 3
                      visibleFields: [shopName]
                      next: approved
                """.formatted(SERVICE, DEPARTMENT, DEPARTMENT, DEPARTMENT);
    }

    @BeforeEach
    void published() {
        if (signedIn("zhangsan").get("/api/v1/catalog/services/" + SERVICE).status() == 200) {
            return;
        }
        Page published = signedIn("market-admin").send("POST",
                "/api/v1/workflow-admin/definitions?file=enterprise/" + SERVICE + ".yaml", "application/yaml",
                definition());
        assertThat(published.status()).as(published.body()).isIn(201, 409);
    }

    private static String draft(Browserless citizen) {
        Page created = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"" + SERVICE + "\"}", true);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        Page saved = citizen.json("PUT", "/api/v1/applications/" + id + "/draft",
                "{\"formData\":{\"shopName\":\"张记小吃\"}}", true);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return id;
    }

    private static String submitted(Browserless citizen) {
        String id = draft(citizen);
        Page submitted = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private String instance(String applicationId) {
        return jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(applicationId)
                .query(String.class).single();
    }

    private void decide(Browserless clerk, String applicationId, String step, String decision) {
        String task = "/api/v1/workbench/tasks/" + instance(applicationId) + "/" + step;
        assertThat(clerk.json("POST", task + "/claim", null, true).status()).isEqualTo(200);
        Page decided = clerk.json("POST", task + "/decision", decision, true);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private long ratings(String applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM rating WHERE application_id = ?").param(applicationId)
                .query(Long.class).single();
    }

    private static Page rate(Browserless who, String applicationId, String body) {
        return who.json("POST", "/api/v1/applications/" + applicationId + "/ratings", body, true);
    }

    private static JsonNode rectificationOf(Browserless admin, String applicationId) {
        return json(admin.get("/api/v1/rectifications?size=100")).path("items").valueStream()
                .filter(r -> r.path("applicationId").asString().equals(applicationId)).findFirst().orElse(null);
    }

    @Test
    void aRejectionRatedBadlyIsRectifiedAnsweredAndRatedOnceMore() {
        Browserless citizen = signedIn("zhangsan");
        Browserless stranger = signedIn("lisi");
        Browserless clerk = signedIn("market-clerk");
        Browserless admin = signedIn("market-admin");
        Browserless otherAdmin = signedIn("health-admin");
        Browserless anonymous = new Browserless("http://localhost:" + port);
        JsonNode before = json(anonymous.get("/api/v1/catalog/services/" + SERVICE + "/satisfaction"));

        // a draft is not rated
        String draft = draft(citizen);
        problem(rate(citizen, draft, "{\"level\":5,\"reasons\":[\"quick\"]}"), 409);

        String id = submitted(citizen);
        problem(rate(citizen, id, "{\"level\":5,\"reasons\":[\"quick\"]}"), 409);
        problem(rate(citizen, id, "{\"level\":5,\"step\":\"acceptance\"}"), 400);

        // while it runs, the handled step can be rated, once
        decide(clerk, id, "acceptance", "{\"action\":\"approve\"}");
        JsonNode running = json(citizen.get("/api/v1/applications/" + id + "/rating"));
        assertThat(running.path("mayRateApplication").asBoolean()).isFalse();
        assertThat(running.path("steps").valueStream().map(s -> s.path("code").asString())).containsExactly("acceptance");
        Page stepRated = rate(citizen, id, "{\"level\":4,\"reasons\":[\"quick\"],\"step\":\"acceptance\"}");
        assertThat(stepRated.status()).as(stepRated.body()).isEqualTo(201);
        assertThat(json(stepRated).path("department").path("code").asString()).isEqualTo(DEPARTMENT);
        problem(rate(citizen, id, "{\"level\":3,\"step\":\"acceptance\"}"), 409);

        decide(clerk, id, "review", "{\"action\":\"reject\",\"reason\":\"经营场所不符合要求\"}");
        assertThat(json(citizen.get("/api/v1/notifications")).valueStream()
                .anyMatch(n -> n.path("kind").asString().equals("rating-invited")
                        && n.path("applicationId").asString().equals(id)))
                .as("the applicant is invited to rate the ended application").isTrue();
        assertThat(json(citizen.get("/api/v1/applications/" + id + "/rating")).path("mayRateApplication").asBoolean())
                .isTrue();

        // who may not rate it, and bad ratings: a clear problem, nothing written
        assertThat(rate(anonymous, id, "{\"level\":1,\"reasons\":[\"slow\"]}").status())
                .as("nobody signed in: no session, so no CSRF token either").isIn(401, 403);
        problem(anonymous.get("/api/v1/applications/" + id + "/rating"), 401);
        problem(rate(stranger, id, "{\"level\":1,\"reasons\":[\"slow\"]}"), 404);
        problem(rate(clerk, id, "{\"level\":1,\"reasons\":[\"slow\"]}"), 404);
        problem(stranger.get("/api/v1/applications/" + id + "/rating"), 404);
        Page badLevel = rate(citizen, id, "{\"level\":7,\"reasons\":[]}");
        problem(badLevel, 400);
        assertThat(json(badLevel).path("errors").get(0).path("field").asString()).isEqualTo("level");
        Page noReason = rate(citizen, id, "{\"level\":1,\"reasons\":[]}");
        problem(noReason, 400);
        assertThat(json(noReason).path("errors").get(0).path("field").asString()).isEqualTo("reasons");
        problem(rate(citizen, id, "{\"level\":1,\"reasons\":[\"quick\"]}"), 400);
        problem(rate(citizen, id, "{\"level\":1,\"reasons\":[\"no-such-reason\"]}"), 400);
        Page tooLong = rate(citizen, id, "{\"level\":1,\"reasons\":[\"slow\"],\"comment\":\"" + "慢".repeat(501) + "\"}");
        problem(tooLong, 400);
        assertThat(json(tooLong).path("errors").get(0).path("field").asString()).isEqualTo("comment");
        problem(rate(citizen, id, "{\"level\":\"very bad\"}"), 400);
        assertThat(ratings(id)).as("only the step's rating").isEqualTo(1);

        // 非常不满意 with a reason: a rectification for the department that rejected it, 15 working days
        Page rated = rate(citizen, id,
                "{\"level\":1,\"reasons\":[\"unexplained-decision\"],\"comment\":\"驳回理由没有说明依据\"}");
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        problem(rate(citizen, id, "{\"level\":1,\"reasons\":[\"slow\"]}"), 409);
        JsonNode rectification = rectificationOf(admin, id);
        assertThat(rectification).as("the department admin sees the rectification").isNotNull();
        assertThat(rectification.path("status").asString()).isEqualTo("open");
        assertThat(rectification.path("light").asString()).isEqualTo("green");
        assertThat(rectification.path("mayAnswer").asBoolean()).isTrue();
        assertThat(rectification.path("comment").asString()).isEqualTo("驳回理由没有说明依据");
        ZoneId zone = calendar.zone();
        LocalDate dueDay = calendar.addWorkingDays(LocalDate.now(zone), 15);
        assertThat(java.time.Instant.parse(rectification.path("dueAt").asString()))
                .isEqualTo(dueDay.plusDays(1).atStartOfDay(zone).toInstant());
        String path = "/api/v1/rectifications/" + rectification.path("id").asString();
        assertThat(json(admin.get("/api/v1/notifications")).valueStream()
                .anyMatch(n -> n.path("kind").asString().equals("rectification-opened")
                        && n.path("applicationId").asString().equals(id)))
                .as("the department's inbox hears of it").isTrue();

        // nobody else sees or answers it
        assertThat(rectificationOf(otherAdmin, id)).isNull();
        problem(otherAdmin.get(path), 403);
        problem(otherAdmin.json("POST", path + "/answer", "{\"kind\":\"rectified\",\"answer\":\"已整改\"}", true), 403);
        problem(clerk.get("/api/v1/rectifications"), 403);
        problem(clerk.json("POST", path + "/answer", "{\"kind\":\"rectified\",\"answer\":\"已整改\"}", true), 403);
        problem(citizen.get("/api/v1/rectifications"), 403);
        problem(anonymous.get("/api/v1/rectifications"), 401);
        problem(admin.get("/api/v1/rectifications?status=lost"), 400);
        problem(admin.json("POST", path + "/answer", "{\"kind\":\"ignored\",\"answer\":\"已整改\"}", true), 400);
        problem(admin.json("POST", path + "/answer", "{\"kind\":\"rectified\",\"answer\":\" \"}", true), 400);
        problem(admin.json("POST", "/api/v1/admin/rectifications/" + rectification.path("id").asString()
                + "/dispute-decision", "{\"upheld\":true,\"note\":\"成立\"}", true), 403);
        assertThat(json(admin.get(path)).path("status").asString()).as("nothing changed").isEqualTo("open");

        // the department answers; the citizen reads it and rates once more
        Page answered = admin.json("POST", path + "/answer",
                "{\"kind\":\"rectified\",\"answer\":\"已核实：驳回时未写明依据。已补充告知依据并对窗口人员进行培训。\"}", true);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).path("status").asString()).isEqualTo("answered");
        problem(admin.json("POST", path + "/answer", "{\"kind\":\"explained\",\"answer\":\"再次答复\"}", true), 409);
        JsonNode mine = json(citizen.get("/api/v1/applications/" + id + "/rating")).path("ratings").valueStream()
                .filter(r -> r.path("scope").asString().equals("application")).findFirst().orElseThrow();
        assertThat(mine.path("rectification").path("answer").asString()).startsWith("已核实");
        assertThat(mine.path("rectification").path("answerKind").asString()).isEqualTo("rectified");
        assertThat(mine.path("mayChange").asBoolean()).isTrue();
        String change = "/api/v1/applications/" + id + "/ratings/" + mine.path("id").asString();
        Page again = citizen.json("PUT", change, "{\"level\":4,\"reasons\":[\"courteous\"]}", true);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(json(again).path("ratedAgain").asBoolean()).isTrue();
        assertThat(json(again).path("firstLevel").asInt()).isEqualTo(1);
        problem(citizen.json("PUT", change, "{\"level\":5,\"reasons\":[\"courteous\"]}", true), 409);
        problem(stranger.json("PUT", change, "{\"level\":5,\"reasons\":[\"courteous\"]}", true), 404);
        assertThat(json(admin.get(path)).path("currentLevel").asInt()).isEqualTo(4);

        // the guidance page's figure counts both ratings of this application as good now
        JsonNode after = json(anonymous.get("/api/v1/catalog/services/" + SERVICE + "/satisfaction"));
        assertThat(after.path("ratings").asLong()).isEqualTo(before.path("ratings").asLong() + 2);
        assertThat(after.path("good").asLong()).isEqualTo(before.path("good").asLong() + 2);
        problem(anonymous.get("/api/v1/catalog/services/no-such-service/satisfaction"), 404);
    }

    @Test
    void aDisputeIsDecidedByThePlatformAdminAndAnUpheldOneNoLongerCounts() {
        Browserless citizen = signedIn("zhangsan");
        Browserless clerk = signedIn("market-clerk");
        Browserless admin = signedIn("market-admin");
        Browserless platform = signedIn("admin");
        String id = submitted(citizen);
        decide(clerk, id, "acceptance", "{\"action\":\"approve\"}");
        decide(clerk, id, "review", "{\"action\":\"reject\",\"reason\":\"材料不全\"}");

        // a good rating changed within the period to a bad one opens the rectification
        Page good = rate(citizen, id, "{\"level\":3}");
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        assertThat(rectificationOf(admin, id)).isNull();
        Page changed = citizen.json("PUT", "/api/v1/applications/" + id + "/ratings/" + json(good).path("id").asString(),
                "{\"level\":2,\"reasons\":[\"poor-attitude\"],\"comment\":\"态度差\"}", true);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode rectification = rectificationOf(admin, id);
        assertThat(rectification).isNotNull();
        String rid = rectification.path("id").asString();
        String decision = "/api/v1/admin/rectifications/" + rid + "/dispute-decision";
        JsonNode before = json(platform.get("/api/v1/catalog/services/" + SERVICE + "/satisfaction"));

        // the platform admin sees every department's; nothing to decide before a dispute
        assertThat(rectificationOf(platform, id)).isNotNull();
        problem(platform.json("POST", decision, "{\"upheld\":true,\"note\":\"成立\"}", true), 409);
        assertThat(admin.json("POST", "/api/v1/rectifications/" + rid + "/answer",
                "{\"kind\":\"disputed\",\"answer\":\"当日窗口录像显示工作人员态度正常，申请人评价与事实不符。\"}", true).status())
                .isEqualTo(200);
        problem(admin.json("POST", decision, "{\"upheld\":true,\"note\":\"成立\"}", true), 403);
        problem(platform.json("POST", decision, "{\"upheld\":true,\"note\":\"\"}", true), 400);

        // rejected: back to the department, which answers again and disputes again; upheld: no longer counts
        Page rejected = platform.json("POST", decision, "{\"upheld\":false,\"note\":\"录像不能说明答复内容，请核实整改\"}", true);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected).path("status").asString()).isEqualTo("open");
        assertThat(admin.json("POST", "/api/v1/rectifications/" + rid + "/answer",
                "{\"kind\":\"disputed\",\"answer\":\"补充通话录音，工作人员已完整告知所缺材料。\"}", true).status()).isEqualTo(200);
        Page upheld = platform.json("POST", decision, "{\"upheld\":true,\"note\":\"录音证实已告知，申诉成立\"}", true);
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(json(upheld).path("status").asString()).isEqualTo("closed");
        JsonNode after = json(platform.get("/api/v1/catalog/services/" + SERVICE + "/satisfaction"));
        assertThat(after.path("ratings").asLong()).isEqualTo(before.path("ratings").asLong() - 1);
        assertThat(json(citizen.get("/api/v1/applications/" + id + "/rating")).path("ratings").get(0)
                .path("excluded").asBoolean()).isTrue();
        assertThat(List.of(json(admin.get("/api/v1/notifications")).valueStream()
                .anyMatch(n -> n.path("kind").asString().equals("dispute-upheld")))).containsExactly(true);
    }
}
