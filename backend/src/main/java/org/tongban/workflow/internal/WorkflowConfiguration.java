package org.tongban.workflow.internal;

import java.time.Clock;

import java.util.stream.Collectors;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Department;
import org.tongban.identity.Departments;
import org.tongban.workflow.BusinessCalendar;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.LocalizedText;

import tools.jackson.databind.json.JsonMapper;

/** Wires the workflow module. */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    /** The one clock of the portal's time limits; tests replace it to travel in time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessCalendar businessCalendar() {
        return BusinessCalendar.fromClasspath();
    }

    @Bean
    DefinitionParser definitionParser(Departments departments, org.tongban.identity.DepartmentRoles roles) {
        return new DefinitionParser(() -> departments.all().stream().map(Department::code).collect(Collectors.toSet()),
                roles::codesByDepartment, DataCatalogue.fromClasspath());
    }

    @Bean
    JdbcWorkflowDefinitions workflowDefinitions(JdbcClient jdbc, DefinitionParser parser, Clock clock,
            Departments departments) {
        return new JdbcWorkflowDefinitions(jdbc, parser, clock, code -> departments.byCode(code)
                .map(department -> new LocalizedText(department.nameZh(), department.nameEn()))
                .orElse(new LocalizedText(code, code)));
    }

    @Bean
    JdbcWorkflowEngine workflowEngine(JdbcClient jdbc, JdbcWorkflowDefinitions definitions,
            ApplicationEventPublisher events, Clock clock, BusinessCalendar calendar, JsonMapper json) {
        return new JdbcWorkflowEngine(jdbc, definitions, events, clock, new Deadlines(calendar), json);
    }

    @Bean
    InstanceMigration workflowMigrations(JdbcClient jdbc, JdbcWorkflowDefinitions definitions,
            ApplicationEventPublisher events, Clock clock, JsonMapper json) {
        return new InstanceMigration(jdbc, definitions, events, clock, json);
    }

    @Bean
    DeadlineTimers deadlineTimers(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, JdbcWorkflowEngine engine) {
        return new DeadlineTimers(jdbc, events, clock, new TransactionTemplate(transactions), engine);
    }

    @Bean
    ShippedDefinitions shippedDefinitions(JdbcWorkflowDefinitions definitions) {
        return new ShippedDefinitions(definitions);
    }

    /** Fires due time limits every half minute (off in tests, which fire them with their own clock). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "tongban.workflow.timers.enabled", havingValue = "true", matchIfMissing = true)
    static class Timers {

        private final DeadlineTimers timers;

        Timers(DeadlineTimers timers) {
            this.timers = timers;
        }

        @Scheduled(fixedDelayString = "${tongban.workflow.timers.interval:30s}", initialDelayString = "10s")
        void fire() {
            timers.fireDue();
        }
    }

}
