package org.tongban.notification.internal;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Events whose listeners failed (typically: the mail server was down) are delivered again once a
 * minute, so a notification is late but never lost. In a cluster one node does it — the holder of
 * the {@code notification-retry} lease — so that no delivery is made twice by two nodes at once.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
@ConditionalOnProperty(name = "tongban.notification.retry.enabled", havingValue = "true", matchIfMissing = true)
class MailRetry {

    static final String LEASE = "notification-retry";

    private final IncompleteEventPublications incomplete;
    private final Lease lease;

    MailRetry(IncompleteEventPublications incomplete, Lease lease) {
        this.incomplete = incomplete;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${tongban.notification.retry.interval:60s}", initialDelayString = "60s")
    void retry() {
        // held for longer than a round, renewed each round by its holder; lapses two rounds after its holder died
        if (lease.take(LEASE, Duration.ofMinutes(2))) {
            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofSeconds(30));
        }
    }
}
