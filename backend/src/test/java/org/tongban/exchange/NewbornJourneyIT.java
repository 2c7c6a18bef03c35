package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The submit-once journey through the API: health approves a birth medical certificate; the parent applies for
 * the newborn's registration uploading nothing the government holds; public security sees the certificate's data
 * with its source and registers the birth (the household register gains the child, with a resident ID number);
 * medical insurance reads that registration and enrols the child in the same application; the parent finds both
 * certificates in the wallet and anyone can verify them. Sixteen simultaneous approvals issue one certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class NewbornJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private static Page ok(Page page) {
        assertThat(page.status()).as(page.body()).isBetween(200, 201);
        return page;
    }

    private String instanceOf(String applicationId) {
        return jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(applicationId)
                .query(String.class).single();
    }

    private static JsonNode shared(JsonNode task, String dataset) {
        return task.path("shared").valueStream().filter(s -> s.path("dataset").asString().equals(dataset)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + dataset + " in " + task.path("shared")));
    }

    @Test
    void aParentRegistersTheirNewbornWithoutCarryingAnythingTheGovernmentHolds() throws Exception {
        Browserless parent = signedIn("zhangsan");
        String babyName = "张安" + Long.toString(System.nanoTime() % 1000, 36);

        // 1. the birth medical certificate: the parents' identity comes from the household register
        String birth = json(ok(parent.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"birth-medical-certificate\"}", true))).path("id").asString();
        ok(parent.json("PUT", "/api/v1/applications/" + birth + "/sources/household-register",
                "{\"decision\":\"granted\"}", true));
        JsonNode mother = json(ok(parent.json("PUT", "/api/v1/applications/" + birth + "/sources/household-member",
                "{\"decision\":\"granted\",\"recordKey\":\"110105199205121222\"}", true)));
        assertThat(mother.path("formData").path("motherName").asString()).isEqualTo("王芳");
        ObjectNode certificateAnswers = JSON.createObjectNode();
        certificateAnswers.put("newbornName", babyName);
        certificateAnswers.put("newbornGender", "male");
        certificateAnswers.put("birthDate", "2026-11-20");
        certificateAnswers.put("birthTime", "08:30");
        certificateAnswers.put("birthWeightGrams", 3400);
        certificateAnswers.put("birthLengthCm", 50);
        certificateAnswers.put("gestationalWeeks", 39);
        certificateAnswers.put("hospitalName", "北京市西城区妇幼保健院");
        certificateAnswers.put("fatherName", "张三");
        certificateAnswers.put("fatherIdNumber", "110105199003071239");
        certificateAnswers.put("contactPhone", "13800138000");
        ok(parent.json("PUT", "/api/v1/applications/" + birth + "/draft", "{\"formData\":" + certificateAnswers + "}",
                true));
        ok(parent.json("POST", "/api/v1/applications/" + birth + "/submission", null, true));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?").param(birth).query(Long.class)
                .single()).as("no ID cards uploaded").isZero();
        Browserless health = signedIn("health-clerk");
        ok(health.json("POST", "/api/v1/workbench/tasks/" + instanceOf(birth) + "/delivery-record-review/decision",
                "{\"action\":\"approve\"}", true));
        JsonNode wallet = json(ok(parent.get("/api/v1/certificates")));
        String birthCertificate = wallet.valueStream()
                .filter(c -> c.path("type").asString().equals("birth-medical-certificate")).map(c -> c.path("number")
                        .asString()).filter(number -> json(parent.get("/api/v1/certificates/" + number)).toString()
                        .contains(babyName)).findFirst().orElseThrow();

        // 2. the newborn: the certificate and the household register stand in for every document
        JsonNode draft = json(ok(parent.json("POST", "/api/v1/applications", "{\"serviceCode\":\"newborn\"}", true)));
        String newborn = draft.path("id").asString();
        JsonNode certificateSource = draft.path("sources").valueStream()
                .filter(s -> s.path("dataset").asString().equals("birth-medical-certificate")).findFirst().orElseThrow();
        assertThat(certificateSource.path("department").asString()).isEqualTo("health");
        assertThat(certificateSource.path("records").valueStream().map(r -> r.path("key").asString()).toList())
                .contains(birthCertificate);
        ok(parent.json("PUT", "/api/v1/applications/" + newborn + "/sources/birth-medical-certificate",
                "{\"decision\":\"granted\",\"recordKey\":\"" + birthCertificate + "\"}", true));
        JsonNode withHousehold = json(ok(parent.json("PUT", "/api/v1/applications/" + newborn
                + "/sources/household-register", "{\"decision\":\"granted\"}", true)));
        assertThat(withHousehold.path("formData").path("newborn").path("name").asString()).isEqualTo(babyName);
        assertThat(withHousehold.path("formData").path("mother").path("idNumber").asString())
                .isEqualTo("110105199205121222");
        assertThat(withHousehold.path("formData").path("household").path("number").asString()).isEqualTo("110105-00001");
        assertThat(withHousehold.path("satisfiedMaterials").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("birth-medical-certificate", "household-register");
        ObjectNode own = (ObjectNode) withHousehold.path("formData").deepCopy();
        ((ObjectNode) own.path("newborn")).put("ethnicity", "汉族");
        ((ObjectNode) own.path("household")).put("registerWith", "father");
        ((ObjectNode) own.path("household")).put("relationshipToHead", "子");
        own.put("residenceAddress", "北京市西城区金融大街1号");
        own.put("contactPhone", "13800138000");
        ok(parent.json("PUT", "/api/v1/applications/" + newborn + "/draft", "{\"formData\":" + own + "}", true));
        ok(parent.json("POST", "/api/v1/applications/" + newborn + "/submission", null, true));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?").param(newborn)
                .query(Long.class).single()).as("nothing uploaded").isZero();

        // 3. public security sees the certificate's data with its source, and registers the birth
        String instance = instanceOf(newborn);
        Browserless police = signedIn("police-clerk");
        JsonNode registration = json(ok(police.get("/api/v1/workbench/tasks/" + instance + "/household-registration")));
        JsonNode fromHealth = shared(registration, "birth-medical-certificate");
        assertThat(fromHealth.path("holder").asString()).isEqualTo("health");
        assertThat(fromHealth.path("recordKey").asString()).isEqualTo(birthCertificate);
        assertThat(fromHealth.path("data").path("hospitalName").asString()).isEqualTo("北京市西城区妇幼保健院");
        assertThat(fromHealth.path("readAt").asString()).isNotBlank();
        assertThat(registration.path("fieldSources").path("newborn.name").asString())
                .isEqualTo("birth-medical-certificate");
        ok(police.json("POST", "/api/v1/workbench/tasks/" + instance + "/household-registration/decision",
                "{\"action\":\"approve\"}", true));
        JsonNode members = json(ok(police.get(
                "/api/v1/exchange/datasets/household-member/records?subject=110105199003071239")));
        JsonNode child = members.valueStream().filter(m -> m.path("label").asString().equals(babyName)).findFirst()
                .orElseThrow(() -> new AssertionError("the household register did not gain " + babyName));
        String childId = child.path("key").asString();
        assertThat(childId).startsWith("11010520261120").hasSize(18);
        assertThat(child.path("data").path("relationshipToHead").asString()).isEqualTo("子");

        // 4. medical insurance reads the new registration in the same application and enrols the child
        Browserless medins = signedIn("medins-clerk");
        JsonNode enrolment = json(ok(medins.get("/api/v1/workbench/tasks/" + instance + "/medical-insurance-enrolment")));
        JsonNode registered = shared(enrolment, "household-member");
        assertThat(registered.path("origin").asString()).isEqualTo("written");
        assertThat(registered.path("holder").asString()).isEqualTo("public-security");
        assertThat(registered.path("data").path("idNumber").asString()).isEqualTo(childId);
        // sixteen approvals at once: one goes through, one certificate is issued
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return medins.json("POST", "/api/v1/workbench/tasks/" + instance
                        + "/medical-insurance-enrolment/decision", "{\"action\":\"approve\"}", true).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(status -> status == 200).count()).as(statuses.toString()).isEqualTo(1);
        assertThat(statuses).allMatch(status -> status == 200 || status == 409 || status == 404);
        assertThat(json(parent.get("/api/v1/applications/" + newborn)).path("status").asString()).isEqualTo("approved");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE application_id = ?").param(newborn)
                .query(Long.class).single()).isEqualTo(1);

        // 5. the wallet, the PDF, and verification by anyone
        String insurance = json(parent.get("/api/v1/certificates")).valueStream()
                .filter(c -> c.path("type").asString().equals("medical-insurance-certificate"))
                .map(c -> c.path("number").asString())
                .filter(number -> json(parent.get("/api/v1/certificates/" + number)).toString().contains(childId))
                .findFirst().orElseThrow();
        JsonNode detail = json(parent.get("/api/v1/certificates/" + insurance));
        Page pdf = parent.get("/api/v1/certificates/" + insurance + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        Browserless anonymous = new Browserless("http://localhost:" + port);
        String token = detail.path("verificationToken").asString();
        JsonNode verified = json(anonymous.json("POST", "/api/v1/certificates/verification",
                "{\"token\":\"" + token + "\"}", false));
        assertThat(verified.path("outcome").asString()).isEqualTo("valid");
        assertThat(verified.toString()).doesNotContain("张三").contains("张*");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("A") ? "BBB" : "AAA");
        assertThat(json(anonymous.json("POST", "/api/v1/certificates/verification", "{\"token\":\"" + tampered + "\"}",
                false)).path("outcome").asString()).isEqualTo("not-genuine");

        // the parent's record shows each department's use, and every approved application has its certificate
        List<String> departments = json(parent.get("/api/v1/me/data-uses")).valueStream()
                .filter(u -> u.path("applicationNumber").asString().equals(json(parent.get("/api/v1/applications/"
                        + newborn)).path("number").asString()))
                .map(u -> u.path("department").asString()).distinct().toList();
        assertThat(departments).contains("health", "public-security", "medical-insurance");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM application a WHERE a.status = 'approved' AND a.service_code IN
                ('newborn', 'birth-medical-certificate') AND NOT EXISTS
                (SELECT 1 FROM certificate c WHERE c.application_id = a.id)""").query(Long.class).single())
                .as("no approved application without its certificate").isZero();
    }
}
