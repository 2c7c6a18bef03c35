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
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongban.application.ApplicationSummary;
import org.tongban.application.Applications;
import org.tongban.certificate.CertificateIssued;
import org.tongban.certificate.CertificateRevoked;
import org.tongban.certificate.Text;
import org.tongban.rating.RatingEvents;
import org.tongban.workbench.TaskReassigned;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEvents;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns workflow events into inbox entries (in the transaction of the event's cause) and renders the
 * e-mails that {@link MailNotifications} sends after commit. A mail server that is down never blocks
 * or duplicates the inbox; the e-mail is retried on its own (see {@link MailRetry}).
 */
@Component
class Notifications {

    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;
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

    /**
     * One inbox entry, rendered in the reader's language. {@code instanceId} and {@code step} name the
     * workflow step a clerk's entry is about (for a link to the task; null on older entries and on the
     * applicant's); {@code department} is set on department-inbox entries, which all its clerks share.
     */
    record Entry(String id, String kind, String applicationId, String instanceId, String step, String department,
            String certificate, String title, String body, Instant createdAt, boolean read) {
    }

    // ---------------------------------------------------------------- inbox
    // Inbox entries are written in the transaction of what they report (the transition, the time-limit
    // timer, the reassignment), just before it commits: an entry exists exactly when its cause does,
    // and costs one insert instead of an event publication with three more commits.

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void submitted(WorkflowEvents.WorkflowStarted event) {
        applicant(event.ref(), "submitted", Map.of());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void correctionRequested(WorkflowEvents.CorrectionRequested event) {
        applicant(event.ref(), "correction-requested", Map.of("reason", event.reason()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void stepCompleted(WorkflowEvents.StepCompleted event) {
        if ("approve".equals(event.action())) {
            applicant(event.ref(), "step-approved", Map.of("step", event.step()));
        }
    }

    /** A notify step: the applicant hears what the definition says, in their language. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void automaticStep(WorkflowEvents.AutomaticStepExecuted event) {
        if ("notify".equals(event.action())) {
            applicant(event.ref(), "notice", Map.of("step", event.step()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void decided(WorkflowEvents.WorkflowEnded event) {
        applicant(event.ref(), "decided-" + event.outcome(), Map.of());
    }

    // ---------------------------------------------------------------- 好差评

    /** The application ended: the applicant is asked to rate it. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void ratingInvited(RatingEvents.RatingInvited event) {
        applicant(event.ref(), "rating-invited", Map.of());
    }

    /** A bad rating: the rated department's inbox hears of the rectification and its limit. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void rectificationOpened(RatingEvents.RectificationOpened event) {
        insert("department:" + event.department(), "rectification-opened", event.ref(),
                Map.of("rectification", event.rectificationId(), "due",
                        DUE.format(event.dueAt().minusNanos(1).atZone(BEIJING))));
    }

    /** The department answered the applicant's bad rating. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void rectificationAnswered(RatingEvents.RectificationAnswered event) {
        if (!"disputed".equals(event.kind())) {
            applicant(event.ref(), "rectification-answered", Map.of("rectification", event.rectificationId()));
        }
    }

    /** The platform admin decided the department's dispute. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void disputeDecided(RatingEvents.DisputeDecided event) {
        insert("department:" + event.department(), event.upheld() ? "dispute-upheld" : "dispute-rejected",
                event.ref(), Map.of("rectification", event.rectificationId()));
        if (event.upheld()) {
            applicant(event.ref(), "rectification-answered", Map.of("rectification", event.rectificationId()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void warning(WorkflowEvents.TimeLimitWarning event) {
        department(event.ref(), event.department(), "time-limit-warning", event.step());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void overdue(WorkflowEvents.TimeLimitOverdue event) {
        department(event.ref(), event.department(), "time-limit-overdue", event.step());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void escalated(WorkflowEvents.TimeLimitEscalated event) {
        department(event.ref(), event.department(), "time-limit-escalated", event.step());
    }

    /** A step waits for the applicant: confirm the result, reopen, or supply information. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void awaitingApplicant(WorkflowEvents.ApplicantStepStarted event) {
        applicant(event.ref(), "awaiting-applicant", Map.of("step", event.step()));
    }

    /** 派单: the named official hears that the next step is theirs. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void assigned(WorkflowEvents.TaskAssigned event) {
        insert(event.assignee(), "task-assigned-to-you", event.ref(),
                Map.of("step", event.step(), "instanceId", event.ref().instanceId()));
    }

    /** An escalation handed the task over: the receiving department hears it (its inbox, all its officials). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void taskEscalated(WorkflowEvents.TaskEscalated event) {
        department(event.ref(), event.department(), "task-escalated-to-you", event.step());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void reassigned(TaskReassigned event) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("step", event.step());
        extra.put("instanceId", event.ref().instanceId());
        extra.put("reason", event.reason() == null ? "" : event.reason());
        if (event.to() != null) {
            insert(event.to(), "task-reassigned-to-you", event.ref(), extra);
        }
        if (event.from() != null && !event.from().equals(event.to())) {
            insert(event.from(), "task-reassigned-away", event.ref(), extra);
        }
    }

    /** The holder hears that a certificate is in their wallet (我的证照). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void certificateIssued(CertificateIssued event) {
        certificate(event.holder().subject(), "certificate-issued", event.applicationId(), event.number(),
                event.typeName(), null);
    }

    /** The holder hears that the issuing department revoked a certificate, and why. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void certificateRevoked(CertificateRevoked event) {
        certificate(event.holder().subject(), "certificate-revoked", null, event.number(), event.typeName(),
                event.reason());
    }

    private void certificate(String recipient, String kind, String applicationId, String number, Text typeName,
            String reason) {
        if (recipient == null) {
            return;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("number", number);
        parameters.put("certificate", number);
        parameters.put("serviceZh", typeName.zh());
        parameters.put("serviceEn", typeName.en());
        if (reason != null) {
            parameters.put("reason", reason);
        }
        jdbc.sql("""
                INSERT INTO notification (id, recipient, kind, application_id, parameters, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), recipient, kind, applicationId,
                        json.writeValueAsString(parameters), Timestamp.from(clock.instant()))
                .update();
    }

    // ---------------------------------------------------------------- reading

    List<Entry> inbox(String subject, List<String> departments, Locale locale) {
        List<Object> recipients = recipients(subject, departments);
        return jdbc.sql("SELECT id, kind, application_id, parameters, created_at, read_at, recipient FROM notification"
                        + " WHERE recipient IN (" + placeholders(recipients) + ") ORDER BY created_at DESC, id LIMIT 200")
                .params(recipients)
                .query((rs, n) -> {
                    Map<String, Object> parameters = json.readValue(rs.getString(4), MAP);
                    String kind = rs.getString(2);
                    String recipient = rs.getString(7);
                    String body = text(kind, "body", parameters, locale);
                    Object reason = parameters.get("reason");
                    if (kind.startsWith("task-reassigned") && reason != null && !reason.toString().isBlank()) {
                        body = body + " " + messages.getMessage("notification.reason", new Object[] {reason},
                                reason.toString(), locale);
                    }
                    return new Entry(rs.getString(1), kind, rs.getString(3), string(parameters.get("instanceId")),
                            string(parameters.get("step")),
                            recipient.startsWith("department:") ? recipient.substring("department:".length()) : null,
                            string(parameters.get("certificate")), text(kind, "title", parameters, locale), body, rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6) != null);
                }).list();
    }

    /** How many of my entries (and my departments') are unread. */
    long unread(String subject, List<String> departments) {
        List<Object> recipients = recipients(subject, departments);
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE read_at IS NULL AND recipient IN ("
                + placeholders(recipients) + ")").params(recipients).query(Long.class).single();
    }

    /** Marks every unread entry of mine (and my departments') read; answers how many were. */
    @org.springframework.transaction.annotation.Transactional
    int markAllRead(String subject, List<String> departments) {
        List<Object> recipients = recipients(subject, departments);
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(clock.instant()));
        params.addAll(recipients);
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE read_at IS NULL AND recipient IN ("
                + placeholders(recipients) + ")").params(params).update();
    }

    private static List<Object> recipients(String subject, List<String> departments) {
        List<Object> recipients = new ArrayList<>();
        recipients.add(subject);
        departments.forEach(department -> recipients.add("department:" + department));
        return recipients;
    }

    private static String placeholders(List<Object> values) {
        return String.join(", ", values.stream().map(r -> "?").toList());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
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

    private void applicant(WorkflowEvents.Ref ref, String kind, Map<String, Object> extra) {
        insert(ref.applicant(), kind, ref, extra);
    }

    private void department(WorkflowEvents.Ref ref, String department, String kind, String step) {
        insert("department:" + department, kind, ref, Map.of("step", step, "instanceId", ref.instanceId()));
    }

    private void insert(String recipient, String kind, WorkflowEvents.Ref ref, Map<String, Object> extra) {
        Map<String, Object> parameters = parameters(ref, extra);
        jdbc.sql("""
                INSERT INTO notification (id, recipient, kind, application_id, parameters, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), recipient, kind, ref.applicationId(),
                        json.writeValueAsString(parameters), Timestamp.from(clock.instant()))
                .update();
    }

    /** Sends the applicant the same text by e-mail, after commit (see {@link MailNotifications}). */
    void mailApplicant(WorkflowEvents.Ref ref, String kind, Map<String, Object> extra) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return; // no mail server configured (the demo): the inbox is the channel
        }
        // the address is the one thing the event does not carry: it is asked for only when mail goes out
        String address = applications.find(ref.applicationId()).map(ApplicationSummary::applicantEmail).orElse(null);
        if (address == null) {
            return;
        }
        Map<String, Object> parameters = parameters(ref, extra);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(text(kind, "title", parameters, Locale.SIMPLIFIED_CHINESE) + " / "
                + text(kind, "title", parameters, Locale.US));
        message.setText(text(kind, "body", parameters, Locale.SIMPLIFIED_CHINESE) + "\n\n"
                + text(kind, "body", parameters, Locale.US) + "\n");
        // a failure leaves the event publication incomplete: MailRetry sends it again later
        sender.send(message);
        log.debug("Mailed {} about {}", kind, ref.reference());
    }

    /** The texts' parameters, with the names of the service and the step as in the application's own version. */
    private Map<String, Object> parameters(WorkflowEvents.Ref ref, Map<String, Object> extra) {
        Map<String, Object> parameters = new LinkedHashMap<>(extra);
        parameters.put("number", ref.reference());
        parameters.put("serviceCode", ref.serviceCode());
        definitions.version(ref.serviceCode(), ref.definitionVersion()).ifPresent(published -> {
            parameters.put("serviceZh", published.service().name().zh());
            parameters.put("serviceEn", published.service().name().en());
            Object step = extra.get("step");
            if (step != null) {
                published.step(step.toString()).ifPresent(s -> {
                    parameters.put("stepZh", s.name().zh());
                    parameters.put("stepEn", s.name().en());
                    if (s instanceof Step.Automatic automatic && automatic.message() != null) {
                        parameters.put("messageZh", automatic.message().zh());
                        parameters.put("messageEn", automatic.message().en());
                    }
                });
            }
        });
        return parameters;
    }

    private String text(String kind, String part, Map<String, Object> p, Locale locale) {
        boolean en = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        Object[] args = {p.getOrDefault("number", ""), en ? p.getOrDefault("serviceEn", "") : p.getOrDefault("serviceZh", ""),
                en ? p.getOrDefault("stepEn", p.getOrDefault("step", "")) : p.getOrDefault("stepZh", p.getOrDefault("step", "")),
                p.getOrDefault("reason", ""),
                en ? p.getOrDefault("messageEn", p.getOrDefault("messageZh", "")) : p.getOrDefault("messageZh", ""),
                p.getOrDefault("due", "")};
        return messages.getMessage("notification." + kind + "." + part, args, kind, locale);
    }
}
