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
                        switch (method.getName()) {
                            case "prepareStatement", "createStatement", "prepareCall" -> STATEMENTS.incrementAndGet();
                            case "commit" -> COMMITS.incrementAndGet();
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

    private static final Actor HEALTH = Actor.clerk("health-clerk", "health");
    private static final Actor POLICE = Actor.clerk("police-clerk", "public-security");
    private static final Actor MEDINS = Actor.clerk("medins-clerk", "medical-insurance");

    private InstanceView drive(int n) {
        InstanceView view = engine.start("newborn", Map.of("contactPhone", "13800000000"), Actor.applicant("parent-" + n));
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
        // one transition, counted
        InstanceView view = engine.start("newborn", Map.of(), Actor.applicant("counted"));
        view = engine.fire(view.id(), new WorkflowCommand.Approve("birth-certificate-review", null), HEALTH);
        long statementsBefore = STATEMENTS.get();
        long commitsBefore = COMMITS.get();
        engine.fire(view.id(), new WorkflowCommand.Approve("household-registration", null), POLICE);
        long statements = STATEMENTS.get() - statementsBefore;
        long commits = COMMITS.get() - commitsBefore;

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
        pool.shutdown();
        String report = String.format(
                "applications=%d threads=%d seconds=%.2f applications_per_second=%.1f transitions_per_second=%.1f "
                        + "statements_per_transition=%d commits_per_transition=%d%n",
                applications, threads, seconds, applications / seconds, applications * 4 / seconds, statements, commits);
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-workflow.txt"), report);
    }

}
