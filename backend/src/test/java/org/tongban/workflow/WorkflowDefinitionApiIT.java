package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The definitions over HTTP: public list and diagrams, validation for department admins only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class WorkflowDefinitionApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private Browserless browser() {
        return new Browserless("http://localhost:" + port);
    }

    @Test
    void everyoneSeesTheShippedServicesAndTheirDiagrams() {
        JsonNode all = JSON.readTree(browser().get("/api/v1/workflow-definitions").body());
        assertThat(all.valueStream().map(d -> d.path("code").asString()).toList()).contains("primary-school-enrolment",
                "birth-medical-certificate", "newborn", "food-business-licence", "enterprise-establishment",
                "unemployment-insurance-benefit");
        JsonNode establishment = JSON.readTree(browser().get("/api/v1/workflow-definitions/enterprise-establishment").body());
        assertThat(establishment.path("departments").valueStream().map(JsonNode::asString).toList())
                .contains("market-regulation", "tax", "public-security", "human-resources-social-security");

        Page diagram = browser().getOnce("/api/v1/workflow-definitions/food-business-licence/versions/1/diagram",
                "Accept-Language", "en-US");
        assertThat(diagram.status()).isEqualTo(200);
        assertThat(diagram.body()).startsWith("stateDiagram-v2").contains("area_check <<choice>>").contains("approve");
    }

    @Test
    void theCatalogueIsRevalidatedByItsETagAndSentCompressed() throws Exception {
        Page all = browser().get("/api/v1/catalog/services");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Cache-Control")).isEqualTo("no-cache");
        String etag = all.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(browser().getOnce("/api/v1/catalog/services", "If-None-Match", etag).status())
                .as("unchanged: no body").isEqualTo(304);
        Page enterprise = browser().getOnce("/api/v1/catalog/services?category=enterprise", "If-None-Match", etag);
        assertThat(enterprise.status()).as("another question, another ETag").isEqualTo(200);
        assertThat(JSON.readTree(enterprise.body()).valueStream().map(s -> s.path("category").asString()).distinct()
                .toList()).containsExactly("enterprise");
        assertThat(JSON.readTree(browser().get("/api/v1/catalog/services?q=FOOD").body()).valueStream()
                .map(s -> s.path("code").asString()).toList()).containsExactly("food-business-licence");

        // browsers that accept gzip get the list (and the app's scripts) compressed
        java.net.http.HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/catalog/services")).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(JSON.readTree(in.readAllBytes())).isEqualTo(JSON.readTree(all.body()));
        }
    }

    @Test
    void departmentAdminsValidateAFileAndLearnWhereItIsWrong() throws Exception {
        String broken = Files.readString(Path.of("../workflows/enterprise/food-business-licence.yaml"))
                .replace("otherwise: review", "otherwise: reviw");

        Browserless citizen = browser();
        citizen.signIn("zhangsan", "Demo@2026");
        citizen.get("/api/v1/me");
        assertThat(citizen.send("POST", "/api/v1/workflow-definitions/validation?file=enterprise/food-business-licence.yaml",
                "application/yaml", broken).status()).isEqualTo(403);

        Browserless admin = browser();
        admin.signIn("market-admin", "Demo@2026");
        admin.get("/api/v1/me");
        Page result = admin.send("POST", "/api/v1/workflow-definitions/validation?file=enterprise/food-business-licence.yaml",
                "application/yaml", broken);
        assertThat(result.status()).isEqualTo(200);
        JsonNode report = JSON.readTree(result.body());
        assertThat(report.path("valid").asBoolean()).isFalse();
        JsonNode problem = report.path("problems").get(0);
        assertThat(problem.path("code").asString()).isEqualTo("unknown-step");
        assertThat(problem.path("path").asString()).isEqualTo("/workflow/steps/area-check/otherwise");
        assertThat(problem.path("line").asInt()).isPositive();
        assertThat(problem.path("message").asString()).contains("reviw");
    }

    @Test
    void aDepartmentAdminPublishesANewVersionOfTheirOwnServiceOnly() throws Exception {
        String changed = Files.readString(Path.of("../workflows/enterprise/food-business-licence.yaml"))
                .replace("businessArea > 500", "businessArea > 300")
                // a new file on every run: the data folder keeps what earlier runs published
                + "\n# published by the test at " + java.time.Instant.now() + "\n";
        String path = "/api/v1/workflow-admin/definitions?file=enterprise/food-business-licence.yaml";

        Browserless otherDepartment = browser();
        otherDepartment.signIn("health-admin", "Demo@2026");
        otherDepartment.get("/api/v1/me");
        assertThat(otherDepartment.send("POST", path, "application/yaml", changed).status()).isEqualTo(403);

        Browserless admin = browser();
        admin.signIn("market-admin", "Demo@2026");
        admin.get("/api/v1/me");
        Page broken = admin.send("POST", path, "application/yaml", changed.replace("next: approved", "next: nowhere"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).path("errors").get(0).path("code").asString()).isEqualTo("unknown-step");

        int before = JSON.readTree(browser().get("/api/v1/workflow-definitions/food-business-licence").body())
                .path("version").asInt();
        String catalogueBefore = browser().get("/api/v1/catalog/services").header("ETag");
        Page published = admin.send("POST", path, "application/yaml", changed);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(JSON.readTree(published.body()).path("latestVersion").asInt()).isEqualTo(before + 1);
        // the catalogue (served from memory) shows the new version at once, under a new ETag
        Page catalogue = browser().getOnce("/api/v1/catalog/services", "If-None-Match", catalogueBefore);
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.header("ETag")).isNotEqualTo(catalogueBefore);
        assertThat(JSON.readTree(catalogue.body()).valueStream()
                .filter(service -> service.path("code").asString().equals("food-business-licence"))
                .map(service -> service.path("version").asInt())).containsExactly(before + 1);

        JsonNode mine = JSON.readTree(admin.get("/api/v1/workflow-admin/services").body());
        assertThat(mine.valueStream().map(s -> s.path("department").asString()).distinct().toList())
                .containsExactly("market-regulation");
        JsonNode food = mine.valueStream().filter(s -> s.path("code").asString().equals("food-business-licence"))
                .findFirst().orElseThrow();
        assertThat(food.path("versions").size()).isGreaterThanOrEqualTo(2);
        JsonNode newest = food.path("versions").get(0);
        assertThat(newest.path("publishedByName").asString()).as("the admin's name, not their subject").isEqualTo("褚红");
        JsonNode shipped = food.path("versions").get(food.path("versions").size() - 1);
        assertThat(shipped.path("publishedBy").asString()).isEqualTo("system");
        assertThat(shipped.path("publishedByName").isNull()).isTrue();

        // each version's file, exactly as published, to edit the next change from
        String file = "/api/v1/workflow-admin/services/food-business-licence/versions/" + (before + 1) + "/file";
        Page downloaded = admin.get(file);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(changed);
        assertThat(downloaded.header("Content-Type")).startsWith("application/yaml");
        assertThat(downloaded.header("Content-Disposition")).contains("food-business-licence.yaml");
        assertThat(otherDepartment.get(file).status()).as("another department's admin").isEqualTo(403);
        Browserless clerk = browser();
        clerk.signIn("market-clerk", "Demo@2026");
        assertThat(clerk.get(file).status()).as("clerks do not administer workflows").isEqualTo(403);
        assertThat(admin.get("/api/v1/workflow-admin/services/food-business-licence/versions/9999/file").status())
                .isEqualTo(404);
    }

    private Browserless signedIn(String user) {
        Browserless browser = browser();
        browser.signIn(user, "Demo@2026");
        browser.get("/api/v1/me");
        return browser;
    }

    /**
     * The probe's finding: edu-admin uploaded health's service naming education as its department and took it
     * over. A service belongs to the department that owns it; only the platform admin moves it, explicitly.
     */
    @Test
    void anotherDepartmentsAdminCannotTakeOverAServiceAndOnlyThePlatformAdminMovesOne() throws Exception {
        String code = "takeover-probe-" + System.nanoTime();
        String own = Files.readString(Path.of("../workflows/health/birth-medical-certificate.yaml"))
                .replace("code: birth-medical-certificate", "code: " + code);
        String path = "/api/v1/workflow-admin/definitions?file=health/" + code + ".yaml";
        Browserless health = signedIn("health-admin");
        Page created = health.send("POST", path, "application/yaml", own);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Browserless education = signedIn("edu-admin");
        Page takeover = education.send("POST", path, "application/yaml",
                own.replaceFirst("department: health", "department: education"));
        assertThat(takeover.status()).as(takeover.body()).isEqualTo(403);
        assertThat(JSON.readTree(takeover.body()).path("type").asString()).isEqualTo("urn:tongban:problem:workflow-not-owner");
        assertThat(JSON.readTree(takeover.body()).path("detail").asString()).contains("卫生健康委");
        JsonNode latest = JSON.readTree(browser().get("/api/v1/workflow-definitions/" + code).body());
        assertThat(latest.path("version").asInt()).isEqualTo(1);
        assertThat(latest.path("department").asString()).isEqualTo("health");

        // the owner cannot give it away by publishing either, nor can the platform admin
        Browserless admin = signedIn("admin");
        for (Browserless publisher : java.util.List.of(health, admin)) {
            Page moved = publisher.send("POST", path, "application/yaml",
                    own.replaceFirst("department: health", "department: education"));
            assertThat(moved.status()).as(moved.body()).isEqualTo(409);
            assertThat(JSON.readTree(moved.body()).path("type").asString())
                    .isEqualTo("urn:tongban:problem:workflow-department-change");
        }
        String transfer = "/api/v1/workflow-admin/services/" + code + "/transfer";
        assertThat(health.json("POST", transfer, "{\"department\":\"education\",\"reason\":\"x\"}", true).status())
                .as("only the platform admin moves services").isEqualTo(403);
        Page transferred = admin.json("POST", transfer, "{\"department\":\"education\",\"reason\":\"职能调整\"}", true);
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(201);
        JsonNode newest = JSON.readTree(transferred.body()).path("versions").get(0);
        assertThat(newest.path("version").asInt()).isEqualTo(2);
        assertThat(newest.path("publishedAs").asString()).isEqualTo("admin");
        assertThat(newest.path("note").asString()).contains("职能调整");
        assertThat(JSON.readTree(transferred.body()).path("department").asString()).isEqualTo("education");

        // now education owns it and health does not
        String next = new String(education.get("/api/v1/workflow-admin/services/" + code + "/versions/2/file").body())
                .replace("timeLimitWorkingDays: 3", "timeLimitWorkingDays: 2");
        assertThat(health.send("POST", path, "application/yaml", next).status()).isEqualTo(403);
        assertThat(education.send("POST", path, "application/yaml", next).status()).isEqualTo(201);
    }
}
