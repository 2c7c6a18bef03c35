package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

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
 * Every endpoint through which an official or a department reads a person's data leaves a record of that read
 * (kind, department, application), and a refused request leaves none: the task view, its documents and shared
 * records, a department's register, the certificate look-ups. Together with {@code PersonalDataAccessTest}, which
 * shows these are the only paths to the data, this is the "100 %".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class EveryOfficialReadIsRecordedIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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

    private long records(String kind, String department) {
        return jdbc.sql("SELECT COUNT(*) FROM personal_data_access WHERE kind = ? AND actor_department = ?")
                .params(kind, department).query(Long.class).single();
    }

    /** The request succeeds and leaves exactly {@code expected} more records of this kind for this department. */
    private void recorded(String kind, String department, long expected, Supplier<Page> request) {
        long before = records(kind, department);
        Page page = request.get();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(records(kind, department) - before).as(kind + " by " + department).isEqualTo(expected);
    }

    /** The request is refused and leaves no record at all. */
    private void refusedWithoutRecord(int status, Supplier<Page> request) {
        long before = jdbc.sql("SELECT COUNT(*) FROM personal_data_access").query(Long.class).single();
        assertThat(request.get().status()).isEqualTo(status);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_access").query(Long.class).single()).isEqualTo(before);
    }

    private String instanceOf(String applicationId) {
        return jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(applicationId)
                .query(String.class).single();
    }

    @Test
    void eachReadOfAPersonsDataByAnOfficialIsRecordedAndARefusedOneIsNot() {
        Browserless citizen = signedIn("zhangsan");
        String id = JSON.readTree(citizen.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"primary-school-enrolment\"}", true).body()).path("id").asString();
        String path = "/api/v1/applications/" + id;
        citizen.json("PUT", path + "/sources/household-member",
                "{\"decision\":\"granted\",\"recordKey\":\"110105201906011237\"}", true);
        citizen.json("PUT", path + "/sources/household-register", "{\"decision\":\"granted\"}", true);
        citizen.json("PUT", path + "/sources/vaccination-record", "{\"decision\":\"granted\"}", true);
        citizen.json("PUT", path + "/sources/birth-medical-certificate", "{\"decision\":\"declined\"}", true);
        ObjectNode answers = JSON.createObjectNode();
        answers.put("guardianRelationship", "father");
        answers.put("guardianPhone", "13800138000");
        answers.put("residenceAddress", "北京市西城区金融大街1号");
        answers.put("residenceBasis", "local-owned-home");
        citizen.json("PUT", path + "/draft", "{\"formData\":" + answers + "}", true);
        String document = JSON.readTree(citizen.upload(path + "/attachments?material=proof-of-residence", "file",
                "房产证.png", "image/png", PNG).body()).path("id").asString();
        assertThat(citizen.json("POST", path + "/submission", null, true).status()).isEqualTo(200);
        String task = "/api/v1/workbench/tasks/" + instanceOf(id) + "/enrolment-acceptance";

        Browserless education = signedIn("edu-clerk");
        // the task view: the step's answers, and each shared record it may see (members and household register)
        recorded("task-opened", "education", 1, () -> education.get(task));
        recorded("exchange-read", "education", 2, () -> education.get(task));
        // a document of a material the step may see
        recorded("attachment-opened", "education", 1, () -> education.get(task + "/documents/" + document));
        // a department's own register, read by its system: one record per record shown
        Browserless police = signedIn("police-clerk");
        long members = JSON.readTree(police.get(
                "/api/v1/exchange/datasets/household-member/records?subject=110105199003071239").body()).size();
        recorded("exchange-read", "public-security", members,
                () -> police.get("/api/v1/exchange/datasets/household-member/records?subject=110105199003071239"));

        // the refused: another department's step, its documents, another department's register
        Browserless market = signedIn("market-clerk");
        refusedWithoutRecord(403, () -> market.get(task));
        refusedWithoutRecord(403, () -> market.get(task + "/documents/" + document));
        refusedWithoutRecord(403, () -> market.get(
                "/api/v1/exchange/datasets/household-member/records?subject=110105199003071239"));
        refusedWithoutRecord(403, () -> citizen.get(task));

        // certificate look-ups by the issuing department's admin: one record per certificate shown
        String birth = JSON.readTree(citizen.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"birth-medical-certificate\"}", true).body()).path("id").asString();
        citizen.json("PUT", "/api/v1/applications/" + birth + "/sources/household-register",
                "{\"decision\":\"granted\"}", true);
        ObjectNode birthAnswers = JSON.createObjectNode();
        birthAnswers.put("newbornName", "张记录");
        birthAnswers.put("newbornGender", "female");
        birthAnswers.put("birthDate", "2026-11-01");
        birthAnswers.put("birthTime", "10:00");
        birthAnswers.put("birthWeightGrams", 3100);
        birthAnswers.put("birthLengthCm", 49);
        birthAnswers.put("gestationalWeeks", 40);
        birthAnswers.put("hospitalName", "北京市西城区妇幼保健院");
        birthAnswers.put("motherName", "王芳");
        birthAnswers.put("motherIdNumber", "110105199205121222");
        birthAnswers.put("contactPhone", "13800138000");
        citizen.json("PUT", "/api/v1/applications/" + birth + "/draft", "{\"formData\":" + birthAnswers + "}", true);
        assertThat(citizen.json("POST", "/api/v1/applications/" + birth + "/submission", null, true).status())
                .isEqualTo(200);
        assertThat(signedIn("health-clerk").json("POST", "/api/v1/workbench/tasks/" + instanceOf(birth)
                + "/delivery-record-review/decision", "{\"action\":\"approve\"}", true).status()).isEqualTo(200);
        String number = jdbc.sql("SELECT number FROM certificate WHERE application_id = ?").param(birth)
                .query(String.class).single();
        Browserless healthAdmin = signedIn("health-admin");
        recorded("certificate-lookup", "health", 1,
                () -> healthAdmin.get("/api/v1/certificate-admin/certificates?q=" + number));
        recorded("certificate-lookup", "health", 1,
                () -> healthAdmin.get("/api/v1/certificate-admin/certificates/" + number));
        refusedWithoutRecord(403, () -> signedIn("edu-admin").json("POST",
                "/api/v1/certificate-admin/certificates/" + number + "/revocation", "{\"reason\":\"x\"}", true));
        JsonNode mine = JSON.readTree(citizen.get("/api/v1/me/data-uses").body());
        assertThat(mine.valueStream().map(u -> u.path("kind").asString()).toList())
                .contains("task-opened", "exchange-read", "attachment-opened", "certificate-lookup");
    }
}
