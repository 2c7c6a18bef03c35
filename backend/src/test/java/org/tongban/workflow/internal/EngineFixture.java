package org.tongban.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.workflow.Actor;
import org.tongban.workflow.BusinessCalendar;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowEngine;

import tools.jackson.databind.json.JsonMapper;

/**
 * The engine on its own: an in-memory H2 database migrated by the real Flyway scripts, the shipped
 * definitions published, a clock the test moves, and the published events collected. (The Spring
 * wiring, transactions and the event registry are covered by the integration tests.)
 */
final class EngineFixture {

    static final Set<String> DEPARTMENTS = Set.of("education", "health", "market-regulation", "public-security",
            "tax", "human-resources-social-security", "medical-insurance", "government-services");
    /** The government services administration's own roles, as the V13 migration creates them. */
    static final Map<String, Set<String>> ROLES = Map.of("government-services",
            Set.of("dispatcher", "field-officer", "supervisor"));

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z")); // Monday 09:00 in Beijing
    final List<Object> events = new CopyOnWriteArrayList<>();
    final JdbcClient jdbc;
    final JdbcWorkflowDefinitions definitions;
    final JdbcWorkflowEngine engine;
    final DeadlineTimers timers;
    final BusinessCalendar calendar = BusinessCalendar.fromClasspath();

    EngineFixture() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        DataSource dataSource = h2;
        Flyway.configure().dataSource(dataSource).placeholders(Map.of("uuid_type", "UUID")).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        definitions = new JdbcWorkflowDefinitions(jdbc, new DefinitionParser(() -> DEPARTMENTS, () -> ROLES,
                org.tongban.workflow.DataCatalogue.fromClasspath()), clock);
        JsonMapper json = JsonMapper.builder().build();
        engine = new JdbcWorkflowEngine(jdbc, definitions, events::add, clock, new Deadlines(calendar), json);
        timers = new DeadlineTimers(jdbc, events::add, clock,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), engine);
        ShippedDefinitions.files().forEach(file -> definitions.seed(file.name(), file.text()));
    }

    /** Starts a workflow on the newest version of a service, without an application (the engine alone). */
    InstanceView start(String serviceCode, Map<String, ?> formData, Actor applicant) {
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) formData;
        return engine.start(new WorkflowEngine.Start(serviceCode, definitions.findLatest(serviceCode).orElseThrow().version(),
                null, "T-" + UUID.randomUUID().toString().substring(0, 8), applicant, "测试", form));
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
