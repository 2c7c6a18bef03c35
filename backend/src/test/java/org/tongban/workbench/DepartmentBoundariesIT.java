package org.tongban.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
 * Which department may act is decided on the server for every request: a business's food licence
 * waits at market regulation's acceptance; a health clerk can neither see it in a queue, nor open,
 * claim, release or decide it (403), while market regulation's clerk can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class DepartmentBoundariesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = Base64.getDecoder().decode(
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

    @Test
    void aHealthClerkCannotActOnAMarketRegulationTask() {
        Browserless business = signedIn("wangwu");
        Page created = business.json("POST", "/api/v1/applications", "{\"serviceCode\":\"food-business-licence\"}", true);
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        String id = JSON.readTree(created.body()).path("id").asString();
        ObjectNode form = JSON.createObjectNode();
        form.put("legalRepresentative", "王五");
        form.put("premisesAddress", "杭州市西湖区文三路 100 号");
        form.put("businessArea", 120);
        form.put("businessEntityType", "catering");
        form.putArray("businessItems").add("hot-food");
        form.put("foodSafetyManagerName", "赵食安");
        form.put("foodSafetyManagerPhone", "13912345678");
        form.put("contactPhone", "13700137000");
        Page saved = business.json("PUT", "/api/v1/applications/" + id + "/draft", "{\"formData\":" + form + "}", true);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String attachments = "/api/v1/applications/" + id + "/attachments?material=";
        assertThat(business.upload(attachments + "business-licence", "file", "licence.pdf", "application/pdf", PDF)
                .status()).as("no consent to the business register: the licence is uploaded").isEqualTo(201);
        assertThat(business.upload(attachments + "floor-plan", "file", "plan.png", "image/png", PNG).status()).isEqualTo(201);
        assertThat(business.upload(attachments + "equipment-list", "file", "list.pdf", "application/pdf", PDF).status())
                .isEqualTo(201);
        assertThat(business.upload(attachments + "food-safety-rules", "file", "rules.pdf", "application/pdf", PDF)
                .status()).isEqualTo(201);
        Page submitted = business.json("POST", "/api/v1/applications/" + id + "/submission", null, true);
        assertThat(submitted.status()).as(submitted.body()).isIn(200, 201);
        String instance = jdbc.sql("SELECT workflow_instance_id FROM application WHERE id = ?").param(id)
                .query(String.class).single();
        String task = "/api/v1/workbench/tasks/" + instance + "/acceptance";

        Browserless health = signedIn("health-clerk");
        JsonNode healthQueue = JSON.readTree(health.get("/api/v1/workbench/tasks?size=100").body());
        assertThat(healthQueue.path("items").valueStream().map(item -> item.path("instanceId").asString()))
                .doesNotContain(instance);
        assertThat(health.get(task).status()).as("open").isEqualTo(403);
        assertThat(health.json("POST", task + "/claim", null, true).status()).as("claim").isEqualTo(403);
        assertThat(health.json("POST", task + "/release", null, true).status()).as("release").isEqualTo(403);
        Page decided = health.json("POST", task + "/decision", "{\"action\":\"approve\"}", true);
        assertThat(decided.status()).as("decide").isEqualTo(403);
        assertThat(decided.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_access WHERE application_id = ?").param(id)
                .query(Long.class).single()).as("a refused opening reads no personal data").isZero();

        Browserless market = signedIn("market-clerk");
        assertThat(market.get(task).status()).isEqualTo(200);
        assertThat(market.json("POST", task + "/claim", null, true).status()).isEqualTo(200);
        Page approved = market.json("POST", task + "/decision", "{\"action\":\"approve\"}", true);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }
}
