package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.tongban.identity.DepartmentRenamed;

/**
 * Module events go through the JDBC event publication registry: a listener that fails leaves its
 * publication in the database, and resubmitting delivers it. Runs on H2 and, in CI, on MariaDB.
 */
@SpringBootTest(properties = "tongban.data-dir=./target/it-data/events")
class DepartmentRenamedEventIT {

    @Autowired
    JdbcDepartments departments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    FlakyListener listener;

    @Test
    void aFailedListenerKeepsItsPublicationUntilItIsResubmitted() {
        listener.failNextDelivery();
        departments.rename("health", "卫生健康委员会", "Health Commission", "test-admin");

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts().size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor("health") == 1);

        incomplete.resubmitIncompletePublications(publication -> true);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.delivered().contains("health"));
        await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor("health") == 0);
    }

    private long incompleteFor(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND EVENT_TYPE = ?"
                + " AND SERIALIZED_EVENT LIKE ?")
                .params(DepartmentRenamed.class.getName(), "%\"" + code + "\"%").query(Long.class).single();
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    // a proxy (the listener is asynchronous and transactional): state only through methods
    static class FlakyListener {
        private final AtomicBoolean failNext = new AtomicBoolean();
        private final List<String> attempts = new CopyOnWriteArrayList<>();
        private final List<String> delivered = new CopyOnWriteArrayList<>();

        void failNextDelivery() {
            failNext.set(true);
        }

        List<String> attempts() {
            return attempts;
        }

        List<String> delivered() {
            return delivered;
        }

        @ApplicationModuleListener
        void on(DepartmentRenamed event) {
            attempts.add(event.code());
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("listener down (on purpose)");
            }
            delivered.add(event.code());
        }
    }

}
