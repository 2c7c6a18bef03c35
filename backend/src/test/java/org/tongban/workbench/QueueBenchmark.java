package org.tongban.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.support.Browserless;

/**
 * The clerks' queue with a million applications stored (MariaDB): the first page of a department's queue and a search
 * by application number, through HTTP as a signed-in clerk, p50/p95 over 200 requests after 30 to warm up. "Before"
 * replays, against the same data, the access pattern the queue had until the application module's refactoring (every
 * active task of the department, then each application looked up one by one, sorted and paged in memory); "after" is
 * the portal's endpoint (filtered, counted and paged in SQL). Not part of the test suite: run it on purpose, against a
 * database of its own, and write the result to docs/benchmarks.md:
 *
 * <pre>
 * mariadb -uroot -e "CREATE DATABASE tongban_bench; GRANT ALL ON tongban_bench.* TO 'tongban'@'localhost'"
 * TONGBAN_DB_URL=jdbc:mysql://127.0.0.1:3306/tongban_bench ./mvnw -pl backend failsafe:integration-test \
 *     -Dit.test=QueueBenchmark -Dspring.profiles.active=demo,mariadb
 * </pre>
 *
 * The first run seeds 1,000,000 finished applications with their workflow instances (MariaDB's sequence engine,
 * {@code seq_1_to_1000000}) and 1,000 waiting ones in market regulation's acceptance step; later runs reuse them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tongban.data-dir=./target/it-data/queue-benchmark", "tongban.workflow.timers.enabled=false",
                "logging.level.root=WARN"})
class QueueBenchmark {

    private static final int STORED = 1_000_000;
    private static final int WAITING = 1_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    // the pool's connections do not commit on their own (spring.datasource.hikari.auto-commit: false)
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void theQueueStaysFastWithAMillionApplications() {
        seed();
        Browserless clerk = new Browserless("http://localhost:" + port);
        clerk.signIn("market-clerk", "Demo@2026");
        String number = "TB-BENCH-" + String.format("%07d", STORED - WAITING / 2);

        Browserless.Page first = clerk.get("/api/v1/workbench/tasks?page=0&size=20");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"total\":" + WAITING);
        Browserless.Page found = clerk.get("/api/v1/workbench/tasks?q=" + number);
        assertThat(found.body()).contains(number).contains("\"total\":1");

        List<String> lines = new ArrayList<>();
        lines.add(line("first page, before (all tasks, applications one by one, paged in memory)",
                () -> before(null)));
        lines.add(line("first page, after (GET /api/v1/workbench/tasks)",
                () -> clerk.get("/api/v1/workbench/tasks?page=0&size=20").status()));
        lines.add(line("number search, before", () -> before(number)));
        lines.add(line("number search, after (GET …/tasks?q=<number>)",
                () -> clerk.get("/api/v1/workbench/tasks?q=" + number).status()));
        long applications = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
        System.out.printf(Locale.ROOT, "%n== queue benchmark: %,d applications stored, %,d waiting for market regulation%n",
                applications, WAITING);
        lines.forEach(System.out::println);
    }

    /** The old access pattern: every active task of the department, each application looked up, sorted, paged. */
    private int before(String search) {
        List<Map<String, Object>> tasks = jdbc.sql("""
                SELECT t.instance_id, t.step_id, t.due_at FROM workflow_task t
                WHERE t.department = 'market-regulation' AND t.status = 'ACTIVE' LIMIT 1000""").query().listOfRows();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> task : tasks) {
            Map<String, Object> application = jdbc.sql(
                    "SELECT id, number, applicant_name, form_data FROM application WHERE workflow_instance_id = ?")
                    .param(task.get("instance_id")).query().singleRow();
            if (search == null || String.valueOf(application.get("number")).contains(search)) {
                rows.add(Map.of("task", task, "application", application));
            }
        }
        rows.sort(Comparator.comparing(row -> String.valueOf(((Map<?, ?>) row.get("task")).get("due_at"))));
        List<Map<String, Object>> page = rows.subList(0, Math.min(20, rows.size()));
        return page.size() <= 20 ? 200 : 500;
    }

    private static String line(String what, Supplier<Integer> request) {
        for (int i = 0; i < WARM_UP; i++) {
            request.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            int status = request.get();
            nanos[i] = System.nanoTime() - start;
            assertThat(status).isEqualTo(200);
        }
        java.util.Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", what, nanos[RUNS / 2] / 1e6,
                nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, nanos[RUNS - 1] / 1e6);
    }

    private void seed() {
        long present = jdbc.sql("SELECT COUNT(*) FROM application WHERE number LIKE 'TB-BENCH-%'").query(Long.class)
                .single();
        if (present >= STORED) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM workflow_task WHERE instance_id LIKE 'bench-%'").update();
            jdbc.sql("DELETE FROM application WHERE number LIKE 'TB-BENCH-%'").update();
            jdbc.sql("DELETE FROM workflow_instance WHERE id LIKE 'bench-%'").update();
        });
        long definition = jdbc.sql("""
                SELECT id FROM workflow_definition WHERE service_code = 'food-business-licence'
                ORDER BY version DESC LIMIT 1""").query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM workflow_definition WHERE id = ?").param(definition)
                .query(Integer.class).single();
        Timestamp now = Timestamp.from(Instant.now());
        // finished applications, a hundred thousand at a time; the last WAITING ones are still running
        for (int from = 1; from <= STORED; from += 100_000) {
            int first = from;
            transactions.executeWithoutResult(status -> insertBatch(definition, version, now, first, first + 99_999));
        }
        Instant due = Instant.now().plus(5, ChronoUnit.DAYS);
        transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO workflow_task (instance_id, step_id, department, role, status, activated_at, warn_at,
                    due_at, escalate_at, next_timer_at)
                SELECT CONCAT('bench-i-', LPAD(seq, 7, '0')), 'acceptance', 'market-regulation', 'clerk', 'ACTIVE',
                    ?, ?, DATE_ADD(?, INTERVAL seq MOD 500 MINUTE), ?, NULL
                FROM seq_%d_to_%d""".formatted(STORED - WAITING + 1, STORED))
                .params(now, Timestamp.from(due.minus(1, ChronoUnit.DAYS)), Timestamp.from(due),
                        Timestamp.from(due.plus(1, ChronoUnit.DAYS)))
                .update());
        jdbc.sql("ANALYZE TABLE application, workflow_instance, workflow_task").query().listOfRows();
    }

    private void insertBatch(long definition, int version, Timestamp now, int from, int to) {
        jdbc.sql("""
                    INSERT INTO workflow_instance (id, definition_id, service_code, definition_version, state, status,
                        form_data, applicant, application_id, reference, applicant_name, started_at, updated_at,
                        ended_at, history_size, version)
                    SELECT CONCAT('bench-i-', LPAD(seq, 7, '0')), ?, 'food-business-licence', ?,
                        IF(seq > ?, 'acceptance', 'approved'), IF(seq > ?, 'running', 'approved'), '{}',
                        CONCAT('bench-', seq MOD 5000), CONCAT('bench-a-', LPAD(seq, 7, '0')),
                        CONCAT('TB-BENCH-', LPAD(seq, 7, '0')), CONCAT('王五', seq MOD 1000), ?, ?,
                        IF(seq > ?, NULL, ?), 2, 0
                    FROM seq_%d_to_%d""".formatted(from, to))
                    .params(definition, version, STORED - WAITING, STORED - WAITING, now, now, STORED - WAITING, now)
                    .update();
            jdbc.sql("""
                    INSERT INTO application (id, number, service_code, definition_version, applicant_subject,
                        applicant_name, enterprise_uscc, enterprise_name, status, form_data, workflow_instance_id,
                        created_at, updated_at, submitted_at, version)
                    SELECT CONCAT('bench-a-', LPAD(seq, 7, '0')), CONCAT('TB-BENCH-', LPAD(seq, 7, '0')),
                        'food-business-licence', ?, CONCAT('bench-', seq MOD 5000), CONCAT('王五', seq MOD 1000),
                        NULL, NULL, IF(seq > ?, 'in-progress', 'approved'),
                        '{"enterpriseName":"示范餐饮有限公司","premisesAddress":"杭州市西湖区文三路 100 号"}',
                        CONCAT('bench-i-', LPAD(seq, 7, '0')), ?, ?, ?, 1
                    FROM seq_%d_to_%d""".formatted(from, to))
                    .params(version, STORED - WAITING, now, now, now).update();
    }
}

