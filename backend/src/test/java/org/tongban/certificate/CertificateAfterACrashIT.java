package org.tongban.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No approved application without its certificate: the certificate is issued in the transaction of the approval, so
 * a failure between the two (here the process "dies" right after the certificate was written, before the commit, as a
 * process killed in the middle would) leaves the application where it was — still waiting for the clerk, nothing
 * issued — and deciding again approves it with exactly one certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class CertificateAfterACrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Throws once, when armed, inside the transaction that issues a certificate: the crash before the commit. */
    static final AtomicBoolean CRASH = new AtomicBoolean();

    @TestConfiguration
    static class Crash {
        @Bean
        Object crashWhileIssuing() {
            return new Object() {
                @EventListener
                void on(CertificateIssued issued) {
                    if (CRASH.getAndSet(false)) {
                        throw new IllegalStateException("the process died while issuing");
                    }
                }
            };
        }
    }

    private Browserless signedIn(String user) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(user, "Demo@2026");
        browser.get("/api/v1/me");
        return browser;
    }

    private static JsonNode ok(Page page) {
        assertThat(page.status()).as(page.body()).isBetween(200, 201);
        return JSON.readTree(page.body());
    }

    @Test
    void anApprovalWhoseCertificateFailsIsNotApproved_andTheNextApprovalIssuesExactlyOne() {
        Browserless parent = signedIn("zhangsan");
        String id = ok(parent.json("POST", "/api/v1/applications", "{\"serviceCode\":\"birth-medical-certificate\"}",
                true)).path("id").asString();
        ok(parent.json("PUT", "/api/v1/applications/" + id + "/sources/household-register", "{\"decision\":\"granted\"}",
                true));
        JsonNode withMother = ok(parent.json("PUT", "/api/v1/applications/" + id + "/sources/household-member",
                "{\"decision\":\"granted\",\"recordKey\":\"110105199205121222\"}", true));
        var answers = (tools.jackson.databind.node.ObjectNode) withMother.path("formData").deepCopy();
        answers.put("newbornName", "张崩溃");
        answers.put("newbornGender", "female");
        answers.put("birthDate", "2026-11-21");
        answers.put("birthTime", "09:10");
        answers.put("birthWeightGrams", 3200);
        answers.put("birthLengthCm", 49);
        answers.put("gestationalWeeks", 40);
        answers.put("hospitalName", "北京市西城区妇幼保健院");
        answers.put("fatherName", "张三");
        answers.put("fatherIdNumber", "110105199003071239");
        answers.put("contactPhone", "13800138000");
        ok(parent.json("PUT", "/api/v1/applications/" + id + "/draft", "{\"formData\":" + answers + "}", true));
        ok(parent.json("POST", "/api/v1/applications/" + id + "/submission", null, true));
        String instance = jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(id)
                .query(String.class).single();
        Browserless clerk = signedIn("health-clerk");
        String decision = "/api/v1/workbench/tasks/" + instance + "/delivery-record-review/decision";

        // the approval's transaction dies after the certificate was written, before it commits
        CRASH.set(true);
        Page failed = clerk.json("POST", decision, "{\"action\":\"approve\"}", true);
        assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
        assertThat(CRASH.get()).as("the crash happened").isFalse();
        assertThat(failed.body()).doesNotContain("IllegalStateException").doesNotContain("process died");
        assertThat(ok(parent.get("/api/v1/applications/" + id)).path("status").asString()).isEqualTo("in-progress");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE application_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                .params(instance, "delivery-record-review").query(Long.class).single())
                .as("the step still waits for the clerk").isEqualTo(1);

        // deciding again goes through, with exactly one certificate
        ok(clerk.json("POST", decision, "{\"action\":\"approve\"}", true));
        assertThat(ok(parent.get("/api/v1/applications/" + id)).path("status").asString()).isEqualTo("approved");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM certificate WHERE application_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);
    }
}
