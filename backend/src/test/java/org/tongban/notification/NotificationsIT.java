package org.tongban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowCommand;
import org.tongban.workflow.WorkflowEngine;

/**
 * Applicants hear of their application in the inbox and by e-mail (an in-process SMTP server,
 * GreenMail, stands in for the mail server); e-mails wait while the mail server is down and go out
 * when it is back; nothing is lost.
 */
@SpringBootTest(properties = {"tongban.data-dir=./target/it-data/notifications", "spring.mail.host=127.0.0.1",
        "spring.mail.port=3925", "tongban.notification.retry.enabled=false", "tongban.workflow.timers.enabled=false"})
class NotificationsIT {

    private final GreenMail mailServer = new GreenMail(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    WorkflowEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @AfterEach
    void stopMail() {
        mailServer.stop();
    }

    /** An application as the application module stores it at submission, with its workflow. */
    private String submit(String subject, String email) {
        String id = UUID.randomUUID().toString();
        return transactions.execute(status -> {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("""
                    INSERT INTO application (id, number, service_code, definition_version, applicant_subject,
                        applicant_name, applicant_email, status, form_data, created_at, updated_at, submitted_at, version)
                    VALUES (?, ?, 'birth-medical-certificate', 1, ?, '王芳', ?, 'submitted', '{}', ?, ?, ?, 0)""")
                    .params(id, "20261127-" + id.substring(0, 6).toUpperCase(), subject, email, now, now, now).update();
            InstanceView started = engine.start(new WorkflowEngine.Start("birth-medical-certificate", 1, id,
                    "20261127-" + id.substring(0, 6).toUpperCase(), Actor.applicant(subject), "王芳", Map.of()));
            jdbc.sql("UPDATE application SET workflow_instance_id = ? WHERE id = ?").params(started.id().value(), id)
                    .update();
            return started.id().value();
        });
    }

    private long inbox(String subject, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = ? AND kind = ?").params(subject, kind)
                .query(Long.class).single();
    }

    @Test
    void theApplicantIsToldInTheInboxAndByMail() throws Exception {
        mailServer.start();
        String subject = "mother-" + UUID.randomUUID();
        String instance = submit(subject, "wangfang@example.org");

        await().atMost(Duration.ofSeconds(15)).until(() -> inbox(subject, "submitted") == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailServer.getReceivedMessages().length >= 1);
        MimeMessage mail = mailServer.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("wangfang@example.org");
        assertThat(mail.getSubject()).contains("办件已提交").contains("Application submitted");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();

        engine.fire(new org.tongban.workflow.InstanceId(instance), new WorkflowCommand.RequestCorrection(
                "delivery-record-review", java.util.List.of("motherIdNumber"), "身份证号与分娩记录不一致"),
                Actor.clerk("health-clerk", "health"));
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox(subject, "correction-requested") == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailServer.getReceivedMessages().length >= 2);
    }

    /**
     * Inbox entries and the application's status are written in the transaction of their cause: they are
     * there as soon as it commits (no waiting), and not at all when it rolls back.
     */
    @Test
    void inboxEntriesAndStatusExistExactlyWhenTheirCauseDoes() {
        String subject = "mother-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            submit(subject, null);
            status.setRollbackOnly();
        });
        assertThat(inbox(subject, "submitted")).as("a submission rolled back tells nobody").isZero();

        String instance = submit(subject, null);
        assertThat(inbox(subject, "submitted")).as("written with the submission, no waiting").isEqualTo(1);

        // a correction request whose transaction rolls back: no entry, the status stays
        org.tongban.workflow.InstanceId id = new org.tongban.workflow.InstanceId(instance);
        WorkflowCommand.RequestCorrection correction = new WorkflowCommand.RequestCorrection("delivery-record-review",
                java.util.List.of("motherIdNumber"), "身份证号与分娩记录不一致");
        Actor clerk = Actor.clerk("health-clerk", "health");
        transactions.executeWithoutResult(status -> {
            engine.fire(id, correction, clerk);
            status.setRollbackOnly();
        });
        assertThat(inbox(subject, "correction-requested")).isZero();
        assertThat(status(instance)).isEqualTo("submitted");

        engine.fire(id, correction, clerk);
        assertThat(inbox(subject, "correction-requested")).isEqualTo(1);
        assertThat(status(instance)).isEqualTo("correction");
    }

    private String status(String instance) {
        return jdbc.sql("SELECT status FROM application WHERE workflow_instance_id = ?").param(instance)
                .query(String.class).single();
    }

    @Test
    void mailWaitsForTheMailServerAndIsNotLost() throws Exception {
        // the mail server is down
        String subject = "mother-" + UUID.randomUUID();
        submit(subject, "late@example.org");
        await().atMost(Duration.ofSeconds(15)).until(() -> inbox(subject, "submitted") == 1);
        Thread.sleep(1500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE ?")
                .param("%mailSubmitted%").query(Long.class).single()).as("the e-mail is still owed").isPositive();

        // back up: the retry delivers it
        mailServer.start();
        incomplete.resubmitIncompletePublications(publication -> true);
        await().atMost(Duration.ofSeconds(15)).until(() -> java.util.Arrays.stream(mailServer.getReceivedMessages())
                .anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("late@example.org");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }));
        assertThat(inbox(subject, "submitted")).as("the inbox entry was not written twice").isEqualTo(1);
    }
}
