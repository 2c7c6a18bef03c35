package org.tongban.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.tongban.application.ApplicationStatus;
import org.tongban.exchange.BoundRecord;
import org.tongban.exchange.DataExchange;
import org.tongban.exchange.SharedRecord;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.identity.ResidentIdNumber;
import org.tongban.identity.Role;
import org.tongban.workflow.BusinessCalendar;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinitions;
import org.tongban.workflow.WorkflowEngine;
import org.tongban.workflow.WorkflowEvents;

/**
 * The application module alone, against the workflow's events (spring-modulith's module tests): the other modules
 * are stand-ins, the events arrive as the engine would publish them inside a transition, and the application answers
 * as its aggregate's rules say.
 */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(properties = {"tongban.data-dir=./target/it-data/application-module",
        "tongban.workflow.timers.enabled=false"})
class ApplicationModuleTests {

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    WorkflowEngine engine;
    @MockitoBean
    WorkflowDefinitions definitions;
    @MockitoBean
    org.tongban.workflow.WorkflowMigrations migrations;
    @MockitoBean
    DataExchange exchange;
    @MockitoBean
    org.tongban.certificate.Certificates certificates;
    @MockitoBean
    BusinessCalendar calendar;
    @MockitoBean
    CurrentPerson currentPerson;
    @MockitoBean
    org.tongban.web.Problems problems;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private static final Person CITIZEN = new Person("subject-1", "zhangsan", "张三", "zs@example.org",
            Set.of(Role.CITIZEN), List.of(), ResidentIdNumber.parse("110105199003071239"), Optional.empty());

    /** A submitted application, stored as the module stores it. */
    private Application submitted() {
        return new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status -> {
            Application application = Application.draft(UUID.randomUUID().toString(), "newborn", 1, CITIZEN,
                    Map.of("newborn", Map.of("name", "张小宝")), null, Instant.now());
            applications.insert(application);
            application.submit("20261205-" + application.id().substring(0, 6).toUpperCase(), application.formData(),
                    Instant.now());
            application.started(UUID.randomUUID().toString());
            applications.save(application);
            return application;
        });
    }

    private static WorkflowEvents.Ref ref(Application application) {
        return new WorkflowEvents.Ref(application.workflowInstanceId(), application.id(), application.number(),
                "newborn", 1, "subject-1");
    }

    @Test
    void aCorrectionRequestMakesTheApplicationWaitForTheApplicantWithTheFlaggedItems(Scenario scenario) {
        Application application = submitted();
        scenario.publish(new WorkflowEvents.CorrectionRequested(ref(application), "household-registration",
                "public-security", List.of("household.address"), "户籍地址与户口簿不符"))
                .andWaitForStateChange(() -> applications.find(application.id()).orElseThrow().status(),
                        status -> status == ApplicationStatus.CORRECTION)
                .andVerify(status -> {
                    Application stored = applications.find(application.id()).orElseThrow();
                    assertThat(stored.corrections()).singleElement().satisfies(correction -> {
                        assertThat(correction.step()).isEqualTo("household-registration");
                        assertThat(correction.items()).containsExactly("household.address");
                        assertThat(correction.reason()).contains("户口簿");
                    });
                });
    }

    @Test
    void theWorkflowsOutcomeDecidesTheApplication(Scenario scenario) {
        Application application = submitted();
        scenario.publish(new WorkflowEvents.WorkflowEnded(ref(application), "approved"))
                .andWaitForStateChange(() -> applications.find(application.id()).orElseThrow().status(),
                        status -> status == ApplicationStatus.APPROVED)
                .andVerify(status -> assertThat(status).isEqualTo(ApplicationStatus.APPROVED));
    }

    @Test
    void aRecordStepWritesTheAnswersIntoTheRegisterThroughTheExchange(Scenario scenario) {
        Application application = submitted();
        Step.Automatic record = new Step.Automatic("register-birth", new LocalizedText("记入户籍", "Register"), "record",
                "approved", null, new Step.RecordSpec("household-member",
                        Map.of("name", "newborn.name", "householdNumber", "@household-register.householdNumber")),
                null);
        PublishedDefinition published = org.mockito.Mockito.mock(PublishedDefinition.class);
        when(published.step("register-birth")).thenReturn(Optional.of(record));
        when(published.service()).thenReturn(new ServiceInfo("newborn", null, null, "life-event", "health", "citizen",
                10, null, null, List.of(), null, Map.of()));
        when(published.department()).thenReturn("health");
        when(definitions.version("newborn", 1)).thenReturn(Optional.of(published));
        when(definitions.catalogue()).thenReturn(DataCatalogue.fromClasspath());
        when(exchange.boundTo(application.id())).thenReturn(List.of(new BoundRecord(new SharedRecord(
                "household-register", "110105-00001", "北京市西城区金融大街1号", Map.of("householdNumber", "110105-00001"),
                "public-security", Instant.now()), BoundRecord.SHARED, "health", "落户", Instant.now())));

        scenario.publish(new WorkflowEvents.AutomaticStepExecuted(ref(application), "register-birth", "record"))
                .andWaitForStateChange(() -> org.mockito.Mockito.mockingDetails(exchange).getInvocations().stream()
                        .anyMatch(invocation -> invocation.getMethod().getName().equals("write")))
                .andVerify(written -> {
                    @SuppressWarnings("unchecked")
                    ArgumentCaptor<Map<String, Object>> values = ArgumentCaptor.forClass(Map.class);
                    ArgumentCaptor<DataExchange.Use> use = ArgumentCaptor.forClass(DataExchange.Use.class);
                    verify(exchange).write(use.capture(), eq("household-member"), values.capture());
                    assertThat(values.getValue()).containsEntry("name", "张小宝")
                            .containsEntry("householdNumber", "110105-00001");
                    assertThat(use.getValue().department()).isEqualTo("public-security");
                    assertThat(use.getValue().applicationNumber()).isEqualTo(application.number());
                    assertThat(use.getValue().owner().person()).isEqualTo("110105199003071239");
                });
    }

    @Test
    void aMigrationMovesTheApplicationToTheNewVersionAndItsOpenCorrectionToTheRenamedStep(Scenario scenario) {
        Application application = submitted();
        scenario.publish(new WorkflowEvents.CorrectionRequested(ref(application), "household-registration",
                "public-security", List.of("household.address"), "户籍地址与户口簿不符"))
                .andWaitForStateChange(() -> applications.find(application.id()).orElseThrow().status(),
                        status -> status == ApplicationStatus.CORRECTION);
        Instant updatedAt = applications.find(application.id()).orElseThrow().updatedAt();

        WorkflowEvents.Ref moved = new WorkflowEvents.Ref(application.workflowInstanceId(), application.id(),
                application.number(), "newborn", 2, "subject-1");
        scenario.publish(new WorkflowEvents.WorkflowMigrated(moved, 1,
                Map.of("household-registration", "household-registration-review")))
                .andWaitForStateChange(() -> applications.find(application.id()).orElseThrow().definitionVersion(),
                        version -> version == 2)
                .andVerify(version -> {
                    Application stored = applications.find(application.id()).orElseThrow();
                    assertThat(stored.status()).isEqualTo(ApplicationStatus.CORRECTION);
                    assertThat(stored.corrections()).singleElement().satisfies(correction -> {
                        assertThat(correction.step()).isEqualTo("household-registration-review");
                        assertThat(correction.items()).containsExactly("household.address");
                    });
                    assertThat(stored.updatedAt()).as("the applicant's list keeps its order").isEqualTo(updatedAt);
                });
    }

    @Test
    void aWorkflowStartedWithoutAnApplicationIsNotTheApplicationModulesBusiness(Scenario scenario) {
        scenario.publish(new WorkflowEvents.WorkflowEnded(new WorkflowEvents.Ref("instance-x", null, "T-1", "newborn", 1,
                "someone"), "approved"))
                .andWaitForStateChange(() -> true)
                .andVerify(done -> verify(exchange, org.mockito.Mockito.never()).write(any(), any(), any()));
    }
}
