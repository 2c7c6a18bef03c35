package org.tongban.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cluster-wide lease on a piece of work ({@code cluster_lease}): whichever node takes it does the work until it
 * lapses; the node holding it renews it, any node takes it over once it has lapsed. Taken by one conditional update,
 * committed at once, so two nodes asking at the same moment never both hold it.
 */
@Component
class Lease {

    /** This JVM, as the holder of leases. */
    private final String node = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Lease(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Takes or renews the lease for {@code duration}; false when another node holds it. */
    boolean take(String name, Duration duration) {
        return take(name, duration, node);
    }

    boolean take(String name, Duration duration, String holder) {
        Timestamp now = Timestamp.from(clock.instant());
        Integer updated = transactions.execute(status -> jdbc.sql("""
                UPDATE cluster_lease SET holder = ?, held_until = ?
                WHERE name = ? AND (held_until < ? OR holder = ?)""")
                .params(holder, Timestamp.from(clock.instant().plus(duration)), name, now, holder).update());
        return updated != null && updated == 1;
    }
}
