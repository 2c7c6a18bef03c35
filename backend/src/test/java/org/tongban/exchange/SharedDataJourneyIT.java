package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Primary-school enrolment with the departments' data instead of the family's typing and scans: the guardian
 * chooses the child among the household's members, agrees to the household register and the child's vaccination
 * record, and uploads only what no department holds. The clerks see the shared records with their provenance; a clerk
 * of another department reads nothing, and the guardian's record of data use names each department's read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class SharedDataJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XIAOMING = "110105201906011237";
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, "Demo@2026");
        browser.get("/api/v1/me");
        return browser;
    }

    private static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    private static JsonNode source(JsonNode application, String dataset) {
        return application.path("sources").valueStream().filter(s -> s.path("dataset").asString().equals(dataset))
                .findFirst().orElseThrow();
    }

    private static Page decide(Browserless who, String id, String dataset, String body) {
        return who.json("PUT", "/api/v1/applications/" + id + "/sources/" + dataset, body, true);
    }

    private long uses(String applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM personal_data_access WHERE application_id = ?").param(applicationId)
                .query(Long.class).single();
    }

    @Test
    void theGuardianTypesAndUploadsNothingADepartmentHolds() {
        Browserless citizen = signedIn("zhangsan");
        JsonNode draft = json(citizen.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"primary-school-enrolment\"}", true));
        String id = draft.path("id").asString();

        // the children of the household to choose from: the guardian's own data, read for them alone
        JsonNode members = source(draft, "household-member");
        assertThat(members.path("department").asString()).isEqualTo("public-security");
        assertThat(members.path("purpose").path("zh").asString()).contains("儿童");
        assertThat(members.path("records").valueStream().map(r -> r.path("label").asString()).toList())
                .contains("王芳", "张小明", "张小红");
        assertThat(uses(id)).as("the guardian looking at their own data is nobody's read").isZero();

        // several records: the guardian must say which child
        assertThat(decide(citizen, id, "household-member", "{\"decision\":\"granted\"}").status()).isEqualTo(400);
        Page chosen = decide(citizen, id, "household-member",
                "{\"decision\":\"granted\",\"recordKey\":\"" + XIAOMING + "\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode afterChoice = json(chosen);
        assertThat(afterChoice.path("formData").path("childName").asString()).isEqualTo("张小明");
        assertThat(afterChoice.path("formData").path("childIdNumber").asString()).isEqualTo(XIAOMING);
        assertThat(afterChoice.path("formData").path("childBirthDate").asString()).isEqualTo("2019-06-01");
        assertThat(afterChoice.path("lockedFields").valueStream().map(JsonNode::asString).toList())
                .contains("childName", "childIdNumber", "childGender", "childBirthDate");

        // the child's vaccination record is looked up for the child chosen
        JsonNode vaccination = source(afterChoice, "vaccination-record");
        assertThat(vaccination.path("records").valueStream().map(r -> r.path("key").asString()).toList())
                .containsExactly(XIAOMING);
        assertThat(decide(citizen, id, "vaccination-record", "{\"decision\":\"granted\"}").status()).isEqualTo(200);
        assertThat(decide(citizen, id, "household-register", "{\"decision\":\"granted\"}").status()).isEqualTo(200);
        // the birth certificate (optional) is not needed for a child whose parents the register already shows
        assertThat(decide(citizen, id, "birth-medical-certificate", "{\"decision\":\"declined\"}").status()).isEqualTo(200);

        // the rest is the family's own: where they live, how to reach them
        ObjectNode answers = JSON.createObjectNode();
        answers.put("childName", "冒名顶替");
        answers.put("guardianRelationship", "father");
        answers.put("guardianPhone", "13800138000");
        answers.put("residenceAddress", "北京市西城区金融大街1号");
        answers.put("residenceBasis", "local-owned-home");
        JsonNode saved = json(citizen.json("PUT", "/api/v1/applications/" + id + "/draft",
                "{\"formData\":" + answers + "}", true));
        assertThat(saved.path("formData").path("childName").asString()).as("shared answers stay as the register says")
                .isEqualTo("张小明");
        assertThat(saved.path("formData").path("householdRegistrationAddress").asString())
                .isEqualTo("北京市西城区金融大街1号");
        assertThat(saved.path("formData").path("vaccinationCertificateNumber").asString()).isEqualTo("JZ2019-0601");
        assertThat(saved.path("satisfiedMaterials").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("household-register", "vaccination-certificate");

        // only the proof of residence is uploaded: no department holds it
        Page missing = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json(missing).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("materials.proof-of-residence");
        assertThat(citizen.upload("/api/v1/applications/" + id + "/attachments?material=proof-of-residence", "file",
                "房产证.png", "image/png", PNG).status()).isEqualTo(201);
        Page receipt = citizen.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        String number = json(receipt).path("number").asString();

        // at submission each agreed record is read for education, recorded, and bound with its provenance
        List<String> reads = jdbc.sql("""
                SELECT dataset FROM personal_data_access WHERE application_id = ? AND kind = 'exchange-read'
                AND actor_department = 'education' ORDER BY dataset""").param(id).query(String.class).list();
        assertThat(reads).containsExactly("household-member", "household-register", "vaccination-record");
        JsonNode submitted = json(citizen.get("/api/v1/applications/" + id));
        assertThat(source(submitted, "vaccination-record").path("read").path("department").asString())
                .isEqualTo("health");
        assertThat(source(submitted, "vaccination-record").path("records").size()).isZero();

        // health's clerk sees the vaccination record with where it came from, and only what the step may see
        String instance = jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(id)
                .query(String.class).single();
        Browserless health = signedIn("health-clerk");
        JsonNode task = json(health.get("/api/v1/workbench/tasks/" + instance + "/vaccination-record-check"));
        JsonNode shared = task.path("shared").valueStream()
                .filter(s -> s.path("dataset").asString().equals("vaccination-record")).findFirst().orElseThrow();
        assertThat(shared.path("holder").asString()).isEqualTo("health");
        assertThat(shared.path("origin").asString()).isEqualTo("shared");
        assertThat(shared.path("data").path("certificateNumber").asString()).isEqualTo("JZ2019-0601");
        assertThat(shared.path("readAt").asString()).isNotBlank();
        assertThat(task.path("fieldSources").path("vaccinationCertificateNumber").asString())
                .isEqualTo("vaccination-record");
        assertThat(task.path("shared").valueStream().map(s -> s.path("dataset").asString()).toList())
                .as("health's step sees no household register").doesNotContain("household-register");

        // a clerk of another department reads nothing of it, and no record claims they did
        long before = uses(id);
        Browserless market = signedIn("market-clerk");
        assertThat(market.get("/api/v1/workbench/tasks/" + instance + "/vaccination-record-check").status())
                .isEqualTo(403);
        assertThat(market.get("/api/v1/workbench/tasks/" + instance + "/enrolment-acceptance").status())
                .isEqualTo(403);
        assertThat(uses(id)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_access WHERE application_id = ? AND actor_department = ?")
                .params(id, "market-regulation").query(Long.class).single()).isZero();

        // the guardian sees every use, by department, without the officials' names
        JsonNode record = json(citizen.get("/api/v1/me/data-uses"));
        List<JsonNode> ofThis = record.valueStream().filter(u -> number.equals(u.path("applicationNumber").asString()))
                .toList();
        assertThat(ofThis).extracting(u -> u.path("department").asString()).contains("education", "health");
        assertThat(ofThis).extracting(u -> u.path("kind").asString()).contains("exchange-read", "task-opened");
        assertThat(ofThis).allSatisfy(u -> assertThat(u.has("actor") || u.has("actorName")).isFalse());
        assertThat(json(citizen.get("/api/v1/me/data-uses?department=health")).valueStream()
                .map(u -> u.path("department").asString()).distinct().toList()).containsExactly("health");
        assertThat(json(citizen.get("/api/v1/me/data-uses?from=2000-01-01&to=2000-12-31")).size()).isZero();
        assertThat(citizen.get("/api/v1/me/data-uses?from=yesterday").status()).isEqualTo(400);
        assertThat(signedIn("lisi").get("/api/v1/me/data-uses").body()).doesNotContain(number);
    }

    @Test
    void whatADepartmentDoesNotHoldCannotBeShared() {
        // 李四 lives alone: the household register has no other member to choose
        Browserless lisi = signedIn("lisi");
        String id = json(lisi.json("POST", "/api/v1/applications", "{\"serviceCode\":\"primary-school-enrolment\"}",
                true)).path("id").asString();
        Page refused = decide(lisi, id, "household-member", "{\"decision\":\"granted\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).path("type").asString()).isEqualTo("urn:tongban:problem:application-source-no-record");
        assertThat(decide(lisi, id, "no-such-dataset", "{\"decision\":\"granted\"}").status()).isEqualTo(404);
        assertThat(decide(lisi, id, "household-member", "{\"decision\":\"maybe\"}").status()).isEqualTo(400);
        assertThat(decide(signedIn("zhangsan"), id, "household-member", "{\"decision\":\"declined\"}").status())
                .as("someone else's application").isEqualTo(404);
    }

    @Test
    void aRecordTheApplicantSaysIsWrongIsUploadedInsteadAndTheClerkSeesWhy() {
        Browserless citizen = signedIn("zhangsan");
        String id = json(citizen.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"primary-school-enrolment\"}", true)).path("id").asString();
        assertThat(decide(citizen, id, "household-register", "{\"decision\":\"disputed\"}").status())
                .as("a dispute says why").isEqualTo(400);
        Page disputed = decide(citizen, id, "household-register",
                "{\"decision\":\"disputed\",\"reason\":\"户籍地址已于上月迁至海淀区，尚未更新\"}");
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(200);
        assertThat(json(disputed).path("satisfiedMaterials").valueStream().map(JsonNode::asString).toList())
                .doesNotContain("household-register");
        assertThat(source(json(disputed), "household-register").path("reason").asString()).contains("海淀区");
    }

    @Test
    void aDepartmentSystemKeepsItsOwnRegisterAndReadsNoOtherDepartments() {
        Browserless police = signedIn("police-clerk");
        Page records = police.get("/api/v1/exchange/datasets/household-member/records?subject=110105199003071239");
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        assertThat(json(records).valueStream().map(r -> r.path("label").asString()).toList()).contains("张小明");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM personal_data_access WHERE owner_person = '110105199003071239'
                AND actor_department = 'public-security' AND purpose = 'department-register'""").query(Long.class)
                .single()).isPositive();
        Browserless health = signedIn("health-clerk");
        assertThat(health.get("/api/v1/exchange/datasets/household-member/records?subject=110105199003071239").status())
                .isEqualTo(403);
        assertThat(signedIn("zhangsan").get("/api/v1/exchange/datasets/household-member/records?subject=x").status())
                .isEqualTo(403);

        Page added = police.json("POST", "/api/v1/exchange/datasets/medical-insurance-enrolment/records",
                "{\"values\":{\"idNumber\":\"310115198511124566\",\"name\":\"李四\"}}", true);
        assertThat(added.status()).as("medical insurance's register is not police's").isEqualTo(403);
        Browserless medins = signedIn("medins-clerk");
        Page enrolled = medins.json("POST", "/api/v1/exchange/datasets/medical-insurance-enrolment/records",
                "{\"values\":{\"idNumber\":\"310115198511124566\",\"name\":\"李四\",\"scheme\":\"城乡居民基本医疗保险\","
                        + "\"enrolledOn\":\"2026-01-01\"}}", true);
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(json(enrolled).path("data").path("enrolledOn").asString()).isEqualTo("2026-01-01");
        assertThat(medins.json("POST", "/api/v1/exchange/datasets/medical-insurance-enrolment/records",
                "{\"values\":{\"idNumber\":\"310115198511124566\",\"enrolledOn\":\"not a date\"}}", true).status())
                .isEqualTo(400);

        JsonNode catalogue = json(new Browserless("http://localhost:" + port).get("/api/v1/exchange/catalogue"));
        assertThat(catalogue.valueStream().map(d -> d.path("code").asString()).toList())
                .contains("household-register", "household-member", "business-registration",
                        "birth-medical-certificate", "food-business-licence");
    }
}
