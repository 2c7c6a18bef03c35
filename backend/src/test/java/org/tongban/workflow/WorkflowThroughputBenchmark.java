package org.tongban.workflow;


import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.tongban.support.Workflows;

/**
 * Throughput of the engine on the three-department process (出生一件事: health → public security →
 * medical insurance, then an automatic step): applications started and driven to approval per
 * second, with 8 threads, and the JDBC statements and commits of one transition. Not part of the
 * test suite: run it on purpose, against MariaDB, and write the result to docs/benchmarks.md:
 *
 * <pre>
 * TONGBAN_DB_URL=jdbc:mysql://127.0.0.1:3306/tongban_bench ./mvnw -pl backend failsafe:integration-test \
 *     -Dit.test=WorkflowThroughputBenchmark -Dspring.profiles.active=demo,mariadb
 * </pre>
 */
@SpringBootTest(properties = {"tongban.data-dir=./target/it-data/benchmark", "tongban.workflow.timers.enabled=false",
        "logging.level.root=WARN"})
class WorkflowThroughputBenchmark {

    static final AtomicLong STATEMENTS = new AtomicLong();
    static final AtomicLong COMMITS = new AtomicLong();
    /** Statements and commits on the thread that fires the counted transition (the engine's own work). */
    static final AtomicLong OWN_STATEMENTS = new AtomicLong();
    static final AtomicLong OWN_COMMITS = new AtomicLong();
    static final ThreadLocal<Boolean> COUNTED = ThreadLocal.withInitial(() -> false);
    /** The benchmark's own queries for outstanding publications (not the portal's work). */
    static final AtomicLong POLLS = new AtomicLong();

    @TestConfiguration
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                            (proxy, method, args) -> {
                                Object result = method.invoke(dataSource, args);
                                if (result instanceof Connection connection) {
                                    return counting(connection);
                                }
                                return result;
                            });
                }
            };
        }

        static Connection counting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        boolean own = COUNTED.get();
                        switch (method.getName()) {
                            case "prepareStatement", "createStatement", "prepareCall" -> {
                                STATEMENTS.incrementAndGet();
                                if (own) {
                                    OWN_STATEMENTS.incrementAndGet();
                                }
                            }
                            case "commit" -> {
                                COMMITS.incrementAndGet();
                                if (own) {
                                    OWN_COMMITS.incrementAndGet();
                                }
                            }
                            default -> { }
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Autowired
    WorkflowEngine engine;

    @org.springframework.beans.factory.annotation.Autowired
    WorkflowDefinitions definitions;

    @Autowired
    DataSource dataSource;

    /** Waits until every module event published so far has been handled by its listeners. */
    private void listenersDone() throws InterruptedException {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (POLLS.incrementAndGet() > 0 && jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL").query(Long.class)
                .single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("listeners still busy after 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static final Actor HEALTH = Actor.clerk("health-clerk", "health");
    private static final Actor POLICE = Actor.clerk("police-clerk", "public-security");
    private static final Actor MEDINS = Actor.clerk("medins-clerk", "medical-insurance");

    private InstanceView drive(int n) {
        InstanceView view = Workflows.start(engine, definitions, "newborn", Map.of("contactPhone", "13800000000"), Actor.applicant("parent-" + n));
        view = engine.fire(view.id(), new WorkflowCommand.Approve("birth-certificate-review", null), HEALTH);
        view = engine.fire(view.id(), new WorkflowCommand.Approve("household-registration", null), POLICE);
        return engine.fire(view.id(), new WorkflowCommand.Approve("medical-insurance-enrolment", null), MEDINS);
    }

    @Test
    void threeDepartmentApplicationsPerSecond() throws Exception {
        // warm up the JIT, the pool and the machine pool
        for (int i = 0; i < 300; i++) {
            drive(i);
        }
        listenersDone();
        // one transition, counted: the engine's own statements and commits (on this thread), and all of
        // them once the listeners of its events are done too
        InstanceView view = Workflows.start(engine, definitions, "newborn", Map.of(), Actor.applicant("counted"));
        view = engine.fire(view.id(), new WorkflowCommand.Approve("birth-certificate-review", null), HEALTH);
        listenersDone();
        long statementsBefore = STATEMENTS.get() - POLLS.get();
        long commitsBefore = COMMITS.get();
        COUNTED.set(true);
        engine.fire(view.id(), new WorkflowCommand.Approve("household-registration", null), POLICE);
        COUNTED.set(false);
        long statements = OWN_STATEMENTS.get();
        long commits = OWN_COMMITS.get();
        Thread.sleep(200);
        listenersDone();
        long allStatements = STATEMENTS.get() - POLLS.get() - statementsBefore;
        long allCommits = COMMITS.get() - commitsBefore;

        int threads = Integer.getInteger("benchmark.threads", 8);
        int applications = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<InstanceView>> results = new ArrayList<>();
        for (int i = 0; i < applications; i++) {
            int n = 1000 + i;
            results.add(pool.submit(() -> drive(n)));
        }
        for (Future<InstanceView> result : results) {
            if (!"approved".equals(result.get().status())) {
                throw new AssertionError("not approved: " + result.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        listenersDone();
        double withListeners = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        String report = String.format(
                "applications=%d threads=%d seconds=%.2f applications_per_second=%.1f transitions_per_second=%.1f "
                        + "until_listeners_done_per_second=%.1f statements_per_transition=%d commits_per_transition=%d "
                        + "with_listeners_statements=%d with_listeners_commits=%d%n",
                applications, threads, seconds, applications / seconds, applications * 4 / seconds,
                applications / withListeners, statements, commits, allStatements, allCommits);
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-workflow.txt"), report);
    }

}
