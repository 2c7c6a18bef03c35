package org.tongban.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lease that lets one node of a cluster deliver failed notifications again: eight nodes asking at the same
 * moment, one holds it; its holder renews it; once it lapses (its holder died) another node takes it over.
 */
@SpringBootTest(properties = "tongban.data-dir=./target/it-data/embedded")
class LeaseIT {

    @Autowired
    Lease lease;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private String newLease() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWithoutResult(status -> jdbc.sql(
                "INSERT INTO cluster_lease (name, holder, held_until) VALUES (?, NULL, ?)")
                .params(name, Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"))).update());
        return name;
    }

    @Test
    void ofEightNodesAskingAtOnceOneHoldsIt() throws Exception {
        String name = newLease();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> taken = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String node = "node-" + i;
            taken.add(pool.submit(() -> {
                go.await();
                return lease.take(name, Duration.ofMinutes(2), node);
            }));
        }
        go.countDown();
        int holders = 0;
        for (Future<Boolean> each : taken) {
            holders += each.get(1, TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(holders).isEqualTo(1);
    }

    @Test
    void itsHolderRenewsIt_anotherNodeWaitsUntilItLapses() {
        String name = newLease();
        assertThat(lease.take(name, Duration.ofMinutes(2), "a")).isTrue();
        assertThat(lease.take(name, Duration.ofMinutes(2), "b")).isFalse();
        // a renews, this time for a lease that has already run out (as if a had died long ago)
        assertThat(lease.take(name, Duration.ofSeconds(-1), "a")).isTrue();
        assertThat(lease.take(name, Duration.ofMinutes(2), "b")).isTrue();
        assertThat(lease.take(name, Duration.ofMinutes(2), "a")).isFalse();
    }
}
