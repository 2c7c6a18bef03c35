package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.TongbanApplication;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a department admin published stays in force when the portal restarts: the shipped files seed a service, they
 * never publish over an admin's version (on H2 here, on MariaDB in the real-services pass).
 */
class AdminVersionSurvivesRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext portal() {
        String profiles = System.getProperty("spring.profiles.active", "demo");
        return new SpringApplicationBuilder(TongbanApplication.class).profiles(profiles.split(","))
                .properties("server.port=0", "tongban.data-dir=./target/it-data/restart-admin",
                        "tongban.workflow.timers.enabled=false")
                .run();
    }

    private static Browserless browser(ConfigurableApplicationContext portal) {
        return new Browserless("http://localhost:" + portal.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonNode food(Browserless browser) {
        return JSON.readTree(browser.get("/api/v1/workflow-definitions/food-business-licence").body());
    }

    @Test
    void anAdminsVersionIsStillInForceAfterARestart() throws Exception {
        String changed = Files.readString(Path.of("../workflows/enterprise/food-business-licence.yaml"))
                .replace("businessArea > 500", "businessArea > 400")
                + "\n# published before a restart at " + Instant.now() + "\n";
        int published;
        try (ConfigurableApplicationContext first = portal()) {
            Browserless admin = browser(first);
            admin.signIn("market-admin", "Demo@2026");
            admin.get("/api/v1/me");
            Page result = admin.send("POST", "/api/v1/workflow-admin/definitions?file=enterprise/food-business-licence.yaml",
                    "application/yaml", changed);
            assertThat(result.status()).as(result.body()).isEqualTo(201);
            published = JSON.readTree(result.body()).path("latestVersion").asInt();
            assertThat(food(browser(first)).path("version").asInt()).isEqualTo(published);
        }

        try (ConfigurableApplicationContext second = portal()) {
            assertThat(food(browser(second)).path("version").asInt()).as("no new version from the shipped file")
                    .isEqualTo(published);
            Browserless admin = browser(second);
            admin.signIn("market-admin", "Demo@2026");
            admin.get("/api/v1/me");
            Page file = admin.get("/api/v1/workflow-admin/services/food-business-licence/versions/" + published + "/file");
            assertThat(file.body()).as("the admin's file, as published").isEqualTo(changed);
            JsonNode services = JSON.readTree(admin.get("/api/v1/workflow-admin/services").body());
            JsonNode newest = services.valueStream()
                    .filter(service -> service.path("code").asString().equals("food-business-licence")).findFirst()
                    .orElseThrow().path("versions").get(0);
            assertThat(newest.path("version").asInt()).isEqualTo(published);
            assertThat(newest.path("publishedBy").asString()).isNotEqualTo("system");
        }
    }
}
