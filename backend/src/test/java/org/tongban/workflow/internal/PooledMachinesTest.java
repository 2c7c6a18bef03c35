package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowCommand.Approve;

/**
 * A machine taken from the pool for a new application starts it at the beginning, whatever state the
 * machine stood in for an earlier application (found by the reassignment IT: a new enrolment started
 * at the second step of a parallel branch after another enrolment had passed the first).
 */
class PooledMachinesTest {

    private final EngineFixture fixture = new EngineFixture();

    @Test
    void aNewApplicationStartsAtTheFirstStepsAfterAnotherMovedOnInAParallelBranch() {
        Actor parent = Actor.applicant("parent");
        InstanceView first = fixture.start("primary-school-enrolment", Map.of(), parent);
        assertThat(first.activeSteps()).extracting(InstanceView.ActiveStep::step)
                .containsExactlyInAnyOrder("enrolment-acceptance", "vaccination-record-check");
        fixture.engine.fire(first.id(), new Approve("enrolment-acceptance", null), Actor.clerk("edu", "education"));

        InstanceView second = fixture.start("primary-school-enrolment", Map.of(), parent);
        assertThat(second.activeSteps()).extracting(InstanceView.ActiveStep::step)
                .containsExactlyInAnyOrder("enrolment-acceptance", "vaccination-record-check");
    }
}
