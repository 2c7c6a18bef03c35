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

import reactor.core.publisher.Mono;

/**
 * Machines of one definition version, reused: building one costs more than resetting it, and
 * resetting costs more than finding one that already stands where the instance stands. A machine is
 * borrowed in the instance's stored state (one idle in exactly that state, or any other reset to
 * it), sent one event, read and returned, filed under the state it is in now. The state always comes
 * from the database; a pooled machine only saves the work of getting there.
 */
final class MachinePool {

    private final WorkflowDefinition definition;
    private final String machineId;
    private static final int MAX_IDLE = 64;

    private final java.util.concurrent.ConcurrentHashMap<MachineState, ConcurrentLinkedQueue<StateMachine<String, String>>>
            idleByState = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();

    MachinePool(WorkflowDefinition definition, String machineId) {
        this.definition = definition;
        this.machineId = machineId;
        // build once now, so a definition that cannot become a machine fails at publication
        StateMachine<String, String> first = MachineFactory.build(definition, machineId);
        reset(first, MachineState.of(MachineState.START), Map.of());
        release(first, MachineState.of(MachineState.START));
    }

    /**
     * Sends {@code event} to a machine in {@code from}; answers the state after it, equal to
     * {@code from} when the event did not fire (Statemachine's ACCEPTED does not tell).
     */
    MachineState send(MachineState from, String event, Map<String, Object> form) {
        StateMachine<String, String> machine = take(from);
        if (machine == null) {
            // A reset to a state outside the parallel steps does not reset the machine's regions: a reused
            // machine would later enter a parallel step where an earlier application's branches stood (a new
            // enrolment started at its second step). Only a reset to a parallel state names every region's
            // state, so only then may a machine that stood elsewhere be reused.
            machine = from.parallel() ? anyOrNew() : MachineFactory.build(definition, machineId);
            reset(machine, from, form);
        } else {
            machine.getExtendedState().getVariables().put(MachineFactory.FORM, form);
        }
        MachineState to = null;
        try {
            machine.sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).blockLast();
            to = read(machine);
            return to;
        } finally {
            // a machine that reached an end state has terminated (a reset does not revive it); one that
            // failed is not trusted again
            if (to != null && !machine.isComplete() && !machine.hasStateMachineError()) {
                release(machine, to);
            }
        }
    }

    private StateMachine<String, String> take(MachineState state) {
        ConcurrentLinkedQueue<StateMachine<String, String>> queue = idleByState.get(state);
        StateMachine<String, String> machine = queue == null ? null : queue.poll();
        if (machine != null) {
            idleCount.decrementAndGet();
        }
        return machine;
    }

    private StateMachine<String, String> anyOrNew() {
        for (ConcurrentLinkedQueue<StateMachine<String, String>> queue : idleByState.values()) {
            StateMachine<String, String> machine = queue.poll();
            if (machine != null) {
                idleCount.decrementAndGet();
                return machine;
            }
        }
        return MachineFactory.build(definition, machineId);
    }

    private void release(StateMachine<String, String> machine, MachineState state) {
        if (idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            return;
        }
        idleByState.computeIfAbsent(state, key -> new ConcurrentLinkedQueue<>()).add(machine);
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
