package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.tongban.support.Workflows;
import org.tongban.TongbanApplication;

/**
 * An event recorded with a transition but not yet handled by its listener (the listener failed, or
 * the portal went down) is delivered after the portal restarts: the outbox is the database.
 */
class EventsSurviveRestartIT {

    static final AtomicBoolean LISTENER_BROKEN = new AtomicBoolean();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @Configuration(proxyBeanMethods = false)
    static class Listening {
        @Bean
        EndedListener endedListener() {
            return new EndedListener();
        }
    }

    static class EndedListener {
        @ApplicationModuleListener
        void on(WorkflowEvents.WorkflowEnded ended) {
            if (LISTENER_BROKEN.get()) {
                throw new IllegalStateException("certificate service down (on purpose)");
            }
            RECEIVED.add(ended.ref().instanceId());
        }
    }

    private static ConfigurableApplicationContext portal() {
        String profiles = System.getProperty("spring.profiles.active", "demo");
        return new SpringApplicationBuilder(TongbanApplication.class, Listening.class).profiles(profiles.split(","))
                .properties("server.port=0", "tongban.data-dir=./target/it-data/restart",
                        "tongban.workflow.timers.enabled=false")
                .run();
    }

    @Test
    void anUndeliveredEventIsDeliveredAfterARestart() {
        String instance;
        LISTENER_BROKEN.set(true);
        try (ConfigurableApplicationContext first = portal()) {
            WorkflowEngine engine = first.getBean(WorkflowEngine.class);
            WorkflowDefinitions definitions = first.getBean(WorkflowDefinitions.class);
            InstanceView view = Workflows.start(engine, definitions, "birth-medical-certificate", Map.of(), Actor.applicant("mother-1"));
            view = engine.fire(view.id(), new WorkflowCommand.Approve("delivery-record-review", null),
                    Actor.clerk("health-clerk", "health"));
            assertThat(view.status()).isEqualTo("approved");
            instance = view.id().value();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(jdbc, instance) == 1);
        }
        assertThat(RECEIVED).doesNotContain(instance);

        LISTENER_BROKEN.set(false);
        try (ConfigurableApplicationContext second = portal()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.contains(instance));
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> incomplete(jdbc, instance) == 0);
        }
    }

    private static long incomplete(JdbcClient jdbc, String instance) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND SERIALIZED_EVENT LIKE ?")
                .param("%" + instance + "%").query(Long.class).single();
    }
}
