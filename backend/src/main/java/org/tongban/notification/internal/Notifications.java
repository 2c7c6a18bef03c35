package org.tongban.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEvents;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns workflow events into inbox entries and e-mails. The inbox entry and the e-mail are separate
 * listeners, so a mail server that is down never duplicates or blocks the inbox, and the e-mail is
 * retried on its own (see {@link MailRetry}).
 */
@Component
class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Applications applications;
    private final WorkflowDefinitions definitions;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final String from;

    Notifications(JdbcClient jdbc, Applications applications, WorkflowDefinitions definitions,
            ObjectProvider<JavaMailSender> mail, MessageSource messages, JsonMapper json, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tongban.notification.from:noreply@tongban.example}") String from) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.definitions = definitions;
        this.mail = mail;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.from = from;
    }

    /** One inbox entry, rendered in the reader's language. */
    record Entry(String id, String kind, String applicationId, String title, String body, Instant createdAt,
            boolean read) {
    }

    // ---------------------------------------------------------------- inbox

    @ApplicationModuleListener
    void submitted(WorkflowEvents.WorkflowStarted event) {
        applicant(event.instanceId(), "submitted", Map.of());
    }

    @ApplicationModuleListener
    void correctionRequested(WorkflowEvents.CorrectionRequested event) {
        applicant(event.instanceId(), "correction-requested", Map.of("reason", event.reason()));
    }

    @ApplicationModuleListener
    void stepCompleted(WorkflowEvents.StepCompleted event) {
        if ("approve".equals(event.action())) {
            applicant(event.instanceId(), "step-approved", Map.of("step", event.step()));
        }
    }

    @ApplicationModuleListener
    void decided(WorkflowEvents.WorkflowEnded event) {
        applicant(event.instanceId(), "decided-" + event.outcome(), Map.of());
    }

    @ApplicationModuleListener
    void warning(WorkflowEvents.TimeLimitWarning event) {
        department(event.instanceId(), event.department(), "time-limit-warning", event.step());
    }

    @ApplicationModuleListener
    void overdue(WorkflowEvents.TimeLimitOverdue event) {
        department(event.instanceId(), event.department(), "time-limit-overdue", event.step());
    }

    @ApplicationModuleListener
    void escalated(WorkflowEvents.TimeLimitEscalated event) {
        department(event.instanceId(), event.department(), "time-limit-escalated", event.step());
    }

    // ---------------------------------------------------------------- e-mail (its own listeners: retried alone)

    @ApplicationModuleListener
    void mailSubmitted(WorkflowEvents.WorkflowStarted event) {
        mailApplicant(event.instanceId(), "submitted", Map.of());
    }

    @ApplicationModuleListener
    void mailCorrection(WorkflowEvents.CorrectionRequested event) {
        mailApplicant(event.instanceId(), "correction-requested", Map.of("reason", event.reason()));
    }

    @ApplicationModuleListener
    void mailDecided(WorkflowEvents.WorkflowEnded event) {
        mailApplicant(event.instanceId(), "decided-" + event.outcome(), Map.of());
    }

    // ---------------------------------------------------------------- reading

    List<Entry> inbox(String subject, List<String> departments, Locale locale) {
        List<Object> recipients = new ArrayList<>();
        recipients.add(subject);
        departments.forEach(department -> recipients.add("department:" + department));
        String placeholders = String.join(", ", recipients.stream().map(r -> "?").toList());
        return jdbc.sql("SELECT id, kind, application_id, parameters, created_at, read_at FROM notification"
                        + " WHERE recipient IN (" + placeholders + ") ORDER BY created_at DESC LIMIT 200")
                .params(recipients)
                .query((rs, n) -> {
                    Map<String, Object> parameters = json.readValue(rs.getString(4), MAP);
                    String kind = rs.getString(2);
                    return new Entry(rs.getString(1), kind, rs.getString(3), text(kind, "title", parameters, locale),
                            text(kind, "body", parameters, locale), rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6) != null);
                }).list();
    }

    @org.springframework.transaction.annotation.Transactional
    boolean markRead(String id, String subject, List<String> departments) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        params.add(id);
        params.add(subject);
        departments.forEach(department -> params.add("department:" + department));
        String placeholders = String.join(", ", departments.stream().map(d -> "?").toList());
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND (recipient = ?"
                + (departments.isEmpty() ? "" : " OR recipient IN (" + placeholders + ")") + ")")
                .params(params).update() == 1;
    }

    // ---------------------------------------------------------------- helpers

    private void applicant(String instanceId, String kind, Map<String, Object> extra) {
        applications.byWorkflowInstance(instanceId).ifPresent(application ->
                insert(application.applicantSubject(), kind, application, extra));
    }

    private void department(String instanceId, String department, String kind, String step) {
        applications.byWorkflowInstance(instanceId).ifPresent(application ->
                insert("department:" + department, kind, application, Map.of("step", step)));
    }

    private void insert(String recipient, String kind, ApplicationSummary application, Map<String, Object> extra) {
        Map<String, Object> parameters = parameters(application, extra);
        jdbc.sql("""
                INSERT INTO notification (id, recipient, kind, application_id, parameters, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), recipient, kind, application.id(),
                        json.writeValueAsString(parameters), Timestamp.from(clock.instant()))
                .update();
    }

    private void mailApplicant(String instanceId, String kind, Map<String, Object> extra) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return; // no mail server configured (the demo): the inbox is the channel
        }
        applications.byWorkflowInstance(instanceId).ifPresent(application -> {
            if (application.applicantEmail() == null) {
                return;
            }
            Map<String, Object> parameters = parameters(application, extra);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(application.applicantEmail());
            message.setSubject(text(kind, "title", parameters, Locale.SIMPLIFIED_CHINESE) + " / "
                    + text(kind, "title", parameters, Locale.US));
            message.setText(text(kind, "body", parameters, Locale.SIMPLIFIED_CHINESE) + "\n\n"
                    + text(kind, "body", parameters, Locale.US) + "\n");
            // a failure leaves the event publication incomplete: MailRetry sends it again later
            sender.send(message);
            log.debug("Mailed {} about {}", kind, application.number());
        });
    }

    private Map<String, Object> parameters(ApplicationSummary application, Map<String, Object> extra) {
        Map<String, Object> parameters = new LinkedHashMap<>(extra);
        parameters.put("number", application.number());
        parameters.put("serviceCode", application.serviceCode());
        definitions.latest(application.serviceCode()).ifPresent(published -> {
            parameters.put("serviceZh", published.definition().service().name().zh());
            parameters.put("serviceEn", published.definition().service().name().en());
            Object step = extra.get("step");
            if (step != null) {
                published.definition().step(step.toString()).ifPresent(s -> {
                    parameters.put("stepZh", s.name().zh());
                    parameters.put("stepEn", s.name().en());
                });
            }
        });
        return parameters;
    }

    private String text(String kind, String part, Map<String, Object> p, Locale locale) {
        boolean en = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        Object[] args = {p.getOrDefault("number", ""), en ? p.getOrDefault("serviceEn", "") : p.getOrDefault("serviceZh", ""),
                en ? p.getOrDefault("stepEn", p.getOrDefault("step", "")) : p.getOrDefault("stepZh", p.getOrDefault("step", "")),
                p.getOrDefault("reason", "")};
        return messages.getMessage("notification." + kind + "." + part, args, kind, locale);
    }
}
