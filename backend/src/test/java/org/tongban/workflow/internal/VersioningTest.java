package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.InvalidDefinitionException;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.WorkflowCommand.Approve;

/** Publishing a changed definition makes a new version; running applications stay on theirs. */
class VersioningTest {

    private final EngineFixture fixture = new EngineFixture();
    private final Actor business = Actor.applicant("business-1");
    private final Actor clerk = Actor.clerk("market-clerk", "market-regulation");
    private final Actor admin = new Actor("market-admin", java.util.Set.of("dept-admin"), java.util.Set.of("market-regulation"));

    private String shipped() {
        return ShippedDefinitions.files().stream().filter(f -> f.name().equals("enterprise/food-business-licence.yaml"))
                .findFirst().orElseThrow().text();
    }

    @Test
    void republishingTheSameFileKeepsTheVersion() {
        PublishedDefinition again = fixture.definitions.publish("enterprise/food-business-licence.yaml", shipped(), "admin");
        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void aRunningApplicationStaysOnTheVersionItStartedWith() {
        InstanceView old = fixture.engine.start("food-business-licence", Map.of("businessArea", 900), business);
        assertThat(old.definitionVersion()).isEqualTo(1);

        // version 2 inspects only premises over 1000 m²
        String changed = shipped().replace("businessArea > 500", "businessArea > 1000");
        PublishedDefinition v2 = fixture.definitions.publish("enterprise/food-business-licence.yaml", changed, "market-admin");
        assertThat(v2.version()).isEqualTo(2);

        InstanceView fresh = fixture.engine.start("food-business-licence", Map.of("businessArea", 900), business);
        assertThat(fresh.definitionVersion()).isEqualTo(2);
        fresh = fixture.engine.fire(fresh.id(), new Approve("acceptance", null), clerk);
        assertThat(fresh.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("review");

        InstanceView continued = fixture.engine.fire(old.id(), new Approve("acceptance", null), clerk);
        assertThat(continued.definitionVersion()).isEqualTo(1);
        assertThat(continued.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("inspection");
        continued = fixture.engine.fire(old.id(), new Approve("inspection", null), clerk);
        continued = fixture.engine.fire(old.id(), new Approve("review", null), admin);
        assertThat(continued.status()).isEqualTo("approved");
    }

    @Test
    void anInvalidFileIsNotPublished() {
        String broken = shipped().replace("next: review", "next: nowhere");
        assertThatThrownBy(() -> fixture.definitions.publish("enterprise/food-business-licence.yaml", broken, "admin"))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.report().errors())
                        .anySatisfy(problem -> assertThat(problem.code()).isEqualTo("unknown-step")));
        assertThat(fixture.definitions.latest("food-business-licence").orElseThrow().version()).isEqualTo(1);
    }
}
