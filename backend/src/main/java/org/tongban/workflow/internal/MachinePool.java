package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.region.Region;
import org.springframework.statemachine.state.AbstractState;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.tongban.workflow.WorkflowDefinition;

import reactor.core.publisher.Mono;

/**
 * Machines of one definition version, reused: building one costs more than resetting it. A machine
 * is borrowed, reset to an instance's stored state, sent one event, read and returned. The state
 * always comes from the database, never from a machine kept in memory.
 */
final class MachinePool {

    private final WorkflowDefinition definition;
    private final String machineId;
    private final ConcurrentLinkedQueue<StateMachine<String, String>> idle = new ConcurrentLinkedQueue<>();

    MachinePool(WorkflowDefinition definition, String machineId) {
        this.definition = definition;
        this.machineId = machineId;
        // build once now, so a definition that cannot become a machine fails at publication
        idle.add(MachineFactory.build(definition, machineId));
    }

    /**
     * Sends {@code event} to a machine in {@code from}; answers the state after it, equal to
     * {@code from} when the event did not fire (Statemachine's ACCEPTED does not tell).
     */
    MachineState send(MachineState from, String event, Map<String, Object> form) {
        StateMachine<String, String> machine = borrow();
        boolean reusable = false;
        try {
            reset(machine, from, form);
            machine.sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).blockLast();
            MachineState to = read(machine);
            // a machine that reached an end state has terminated: a reset does not revive it
            reusable = !machine.isComplete() && !machine.hasStateMachineError();
            return to;
        } finally {
            if (reusable) {
                idle.add(machine);
            }
        }
    }

    private StateMachine<String, String> borrow() {
        StateMachine<String, String> machine = idle.poll();
        return machine != null ? machine : MachineFactory.build(definition, machineId);
    }

    private void reset(StateMachine<String, String> machine, MachineState state, Map<String, Object> form) {
        machine.stopReactively().block();
        List<StateMachineContext<String, String>> children = new ArrayList<>();
        state.branches().forEach((branch, branchState) ->
                children.add(new DefaultStateMachineContext<>(branchState, null, null, null, null, branch)));
        DefaultStateMachineContext<String, String> context =
                new DefaultStateMachineContext<>(children, state.root(), null, null, null, null, machineId);
        machine.getStateMachineAccessor().doWithAllRegions(access -> access.resetStateMachineReactively(context).block());
        machine.getExtendedState().getVariables().clear();
        machine.getExtendedState().getVariables().put(MachineFactory.FORM, form);
        machine.startReactively().block();
    }

    private static MachineState read(StateMachine<String, String> machine) {
        State<String, String> state = machine.getState();
        if (!state.isOrthogonal()) {
            return MachineState.of(state.getId());
        }
        Map<String, String> branches = new LinkedHashMap<>();
        for (Region<String, String> region : ((AbstractState<String, String>) state).getRegions()) {
            String leaf = region.getState().getId();
            branches.put(branchOf(leaf, region), leaf);
        }
        return new MachineState(state.getId(), branches);
    }

    // a region's id is not kept across resets; the branch is known from the states it holds
    private static String branchOf(String leaf, Region<String, String> region) {
        for (State<String, String> candidate : region.getStates()) {
            if (candidate.getId().endsWith(MachineState.END)) {
                return candidate.getId().substring(0, candidate.getId().length() - MachineState.END.length());
            }
        }
        return region.getId();
    }
}
