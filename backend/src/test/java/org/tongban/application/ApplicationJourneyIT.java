package org.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Primary-school enrolment through the API, as the pages will drive it: a citizen's draft comes
 * prefilled and is resumed, bad answers are refused with field problems, submission is idempotent;
 * education and health review in parallel from their queues, health asks for a correction of one
 * item, the citizen fixes exactly that, the application is approved. Strangers see nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class ApplicationJourneyIT {

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

    /** A minimal PDF and PNG, recognisable by their content. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private Browserless stranger() {
        return signedIn("lisi");
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    private static ObjectNode completeAnswers() {
        ObjectNode form = JSON.createObjectNode();
        form.put("childName", "张小明");
        form.put("childIdNumber", "11010520190601100X");
        form.put("childGender", "male");
        form.put("childBirthDate", "2019-06-01");
        form.put("guardianRelationship", "father");
        form.put("guardianPhone", "13800138000");
        form.put("householdRegistrationAddress", "北京市西城区金融大街1号");
        form.put("residenceAddress", "北京市西城区金融大街1号");
        form.put("residenceBasis", "local-owned-home");
        form.put("vaccinationCertificateNumber", "JZ2019-0601");
        return form;
    }

    @Test
    void aCitizenAppliesAndTwoDepartmentsDecideInParallel() {
        Browserless citizen = signedIn("zhangsan");

        // a draft, prefilled from the verified identity
        Page created = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"primary-school-enrolment\"}", true);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode draft = json(created);
        String id = draft.path("id").asString();
        assertThat(draft.path("status").asString()).isEqualTo("draft");
        assertThat(draft.path("formData").path("guardianName").asString()).isEqualTo("张三");
        assertThat(draft.path("formData").path("guardianIdNumber").asString()).isEqualTo("110105199003071239");
        assertThat(draft.path("prefilledFields").valueStream().map(JsonNode::asString).toList())
                .contains("guardianName", "guardianIdNumber");

        // saved incomplete, resumed from another "device": a new sign-in
        ObjectNode partial = JSON.createObjectNode();
        partial.put("childName", "<script>alert('x')</script>");
        partial.put("guardianName", "冒名顶替");
        Page saved = citizen.json("PUT", "/api/v1/applications/" + id + "/draft",
                "{\"formData\":" + partial + "}", true);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Browserless otherDevice = signedIn("zhangsan");
        JsonNode resumed = json(otherDevice.get("/api/v1/applications/" + id));
        assertThat(resumed.path("formData").path("childName").asString()).isEqualTo("<script>alert('x')</script>");
        assertThat(resumed.path("formData").path("guardianName").asString())
                .as("verified fields cannot be changed").isEqualTo("张三");

        // wrong answers are refused, field by field, and nothing is saved
        ObjectNode wrong = completeAnswers();
        wrong.put("childBirthDate", 20190601);
        wrong.put("favouriteColour", "blue");
        Page refused = citizen.json("PUT", "/api/v1/applications/" + id + "/draft", "{\"formData\":" + wrong + "}", true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json(refused).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("childBirthDate", "favouriteColour");
        assertThat(json(citizen.get("/api/v1/applications/" + id)).path("formData").has("favouriteColour")).isFalse();

        // incomplete submissions are refused; complete ones get a number, once
        Page incomplete = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(citizen.json("PUT", "/api/v1/applications/" + id + "/draft",
                "{\"formData\":" + completeAnswers() + "}", true).status()).isEqualTo(200);
        Page noMaterials = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(noMaterials.status()).isEqualTo(400);
        assertThat(json(noMaterials).path("type").asString()).isEqualTo("urn:tongban:problem:materials-missing");
        assertThat(json(noMaterials).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("materials.household-register", "materials.proof-of-residence",
                        "materials.vaccination-certificate");

        // attachments: judged by content, stored under generated names, plain file names only
        String attachments = "/api/v1/applications/" + id + "/attachments?material=";
        Page disguised = citizen.upload(attachments + "household-register", "file", "户口簿.pdf", "application/pdf",
                "not really a pdf, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(disguised.status()).isEqualTo(415);
        assertThat(json(disguised).path("type").asString()).isEqualTo("urn:tongban:problem:attachment-type-not-allowed");
        Page traversal = citizen.upload(attachments + "household-register", "file", "../../etc/passwd.pdf",
                "application/pdf", PDF);
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(json(traversal).path("type").asString()).isEqualTo("urn:tongban:problem:attachment-bad-name");
        assertThat(citizen.upload(attachments + "household-register", "file", "a\u0007b.pdf", "application/pdf", PDF)
                .status()).isEqualTo(400);
        assertThat(citizen.upload(attachments + "no-such-material", "file", "x.pdf", "application/pdf", PDF).status())
                .isEqualTo(400);
        assertThat(stranger().upload(attachments + "household-register", "file", "x.pdf", "application/pdf", PDF)
                .status()).as("someone else's application").isEqualTo(404);
        for (String material : List.of("household-register", "proof-of-residence", "vaccination-certificate")) {
            Page uploaded = citizen.upload(attachments + material, "file", material + ".png", "image/png", PNG);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            assertThat(json(uploaded).path("mediaType").asString()).isEqualTo("image/png");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?").param(id).query(Long.class)
                .single()).as("nothing stored half-way").isEqualTo(3);
        JsonNode receipt = json(citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true));
        String number = receipt.path("number").asString();
        assertThat(number).matches("\\d{8}-[2-9A-HJKMNP-TV-Z]{6}");
        assertThat(receipt.path("expectedCompletion").asString()).isNotBlank();
        JsonNode again = json(citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true));
        assertThat(again.path("number").asString()).as("a double click submits once").isEqualTo(number);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workflow_instance i JOIN application a ON a.workflow_instance_id = i.id"
                + " WHERE a.id = ?").param(id).query(Long.class).single()).isEqualTo(1);

        // strangers see nothing
        Browserless stranger = stranger();
        String attachmentId = json(citizen.get("/api/v1/applications/" + id)).path("attachments").get(0).path("id")
                .asString();
        assertThat(stranger.get("/api/v1/applications/" + id + "/attachments/" + attachmentId).status()).isEqualTo(404);
        Page download = citizen.get("/api/v1/applications/" + id + "/attachments/" + attachmentId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(stranger.get("/api/v1/applications/" + id).status()).isEqualTo(404);
        assertThat(stranger.json("POST", "/api/v1/applications/" + id + "/withdrawal", "{\"reason\":\"x\"}", true)
                .status()).isEqualTo(404);
        assertThat(json(stranger.get("/api/v1/applications")).path("items").valueStream()
                .map(a -> a.path("id").asString()).toList()).doesNotContain(id);
        assertThat(new Browserless("http://localhost:" + port).get("/api/v1/applications").status()).isEqualTo(401);
        assertThat(citizen.get("/api/v1/workbench/tasks").status()).as("citizens have no workbench").isEqualTo(403);

        // the queues: education and health at once
        String instance = jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(id)
                .query(String.class).single();
        Browserless education = signedIn("edu-clerk");
        Browserless health = signedIn("health-clerk");
        JsonNode educationQueue = json(education.get("/api/v1/workbench/tasks"));
        assertThat(educationQueue.path("items").valueStream()
                .filter(t -> t.path("instanceId").asString().equals(instance)).map(t -> t.path("step").asString())
                .toList()).containsExactly("enrolment-acceptance");
        assertThat(json(health.get("/api/v1/workbench/tasks")).path("items").valueStream()
                .filter(t -> t.path("instanceId").asString().equals(instance))
                .map(t -> t.path("applicationNumber").asString()).toList()).containsExactly(number);
        // a clerk finds it by (the end of) its number, in any letter case; another number finds nothing of it
        JsonNode found = json(health.get("/api/v1/workbench/tasks?q="
                + number.substring(number.length() - 6).toLowerCase(java.util.Locale.ROOT)));
        assertThat(found.path("items").valueStream().map(t -> t.path("applicationNumber").asString()).toList())
                .contains(number).allMatch(each -> each.endsWith(number.substring(number.length() - 6)));
        assertThat(json(health.get("/api/v1/workbench/tasks?q=NO-SUCH-NUMBER")).path("total").asInt()).isZero();
        assertThat(health.get("/api/v1/workbench/tasks?q=" + "9".repeat(101)).status()).isEqualTo(400);

        // a health clerk may not touch education's step
        String educationStep = "/api/v1/workbench/tasks/" + instance + "/enrolment-acceptance";
        assertThat(health.json("POST", educationStep + "/decision", "{\"action\":\"approve\"}", true).status())
                .isEqualTo(403);
        assertThat(health.get(educationStep).status()).isEqualTo(403);

        // health opens its step: only the fields it may see, and the opening is recorded
        String healthStep = "/api/v1/workbench/tasks/" + instance + "/vaccination-record-check";
        JsonNode task = json(health.get(healthStep));
        assertThat(task.path("visibleData").has("vaccinationCertificateNumber")).isTrue();
        assertThat(task.path("visibleData").has("householdRegistrationAddress")).isFalse();
        assertThat(task.path("parallelProgress").valueStream().map(s -> s.path("step").asString()).toList())
                .contains("enrolment-acceptance");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_access WHERE application_id = ? AND actor_department = ?")
                .params(id, "health").query(Long.class).single()).isEqualTo(1);

        // claimed by health's clerk; a correction of one item
        assertThat(health.json("POST", healthStep + "/claim", null, true).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT claimed_by FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                .params(instance, "vaccination-record-check").query(String.class).single())
                .as("the claim is stored").isNotNull();
        // a step may only flag what it can see: education's answers and invented fields are refused by name
        Page outside = health.json("POST", healthStep + "/decision", """
                {"action":"correction","items":["residenceAddress","preferredSchool","noSuchField"],"reason":"请核对"}""",
                true);
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(json(outside).path("type").asString()).isEqualTo("urn:tongban:problem:workflow-correction-items");
        assertThat(json(outside).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("residenceAddress", "preferredSchool", "noSuchField");
        assertThat(json(outside).path("errors").get(0).path("message").asString()).contains("residenceAddress");
        assertThat(jdbc.sql("SELECT status FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                .params(instance, "vaccination-record-check").query(String.class).single())
                .as("nothing changed").isEqualTo("ACTIVE");
        Page correction = health.json("POST", healthStep + "/decision", """
                {"action":"correction","items":["vaccinationCertificateNumber"],"reason":"预防接种证编号与接种系统不一致"}""",
                true);
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> "correction".equals(
                json(citizen.get("/api/v1/applications")).path("items").valueStream()
                        .filter(a -> a.path("id").asString().equals(id)).findFirst().orElseThrow()
                        .path("status").asString()));
        JsonNode waiting = json(citizen.get("/api/v1/applications/" + id));
        assertThat(waiting.path("correction").path("items").valueStream().map(JsonNode::asString).toList())
                .containsExactly("vaccinationCertificateNumber");
        assertThat(waiting.path("correction").path("reason").asString()).contains("接种系统");

        // only the flagged item may change
        ObjectNode sneaky = completeAnswers();
        sneaky.put("vaccinationCertificateNumber", "JZ2019-0602");
        sneaky.put("residenceAddress", "北京市海淀区中关村大街1号");
        Page notAllowed = citizen.json("POST", "/api/v1/applications/" + id + "/correction",
                "{\"step\":\"vaccination-record-check\",\"formData\":" + sneaky + "}", true);
        assertThat(notAllowed.status()).isEqualTo(400);
        assertThat(json(notAllowed).path("errors").get(0).path("field").asString()).isEqualTo("residenceAddress");
        ObjectNode fixed = completeAnswers();
        fixed.put("vaccinationCertificateNumber", "JZ2019-0602");
        Page resubmitted = citizen.json("POST", "/api/v1/applications/" + id + "/correction",
                "{\"step\":\"vaccination-record-check\",\"formData\":" + fixed + "}", true);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(json(resubmitted).path("status").asString()).isEqualTo("in-progress");

        // both departments approve; education's admin decides the placement
        assertThat(health.json("POST", healthStep + "/decision", "{\"action\":\"approve\"}", true).status()).isEqualTo(200);
        assertThat(education.json("POST", educationStep + "/decision", "{\"action\":\"approve\"}", true).status())
                .isEqualTo(200);
        assertThat(education.json("POST", "/api/v1/workbench/tasks/" + instance + "/eligibility-review/decision",
                "{\"action\":\"approve\"}", true).status()).isEqualTo(200);
        Browserless admin = signedIn("edu-admin");
        Page placed = admin.json("POST", "/api/v1/workbench/tasks/" + instance + "/placement-decision/decision",
                "{\"action\":\"approve\",\"reason\":\"安排至西城区实验小学\"}", true);
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> "approved".equals(
                json(citizen.get("/api/v1/applications/" + id)).path("status").asString()));
        JsonNode done = json(citizen.get("/api/v1/applications/" + id));
        List<String> actions = done.path("timeline").valueStream().map(t -> t.path("action").asString()).toList();
        assertThat(actions).contains("start", "correct", "resubmit", "approve", "auto:issue-certificate");
        assertThat(done.path("timeline").valueStream().map(t -> t.path("department").asString()).toList())
                .contains("health", "education");
    }
}
