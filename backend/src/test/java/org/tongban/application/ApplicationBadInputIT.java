package org.tongban.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input gets a clear problem and stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class ApplicationBadInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Browserless citizen() {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn("lisi", "Demo@2026");
        browser.get("/api/v1/me");
        return browser;
    }

    private static String type(Page page) {
        return JSON.readTree(page.body()).path("type").asString();
    }

    @Test
    void malformedAndInventedRequestsAreRefusedClearly() {
        Browserless citizen = citizen();
        long before = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();

        Page malformed = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\": ", true);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(type(malformed)).isEqualTo("urn:tongban:problem:invalid-request");

        Page invented = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"newborn\",\"admin\":true}", true);
        assertThat(invented.status()).isEqualTo(400);

        Page wrongType = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":42}", true);
        assertThat(wrongType.status()).isEqualTo(400);

        Page badCode = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"../../etc\"}", true);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(type(badCode)).isEqualTo("urn:tongban:problem:validation-failed");

        assertThat(citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"no-such-service\"}", true).status())
                .isEqualTo(404);
        assertThat(citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"food-business-licence\"}", true)
                .status()).as("a business service").isEqualTo(403);
        Page badKey = citizen.send("POST", "/api/v1/applications", "application/json",
                "{\"serviceCode\":\"newborn\"}");
        assertThat(badKey.status()).isEqualTo(201);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeyReturnsTheSameDraft() {
        Browserless citizen = citizen();
        Page first = citizen.json("POST", "/api/v1/applications", "{\"serviceCode\":\"newborn\"}", true);
        String id = JSON.readTree(first.body()).path("id").asString();
        // the same request again with the same key, e.g. a retry after a lost answer
        Page keyed1 = keyed(citizen, "retry-123");
        Page keyed2 = keyed(citizen, "retry-123");
        assertThat(JSON.readTree(keyed1.body()).path("id").asString())
                .isEqualTo(JSON.readTree(keyed2.body()).path("id").asString()).isNotEqualTo(id);
        Page bad = citizen.getOnce("/api/v1/applications");
        assertThat(bad.status()).isEqualTo(200);
    }

    private static Page keyed(Browserless citizen, String key) {
        return citizen.sendWithHeader("POST", "/api/v1/applications", "application/json", "{\"serviceCode\":\"newborn\"}",
                "Idempotency-Key", key);
    }

    @Test
    void oversizedUploadsAreRefusedAndNothingIsStored() {
        Browserless citizen = citizen();
        JsonNode draft = JSON.readTree(citizen.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"birth-medical-certificate\"}", true).body());
        String id = draft.path("id").asString();
        byte[] elevenMegabytes = new byte[11 * 1024 * 1024];
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        System.arraycopy(png, 0, elevenMegabytes, 0, png.length);
        Page tooLarge = citizen.upload("/api/v1/applications/" + id + "/attachments?material=mother-id-document", "file",
                "id.png", "image/png", elevenMegabytes);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(type(tooLarge)).isIn("urn:tongban:problem:attachment-too-large", "urn:tongban:problem:payload-too-large");

        byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
        Page beyondTheServerLimit = citizen.upload("/api/v1/applications/" + id + "/attachments?material=mother-id-document",
                "file", "id.png", "image/png", thirtyMegabytes);
        assertThat(beyondTheServerLimit.status()).isEqualTo(413);
        assertThat(beyondTheServerLimit.header("Content-Type")).startsWith("application/problem+json");
        assertThat(beyondTheServerLimit.body()).doesNotContain("Exception");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?").param(id).query(Long.class)
                .single()).isZero();
    }

    @Test
    void malformedMultipartBodiesAre400ProblemsWithoutStackTraces() {
        Browserless citizen = citizen();
        String id = JSON.readTree(citizen.json("POST", "/api/v1/applications",
                "{\"serviceCode\":\"birth-medical-certificate\"}", true).body()).path("id").asString();
        String path = "/api/v1/applications/" + id + "/attachments?material=mother-id-document";
        String boundary = "----tongbanbroken";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        java.io.ByteArrayOutputStream nul = new java.io.ByteArrayOutputStream();
        nul.writeBytes(head.formatted("id\u0000.png").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        nul.writeBytes(png);
        nul.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream truncated = new java.io.ByteArrayOutputStream();
        truncated.writeBytes(head.formatted("id.png").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        truncated.writeBytes(png);
        byte[] noPartsAtAll = "this is not multipart".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        java.util.Map<byte[], String> expected = new java.util.LinkedHashMap<>();
        expected.put(nul.toByteArray(), "urn:tongban:problem:multipart-malformed");
        expected.put(truncated.toByteArray(), "urn:tongban:problem:multipart-malformed");
        // parses as a body without parts: the file is simply missing
        expected.put(noPartsAtAll, "urn:tongban:problem:invalid-request");
        expected.forEach((body, problemType) -> {
            Page refused = citizen.sendBytes("POST", path, "multipart/form-data; boundary=" + boundary, body);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(type(refused)).isEqualTo(problemType);
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?").param(id).query(Long.class)
                .single()).isZero();
    }
}
