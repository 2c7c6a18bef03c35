package org.tongban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two portal JVMs ({@code backend/target/tongban.jar}) on the same MariaDB and the same data folder (attachments,
 * certificate keys), as two nodes behind a load balancer: a journey whose requests alternate between them (sessions,
 * CSRF, uploads, decisions, the certificate), a definition published on one node in force on the other, and one node
 * killed with {@code kill -9} while four clients submit: the clients carry on on the other node with the same
 * sessions, and every acknowledged submission is there, once, with its own number. Runs with the MariaDB pass of
 * {@code .ci/run} (the nodes need a database both can reach).
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*mariadb.*")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String A = "http://localhost:18091";
    private static final String B = "http://localhost:18092";
    private static final Path DATA = Path.of("target", "it-data", "cluster");
    private static final Map<String, Process> NODES = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Files.createDirectories(DATA);
        // one after the other, as a rolling start does: the first migrates the schema and writes the demo data
        start("a", 18091);
        awaitReady(A);
        start("b", 18092);
        awaitReady(B);
    }

    @AfterAll
    static void stopNodes() {
        NODES.values().forEach(Process::destroyForcibly);
    }

    private static void start(String name, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", Path.of("target", "tongban.jar").toString(),
                "--server.port=" + port, "--tongban.data-dir=" + DATA.toAbsolutePath(),
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "cluster-node-" + name + ".log").toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "demo,mariadb");
        builder.environment().put("TONGBAN_DB_URL", System.getenv("TONGBAN_IT_MARIADB_URL"));
        NODES.put(name, builder.start());
    }

    private static void awaitReady(String node) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(node + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node " + node + " did not become ready; see target/cluster-node-*.log");
    }

    private static Browserless signedIn(String node, String user) {
        Browserless browser = new Browserless(node);
        browser.signIn(user, "Demo@2026");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
        return browser;
    }

    private static JsonNode ok(Page page) {
        assertThat(page.status()).as(page.uri() + " " + page.body()).isBetween(200, 201);
        return JSON.readTree(page.body());
    }

    /** A birth medical certificate application of 张三's, answered from his household and typed, not submitted. */
    private static String draft(Browserless browser, String babyName, String idempotencyKey) {
        String id = ok(browser.sendWithHeader("POST", "/api/v1/applications", "application/json",
                "{\"serviceCode\":\"birth-medical-certificate\"}", "Idempotency-Key", idempotencyKey)).path("id").asString();
        ok(browser.json("PUT", "/api/v1/applications/" + id + "/sources/household-register", "{\"decision\":\"granted\"}",
                true));
        JsonNode withMother = ok(browser.json("PUT", "/api/v1/applications/" + id + "/sources/household-member",
                "{\"decision\":\"granted\",\"recordKey\":\"110105199205121222\"}", true));
        ObjectNode answers = (ObjectNode) withMother.path("formData").deepCopy();
        answers.put("newbornName", babyName);
        answers.put("newbornGender", "female");
        answers.put("birthDate", "2026-11-22");
        answers.put("birthTime", "10:20");
        answers.put("birthWeightGrams", 3100);
        answers.put("birthLengthCm", 49);
        answers.put("gestationalWeeks", 39);
        answers.put("hospitalName", "北京市西城区妇幼保健院");
        answers.put("fatherName", "张三");
        answers.put("fatherIdNumber", "110105199003071239");
        answers.put("contactPhone", "13800138000");
        ok(browser.json("PUT", "/api/v1/applications/" + id + "/draft", "{\"formData\":" + answers + "}", true));
        return id;
    }

    @Test
    @Order(1)
    void aJourneyWhoseRequestsAlternateBetweenTheNodes() {
        Browserless parentA = signedIn(A, "zhangsan");
        Browserless parentB = parentA.through(B);
        // the session and the CSRF token made on one node work on the other
        assertThat(ok(parentB.get("/api/v1/me")).path("displayName").asString()).isEqualTo("张三");
        String id = draft(parentB, "张双节", UUID.randomUUID().toString());
        Page upload = parentA.upload("/api/v1/applications/" + id + "/attachments?material=father-id-document", "file",
                "father.png", "image/png", png());
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(ok(parentB.get("/api/v1/applications/" + id)).path("attachments")).hasSize(1);
        String number = ok(parentA.json("POST", "/api/v1/applications/" + id + "/submission", null, true)).path("number")
                .asString();

        Browserless clerkB = signedIn(B, "health-clerk");
        Browserless clerkA = clerkB.through(A);
        JsonNode queue = ok(clerkA.get("/api/v1/workbench/tasks?q=" + number));
        assertThat(queue.path("total").asInt()).isEqualTo(1);
        String instance = queue.path("items").get(0).path("instanceId").asString();
        String task = "/api/v1/workbench/tasks/" + instance + "/delivery-record-review";
        ok(clerkB.json("POST", task + "/claim", null, true));
        JsonNode opened = ok(clerkA.get(task));
        String document = opened.path("materials").valueStream()
                .filter(material -> material.path("code").asString().equals("father-id-document")).findFirst()
                .orElseThrow().path("documents").get(0).path("id").asString();
        // the file written by node A is read by node B
        assertThat(clerkB.get(task + "/documents/" + document).status()).isEqualTo(200);
        ok(clerkA.json("POST", task + "/decision", "{\"action\":\"approve\"}", true));

        assertThat(ok(parentB.get("/api/v1/applications/" + id)).path("status").asString()).isEqualTo("approved");
        List<String> certificates = ok(parentA.get("/api/v1/certificates")).valueStream()
                .filter(certificate -> certificate.path("type").asString().equals("birth-medical-certificate"))
                .map(certificate -> certificate.path("number").asString())
                .filter(certificateNumber -> parentB.get("/api/v1/certificates/" + certificateNumber).body()
                        .contains("张双节"))
                .toList();
        assertThat(certificates).hasSize(1);
        Page pdf = parentB.get("/api/v1/certificates/" + certificates.get(0) + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
    }

    @Test
    @Order(2)
    void aDefinitionPublishedOnOneNodeIsInForceOnTheOtherWithinSeconds() throws Exception {
        Browserless admin = signedIn(B, "health-admin");
        int before = ok(new Browserless(A).get("/api/v1/catalog/services/birth-medical-certificate")).path("version")
                .asInt();
        String changed = Files.readString(Path.of("../workflows/health/birth-medical-certificate.yaml"))
                .replaceFirst("promisedWorkingDays: (\\d+)", "promisedWorkingDays: 4");
        Page published = admin.send("POST", "/api/v1/workflow-admin/definitions?file=health/birth-medical-certificate.yaml",
                "application/yaml", changed);
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        Instant published_at = Instant.now();
        Instant deadline = published_at.plusSeconds(10);
        JsonNode onA;
        do {
            onA = ok(new Browserless(A).get("/api/v1/catalog/services/birth-medical-certificate"));
            if (onA.path("version").asInt() == before + 1) {
                break;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        assertThat(onA.path("version").asInt()).as("node A's catalogue after a publication on node B").isEqualTo(before + 1);
        assertThat(onA.path("promisedWorkingDays").asInt()).isEqualTo(4);
        System.out.printf("a publication on node B was in force on node A after %d ms%n",
                Duration.between(published_at, Instant.now()).toMillis());
    }

    @Test
    @Order(3)
    void killingOneNodeUnderLoadLosesNothingAcknowledged_andTheOtherKeepsServingTheSameSessions() throws Exception {
        int clients = 4;
        List<Browserless> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(signedIn(i % 2 == 0 ? A : B, "zhangsan"));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failovers = new AtomicInteger();
        AtomicInteger refusedAfterKill = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            // half the clients signed in on node A, half on B; after the kill everything goes to B
            Browserless primary = sessions.get(i);
            Browserless onB = i % 2 == 0 ? primary.through(B) : primary;
            int client = i;
            running.add(pool.submit(() -> {
                int round = 0;
                while (!stop.get()) {
                    round++;
                    int attempt = round;
                    String key = "cluster-" + client + "-" + attempt + "-" + UUID.randomUUID();
                    // the load balancer (as nginx.conf's proxy_next_upstream error timeout http_502 http_503): a
                    // request the first node cannot answer, or answers with 502/503 while dying, goes to the other one
                    Function<Function<Browserless, Page>, Page> balanced = request -> {
                        if (killed.get()) {
                            return request.apply(onB);
                        }
                        try {
                            Page answer = request.apply(primary);
                            if (answer.status() == 502 || answer.status() == 503) {
                                failovers.incrementAndGet();
                                return request.apply(onB);
                            }
                            return answer;
                        } catch (RuntimeException unreachable) {
                            failovers.incrementAndGet();
                            return request.apply(onB);
                        }
                    };
                    String id = JSON.readTree(balanced.apply(browser -> browser.sendWithHeader("POST",
                            "/api/v1/applications", "application/json", "{\"serviceCode\":\"birth-medical-certificate\"}",
                            "Idempotency-Key", key)).body()).path("id").asString();
                    Page register = balanced.apply(browser -> browser.json("PUT", "/api/v1/applications/" + id
                            + "/sources/household-register", "{\"decision\":\"granted\"}", true));
                    Page member = balanced.apply(browser -> browser.json("PUT", "/api/v1/applications/" + id
                            + "/sources/household-member", "{\"decision\":\"granted\",\"recordKey\":\"110105199205121222\"}",
                            true));
                    ObjectNode form = (ObjectNode) JSON.readTree(member.body()).path("formData").deepCopy();
                    form.setAll(answers("张负载" + client + "-" + attempt));
                    Page draft = balanced.apply(browser -> browser.json("PUT", "/api/v1/applications/" + id + "/draft",
                            "{\"formData\":" + form + "}", true));
                    Page submitted = balanced.apply(browser -> browser.json("POST",
                            "/api/v1/applications/" + id + "/submission", null, true));
                    if (submitted.status() != 200 && problems.size() < 5) {
                        // with what the steps before it answered, to tell a lost consent from a refused submission
                        problems.add(submitted.status() + " " + submitted.body() + " after household-register "
                                + register.status() + ", household-member " + member.status() + ", draft "
                                + draft.status() + (killed.get() ? " (after the kill)" : ""));
                    }
                    if (submitted.status() == 200) {
                        acknowledged.put(id, JSON.readTree(submitted.body()).path("number").asString());
                    } else if (killed.get() && (submitted.status() == 401 || submitted.status() == 403
                            || draft.status() == 401 || draft.status() == 403)) {
                        refusedAfterKill.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(8_000);
        int beforeKill = acknowledged.size();
        NODES.get("a").destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        killed.set(true);
        Thread.sleep(10_000);
        stop.set(true);
        for (Future<?> each : running) {
            each.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(problems).as("submissions refused").isEmpty();
        assertThat(beforeKill).as("submissions before the kill").isPositive();
        assertThat(acknowledged.size()).as("submissions after the kill, on node B").isGreaterThan(beforeKill);
        assertThat(refusedAfterKill.get()).as("sessions made on node A still signed in on node B").isZero();
        // every acknowledged submission is stored, submitted, with the number it was acknowledged with, once
        Browserless parent = sessions.get(1).through(B);
        for (Map.Entry<String, String> each : acknowledged.entrySet()) {
            JsonNode stored = ok(parent.get("/api/v1/applications/" + each.getKey()));
            assertThat(stored.path("number").asString()).isEqualTo(each.getValue());
            assertThat(stored.path("status").asString()).isIn("submitted", "in-progress");
        }
        assertThat(acknowledged.values().stream().distinct().count()).as("no number given twice")
                .isEqualTo(acknowledged.size());
        System.out.printf("kill -9 under load: %d submissions acknowledged (%d before the kill), %d requests failed over,"
                + " 0 lost%n", acknowledged.size(), beforeKill, failovers.get());
    }

    private static ObjectNode answers(String babyName) {
        ObjectNode answers = JSON.createObjectNode();
        answers.put("newbornName", babyName.length() > 50 ? babyName.substring(0, 50) : babyName);
        answers.put("newbornGender", "male");
        answers.put("birthDate", "2026-11-23");
        answers.put("birthTime", "07:45");
        answers.put("birthWeightGrams", 3300);
        answers.put("birthLengthCm", 50);
        answers.put("gestationalWeeks", 38);
        answers.put("hospitalName", "北京市西城区妇幼保健院");
        answers.put("fatherName", "张三");
        answers.put("fatherIdNumber", "110105199003071239");
        answers.put("contactPhone", "13800138000");
        return answers;
    }

    /** A one-pixel PNG. */
    private static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
