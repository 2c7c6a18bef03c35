package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away while the portal runs (on H2 and on MariaDB: every connection the pool holds or makes fails as a
 * network failure would): requests get a 503 problem with Retry-After within 3 s, readiness goes DOWN within
 * 5 s, and both recover when the database is back. Readiness also waits for the start-up runners.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/outage")
@Import(DatabaseOutageIT.Outage.class)
class DatabaseOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Outage.Switch database;

    @Autowired
    Outage.SeenByRunner seenByRunner;

    private Browserless browser() {
        return new Browserless("http://localhost:" + port);
    }

    @Test
    void readinessWaitsForTheStartUpRunners() {
        assertThat(seenByRunner.states()).isNotEmpty().containsOnly(ReadinessState.REFUSING_TRAFFIC);
        assertThat(seenByRunner.httpStatuses()).isNotEmpty().containsOnly(503);
        assertThat(browser().getOnce("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void whileTheDatabaseIsDownRequestsGetA503QuicklyAndReadinessGoesDown() {
        Browserless citizen = browser();
        citizen.signIn("lisi", "Demo@2026");
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(browser().getOnce("/actuator/health/readiness").status()).isEqualTo(200);

        long down = System.nanoTime();
        database.down = true;
        try {
            long before = System.nanoTime();
            Page anonymous = browser().getOnce("/api/v1/departments", "Accept-Language", "en-US");
            Duration toAnswer = Duration.ofNanos(System.nanoTime() - before);
            assertUnavailable(anonymous);
            assertThat(toAnswer).isLessThan(Duration.ofSeconds(3));
            assertThat(JSON.readTree(anonymous.body()).path("title").asString())
                    .isEqualTo("Service temporarily unavailable");

            // the signed-in person's session lives in the database too: read before any controller runs
            before = System.nanoTime();
            Page signedIn = citizen.getOnce("/api/v1/me");
            Duration toAnswerSignedIn = Duration.ofNanos(System.nanoTime() - before);
            assertUnavailable(signedIn);
            assertThat(toAnswerSignedIn).isLessThan(Duration.ofSeconds(3));

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                    browser().getOnce("/actuator/health/readiness").status() == 503);
            Duration toNotReady = Duration.ofNanos(System.nanoTime() - down);
            assertThat(browser().getOnce("/actuator/health/liveness").status()).isEqualTo(200);
            System.out.printf("OUTAGE: 503 after %d ms (anonymous), %d ms (signed in); readiness DOWN after %d ms%n",
                    toAnswer.toMillis(), toAnswerSignedIn.toMillis(), toNotReady.toMillis());
        } finally {
            database.down = false;
        }
        long up = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                browser().getOnce("/actuator/health/readiness").status() == 200);
        Duration toReady = Duration.ofNanos(System.nanoTime() - up);
        assertThat(browser().getOnce("/api/v1/departments").status()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);
        System.out.printf("OUTAGE: ready again %d ms after the database came back%n", toReady.toMillis());
    }

    private static void assertUnavailable(Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("10");
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(page.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:tongban:problem:service-unavailable");
        assertThat(problem.path("detail").asString()).contains("10").doesNotContain("{0}");
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {

        /** Off: the database works. On: every connection fails as if the network to the database were cut. */
        static final class Switch {
            volatile boolean down;
        }

        record SeenByRunner(List<ReadinessState> states, List<Integer> httpStatuses) {
        }

        @Bean
        static Switch databaseSwitch() {
            return new Switch();
        }

        @Bean
        SeenByRunner seenByRunner() {
            return new SeenByRunner(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        /** Runs among the start-up runners and looks at readiness from inside and over HTTP. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner readinessDuringStartUp(ApplicationAvailability availability, Environment environment,
                SeenByRunner seen) {
            return args -> {
                seen.states().add(availability.getReadinessState());
                HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + environment.getProperty("local.server.port") + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                seen.httpStatuses().add(response.statusCode());
            };
        }

        @Bean
        static BeanPostProcessor breakableDatabase(org.springframework.beans.factory.ObjectProvider<Switch> database) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof HikariDataSource hikari && hikari.getDataSource() == null) {
                        // H2 or MariaDB, whichever the run uses, through its JDBC driver
                        DataSource real = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                                hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                        hikari.setDataSource(breakable(real, database.getObject()));
                    }
                    return bean;
                }
            };
        }

        private static DataSource breakable(DataSource target, Switch database) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            if (database.down) {
                                throw new SQLNonTransientConnectionException("database unreachable (test)", "08001");
                            }
                            return breakable((Connection) invoke(target, method, args), database);
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Connection breakable(Connection target, Switch database) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (database.down) {
                            switch (method.getName()) {
                                case "close", "isClosed", "abort" -> {
                                    return invoke(target, method, args);
                                }
                                case "isValid" -> {
                                    return false;
                                }
                                default -> throw new SQLNonTransientConnectionException(
                                        "connection to the database lost (test)", "08S01");
                            }
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
