package org.tongban.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the frontend's Playwright specs (frontend/e2e) against a portal the test started, in
 * Debian's headless Chromium. Uses the Node.js the frontend build installed or linked.
 */
public final class Playwright {

    private static final Path FRONTEND = Path.of("..", "frontend").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private Playwright() {
    }

    /** Runs one spec file; fails the test with Playwright's report when a step fails. */
    public static void run(String spec, String baseUrl, Map<String, String> environment) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if (RealServices.inCi()) {
                fail("CI must install Debian's chromium for the browser tests (" + CHROMIUM + ")");
            }
            assumeTrue(false, "skipped: no Chromium at " + CHROMIUM);
        }
        Path cli = FRONTEND.resolve("node_modules/@playwright/test/cli.js");
        assertThat(cli).as("the frontend build installs @playwright/test").exists();
        Path node = FRONTEND.resolve("node/node");
        String nodeBinary = Files.isExecutable(node) ? node.toString() : "node";

        Path log = Path.of("target", "playwright-" + spec.replaceAll("[^A-Za-z0-9]", "_") + "-"
                + baseUrl.replaceAll("[^0-9]", "") + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder process = new ProcessBuilder(List.of(nodeBinary, cli.toString(), "test", spec,
                "--reporter=list"))
                .directory(FRONTEND.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        process.environment().put("TONGBAN_BASE_URL", baseUrl);
        process.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        process.environment().putAll(environment);
        Process running = process.start();
        if (!running.waitFor(10, TimeUnit.MINUTES)) {
            running.destroyForcibly();
            fail("Playwright did not finish within 10 minutes; see " + log.toAbsolutePath());
        }
        String output = read(log);
        assertThat(running.exitValue()).as("Playwright %s against %s:%n%s", spec, baseUrl, output).isZero();
        assertThat(output).as("Playwright ran the spec").containsPattern("\\d+ passed");
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log);
    }
}
