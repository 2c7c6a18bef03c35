package org.tongban.notification.internal;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Events whose listeners failed (typically: the mail server was down) are delivered again once a
 * minute, so a notification is late but never lost.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
@ConditionalOnProperty(name = "tongban.notification.retry.enabled", havingValue = "true", matchIfMissing = true)
class MailRetry {

    private final IncompleteEventPublications incomplete;

    MailRetry(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(fixedDelayString = "${tongban.notification.retry.interval:60s}", initialDelayString = "60s")
    void retry() {
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofSeconds(30));
    }
}
