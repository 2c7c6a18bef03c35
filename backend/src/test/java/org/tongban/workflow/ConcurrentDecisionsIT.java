package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.tongban.support.Workflows;
import org.tongban.shared.DomainException;
import org.tongban.shared.ProblemCode;

/**
 * Sixteen clerks press "approve" on the same step at the same moment, a hundred times over:
 * exactly one transition happens each time, the others get a 409 and change nothing. Runs on H2
 * and, in CI, on MariaDB (the database this is really about).
 */
@SpringBootTest(
        properties = {"tongban.data-dir=./target/it-data/concurrency", "tongban.workflow.timers.enabled=false"})
class ConcurrentDecisionsIT {

    private static final int THREADS = 16;
    private static final int ROUNDS = 100;

    @Autowired
    WorkflowEngine engine;

    @org.springframework.beans.factory.annotation.Autowired
    WorkflowDefinitions definitions;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void exactlyOneOfSixteenSimultaneousApprovalsGoesThrough() throws Exception {
        Actor clerk = Actor.clerk("market-clerk", "market-regulation");
        for (int round = 0; round < ROUNDS; round++) {
            InstanceView started = Workflows.start(engine, definitions, "food-business-licence", Map.of("businessArea", 60),
                    Actor.applicant("business-" + round));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        engine.fire(started.id(), new WorkflowCommand.Approve("acceptance", null), clerk);
                        return 200;
                    } catch (DomainException e) {
                        return e.code().kind() == ProblemCode.Kind.CONFLICT ? 409 : 400;
                    }
                }));
            }
            go.countDown();
            int succeeded = 0;
            for (Future<Integer> result : results) {
                int status = result.get(60, TimeUnit.SECONDS);
                if (status == 200) {
                    succeeded++;
                } else {
                    assertThat(status).isEqualTo(HttpStatus.CONFLICT.value());
                }
            }
            assertThat(succeeded).as("round %d", round).isEqualTo(1);
            InstanceView after = engine.find(started.id()).orElseThrow();
            assertThat(after.version()).isEqualTo(started.version() + 1);
            assertThat(after.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("review");
            assertThat(engine.history(started.id())).extracting(HistoryEntry::action).containsExactly("start", "approve");
        }
    }
}
