package org.tongban.notification.internal;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.rating.RatingEvents;
import org.tongban.workflow.WorkflowEvents;

/**
 * E-mails to the applicant, sent after the transition commits through Spring Modulith's event
 * publication registry: the publication is written in the transition's transaction, so an e-mail owed
 * is never forgotten, and one that failed (the mail server was down) is sent again by
 * {@link MailRetry}. Only present when a mail server is configured ({@code spring.mail.host}); without
 * one (the demo) the inbox is the channel and no publications are written for e-mail.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailNotifications {

    private final Notifications notifications;

    MailNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void mailSubmitted(WorkflowEvents.WorkflowStarted event) {
        notifications.mailApplicant(event.ref(), "submitted", Map.of());
    }

    @ApplicationModuleListener
    void mailCorrection(WorkflowEvents.CorrectionRequested event) {
        notifications.mailApplicant(event.ref(), "correction-requested", Map.of("reason", event.reason()));
    }

    @ApplicationModuleListener
    void mailDecided(WorkflowEvents.WorkflowEnded event) {
        notifications.mailApplicant(event.ref(), "decided-" + event.outcome(), Map.of());
        // 好差评: the invitation to rate goes with the decision (one delivery, not a second publication)
        notifications.mailApplicant(event.ref(), "rating-invited", Map.of());
    }

    @ApplicationModuleListener
    void mailRectificationAnswered(RatingEvents.RectificationAnswered event) {
        if (!"disputed".equals(event.kind())) {
            notifications.mailApplicant(event.ref(), "rectification-answered", Map.of());
        }
    }

    @ApplicationModuleListener
    void mailNotice(WorkflowEvents.AutomaticStepExecuted event) {
        if ("notify".equals(event.action())) {
            notifications.mailApplicant(event.ref(), "notice", Map.of("step", event.step()));
        }
    }
}
