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
                .replace("businessArea > 500", "businessArea > 300");
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
        Page published = admin.send("POST", path, "application/yaml", changed);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(JSON.readTree(published.body()).path("latestVersion").asInt()).isEqualTo(before + 1);

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
}
