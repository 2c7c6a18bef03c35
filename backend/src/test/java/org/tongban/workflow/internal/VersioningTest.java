package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkflowCommand.Approve;
import org.tongban.workflow.WorkflowProblem;

/** Publishing a changed definition makes a new version; running applications stay on theirs. */
class VersioningTest {

    private final EngineFixture fixture = new EngineFixture();
    private final Actor business = Actor.applicant("business-1");
    private final Actor clerk = Actor.clerk("market-clerk", "market-regulation");
    private final Actor admin = new Actor("market-admin", java.util.Set.of("dept-admin"), java.util.Set.of("market-regulation"));
    private final Publisher marketAdmin = new Publisher("market-admin", Set.of("market-regulation"), false);
    private final Publisher healthAdmin = new Publisher("health-admin", Set.of("health"), false);
    private final Publisher educationAdmin = new Publisher("edu-admin", Set.of("education"), false);
    private final Publisher platformAdmin = new Publisher("admin", Set.of(), true);

    private static String file(String name) {
        return ShippedDefinitions.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().text();
    }

    private String shipped() {
        return ShippedDefinitions.files().stream().filter(f -> f.name().equals("enterprise/food-business-licence.yaml"))
                .findFirst().orElseThrow().text();
    }

    @Test
    void republishingTheSameFileKeepsTheVersion() {
        PublishedDefinition again = fixture.definitions.publish("enterprise/food-business-licence.yaml", shipped(), marketAdmin);
        assertThat(again.version()).isEqualTo(1);
    }

    @Test
    void aRunningApplicationStaysOnTheVersionItStartedWith() {
        InstanceView old = fixture.start("food-business-licence", Map.of("businessArea", 900), business);
        assertThat(old.definitionVersion()).isEqualTo(1);

        // version 2 inspects only premises over 1000 m²
        String changed = shipped().replace("businessArea > 500", "businessArea > 1000");
        PublishedDefinition v2 = fixture.definitions.publish("enterprise/food-business-licence.yaml", changed, marketAdmin);
        assertThat(v2.version()).isEqualTo(2);

        InstanceView fresh = fixture.start("food-business-licence", Map.of("businessArea", 900), business);
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
        assertThatThrownBy(() -> fixture.definitions.publish("enterprise/food-business-licence.yaml", broken, marketAdmin))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.report().errors())
                        .anySatisfy(problem -> assertThat(problem.code()).isEqualTo("unknown-step")));
        assertThat(fixture.definitions.latest("food-business-licence").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anotherDepartmentsAdminCannotTakeOverAServiceByNamingTheirDepartmentInTheFile() {
        String takeover = file("health/birth-medical-certificate.yaml")
                .replaceFirst("department: health", "department: education");
        assertThatThrownBy(() -> fixture.definitions.publish("health/birth-medical-certificate.yaml", takeover,
                educationAdmin)).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(WorkflowProblem.NOT_OWNER));
        PublishedDefinition latest = fixture.definitions.latest("birth-medical-certificate").orElseThrow();
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.department()).isEqualTo("health");
        // the owner still publishes its own service
        String changed = file("health/birth-medical-certificate.yaml").replace("timeLimitWorkingDays: 3",
                "timeLimitWorkingDays: 2");
        assertThat(fixture.definitions.publish("health/birth-medical-certificate.yaml", changed, healthAdmin).version())
                .isEqualTo(2);
    }

    @Test
    void publishingNeverMovesAServiceNotEvenForThePlatformAdmin() {
        String moved = file("health/birth-medical-certificate.yaml")
                .replaceFirst("department: health", "department: education");
        for (Publisher publisher : java.util.List.of(healthAdmin, platformAdmin)) {
            assertThatThrownBy(() -> fixture.definitions.publish("health/birth-medical-certificate.yaml", moved,
                    publisher)).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(WorkflowProblem.DEPARTMENT_CHANGE));
        }
        assertThat(fixture.definitions.latest("birth-medical-certificate").orElseThrow().department()).isEqualTo("health");
    }

    @Test
    void thePlatformAdminMovesAServiceExplicitlyAndOnlyTheNewOwnerPublishesIt() {
        assertThatThrownBy(() -> fixture.definitions.transfer("birth-medical-certificate", "education", "x", healthAdmin))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> fixture.definitions.transfer("birth-medical-certificate", "no-such-department", "x",
                platformAdmin)).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(WorkflowProblem.BAD_TRANSFER));
        PublishedDefinition moved = fixture.definitions.transfer("birth-medical-certificate", "education",
                "机构职能调整", platformAdmin);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.department()).isEqualTo("education");
        assertThat(moved.publishedBy()).isEqualTo("admin");
        assertThat(fixture.jdbc.sql("SELECT published_as FROM workflow_definition WHERE service_code = ? AND version = 2")
                .param("birth-medical-certificate").query(String.class).single()).isEqualTo("admin");
        assertThat(fixture.jdbc.sql("SELECT note FROM workflow_definition WHERE service_code = ? AND version = 2")
                .param("birth-medical-certificate").query(String.class).single())
                .contains("health").contains("education").contains("机构职能调整");
        // the steps still name the departments that handle them
        assertThat(moved.tasks()).extracting(task -> task.department()).containsOnly("health");
        String next = fixture.jdbc.sql("SELECT content FROM workflow_definition WHERE service_code = ? AND version = 2")
                .param("birth-medical-certificate").query(String.class).single().replace("timeLimitWorkingDays: 3",
                        "timeLimitWorkingDays: 4");
        assertThatThrownBy(() -> fixture.definitions.publish("health/birth-medical-certificate.yaml", next, healthAdmin))
                .isInstanceOf(DomainException.class);
        assertThat(fixture.definitions.publish("health/birth-medical-certificate.yaml", next, educationAdmin).version())
                .isEqualTo(3);
    }

    @Test
    void aShippedFileSeedsAServiceButNeverReplacesWhatADepartmentPublished() {
        String changed = shipped().replace("businessArea > 500", "businessArea > 1000");
        assertThat(fixture.definitions.publish("enterprise/food-business-licence.yaml", changed, marketAdmin).version())
                .isEqualTo(2);
        // a restart seeds again: the department's version stays in force, even when the shipped file changed
        assertThat(fixture.definitions.seed("enterprise/food-business-licence.yaml", shipped()).version()).isEqualTo(2);
        String newRelease = shipped().replace("businessArea > 500", "businessArea > 600");
        assertThat(fixture.definitions.seed("enterprise/food-business-licence.yaml", newRelease).version()).isEqualTo(2);
        assertThat(fixture.definitions.latest("food-business-licence").orElseThrow().publishedBy()).isEqualTo("market-admin");
        // a service only ever seeded follows a changed shipped file
        String newBirthRelease = file("health/birth-medical-certificate.yaml").replace("timeLimitWorkingDays: 3",
                "timeLimitWorkingDays: 2");
        assertThat(fixture.definitions.seed("health/birth-medical-certificate.yaml", newBirthRelease).version())
                .isEqualTo(2);
    }
}
