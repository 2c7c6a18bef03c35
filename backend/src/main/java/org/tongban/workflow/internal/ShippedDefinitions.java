package org.tongban.workflow.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Seeds services from the definitions shipped in {@code workflows/} (inside the jar) at start-up: a
 * service without a version gets the shipped file; a shipped file that changed becomes a new version
 * only while no department admin has published the service since (their version stays in force).
 */
class ShippedDefinitions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShippedDefinitions.class);

    private final JdbcWorkflowDefinitions definitions;

    ShippedDefinitions(JdbcWorkflowDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Shipped file : files()) {
            Published published = definitions.seed(file.name(), file.text());
            log.debug("Workflow {} is at version {}", published.serviceCode(), published.version());
        }
    }

    record Shipped(String name, String text) {
    }

    static List<Shipped> files() {
        try {
            List<Shipped> files = new ArrayList<>();
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:workflows/*/*.yaml");
            for (Resource resource : resources) {
                String path = resource.getURL().toString();
                String relative = path.substring(path.lastIndexOf("workflows/") + "workflows/".length());
                if (relative.startsWith("calendar/") || relative.startsWith("catalogue/")) {
                    continue;
                }
                files.add(new Shipped(relative, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
