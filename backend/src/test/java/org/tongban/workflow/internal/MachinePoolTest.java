package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A pooled machine serves any instance whatever state the previous instance left it in. */
class MachinePoolTest {

    private final EngineFixture fixture = new EngineFixture();

    private MachinePool pool(String service) {
        return fixture.definitions.load(fixture.definitions.latest(service).orElseThrow().id()).machines();
    }

    @Test
    void aMachineLeftInAParallelStepStartsTheNextInstanceCleanly() {
        MachinePool pool = pool("enterprise-establishment");
        MachineState started = pool.send(MachineState.of(MachineState.START), MachineFactory.START_EVENT, Map.of());
        assertThat(started.parallel()).isTrue();
        MachineState again = pool.send(MachineState.of(MachineState.START), MachineFactory.START_EVENT, Map.of());
        assertThat(again).isEqualTo(started);
    }

    @Test
    void aMachineThatReachedAnOutcomeServesTheNextInstance() {
        MachinePool pool = pool("birth-medical-certificate");
        MachineState review = pool.send(MachineState.of(MachineState.START), MachineFactory.START_EVENT, Map.of());
        MachineState issuing = pool.send(review, MachineFactory.approve("delivery-record-review"), Map.of());
        MachineState approved = pool.send(issuing, MachineFactory.auto("issue-birth-certificate"), Map.of());
        assertThat(approved.root()).isEqualTo("approved");
        assertThat(pool.send(MachineState.of(MachineState.START), MachineFactory.START_EVENT, Map.of())).isEqualTo(review);
    }

    @Test
    void aMachineMovesBetweenParallelAndFlatStatesOfDifferentInstances() {
        MachinePool pool = pool("enterprise-establishment");
        MachineState started = pool.send(MachineState.of(MachineState.START), MachineFactory.START_EVENT, Map.of());
        MachineState withdrawn = pool.send(started, MachineFactory.WITHDRAW, Map.of());
        assertThat(withdrawn.root()).isEqualTo("withdrawn");
        assertThat(pool.send(started, MachineFactory.approve("tax-formalities"), Map.of()).branches())
                .containsEntry("tax-registration", "tax-registration~end");
    }
}
