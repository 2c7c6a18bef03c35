package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies and problem answers have limits: 413 before reading, at most 50 errors in one problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class RequestLimitsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private Browserless signedIn(String username) {
        Browserless browser = new Browserless("http://localhost:" + port);
        browser.signIn(username, "Demo@2026");
        browser.get("/api/v1/me");
        return browser;
    }

    private static byte[] jsonOf(int bytes) {
        String padding = "x".repeat(bytes);
        return ("{\"serviceCode\":\"newborn\",\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void assertTooLarge(Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(413);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(page.body()).path("type").asString()).isEqualTo("urn:tongban:problem:payload-too-large");
    }

    @Test
    void aJsonBodyBeyondOneMegabyteIsRefusedWith413() {
        Browserless citizen = signedIn("lisi");
        assertTooLarge(citizen.sendBytes("POST", "/api/v1/applications", "application/json", jsonOf(1024 * 1024)));
        // without a declared length the body is counted while it is read
        assertTooLarge(citizen.sendChunked("POST", "/api/v1/applications", "application/json", jsonOf(1024 * 1024)));
        // signed in or not: nothing is read
        assertTooLarge(new Browserless("http://localhost:" + port)
                .sendBytes("POST", "/api/v1/applications", "application/json", jsonOf(2 * 1024 * 1024)));
        // below the limit the same request is merely an invented field
        Page small = citizen.sendBytes("POST", "/api/v1/applications", "application/json", jsonOf(1000));
        assertThat(small.status()).isEqualTo(400);
    }

    @Test
    void aDefinitionFileBeyondItsLimitIsRefusedWith413() {
        Browserless admin = signedIn("health-admin");
        byte[] huge = ("# " + "x".repeat(300 * 1024) + "\nformatVersion: 1\n").getBytes(StandardCharsets.UTF_8);
        assertTooLarge(admin.sendBytes("POST", "/api/v1/workflow-definitions/validation?file=big.yaml",
                "application/yaml", huge));
        assertTooLarge(admin.sendChunked("POST", "/api/v1/workflow-admin/definitions?file=big.yaml",
                "application/yaml", huge));
    }

    @Test
    void aProblemListsAtMostFiftyErrorsAndCountsTheRest() throws Exception {
        Browserless admin = signedIn("health-admin");
        String shipped = Files.readString(Path.of("../workflows/health/birth-medical-certificate.yaml"));
        StringBuilder broken = new StringBuilder();
        for (String line : shipped.split("\n", -1)) {
            broken.append(line).append('\n');
            if (line.equals("service:")) {
                for (int i = 0; i < 80; i++) {
                    broken.append("  bogus").append(i).append(": x\n");
                }
            }
        }
        Page refused = admin.send("POST", "/api/v1/workflow-admin/definitions?file=health/birth-medical-certificate.yaml",
                "application/yaml", broken.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").size()).isEqualTo(50);
        assertThat(problem.path("errorsOmitted").asInt()).isGreaterThanOrEqualTo(30);
    }
}
