package org.tongban.workflow.internal;


import java.util.List;
import java.util.Map;

import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ChoiceTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.tongban.workflow.Step;

/**
 * Builds a Spring Statemachine from a definition. States are step ids; a task that asked for
 * correction sits in {@code <step>~correction}; a parallel step is an orthogonal state with one
 * region per branch, entered through {@code <step>~fork} and left through {@code <step>~join} once
 * every region reached {@code <branch>~end}; decisions are choice pseudo-states whose guards read
 * the form data from the extended state. Events name their step ({@code approve@review}) so that a
 * command for one branch can never move another.
 */
final class MachineFactory {

    static final String FORM = "form";

    private MachineFactory() {
    }

    static String approve(String step) {
        return "approve@" + step;
    }

    static String reject(String step) {
        return "reject@" + step;
    }

    static String correct(String step) {
        return "correct@" + step;
    }

    static String resubmit(String step) {
        return "resubmit@" + step;
    }

    static String returnTo(String step, String target) {
        return "return@" + step + ">" + target;
    }

    static String auto(String step) {
        return "auto@" + step;
    }

    /** An overdue task moving on to the step its escalation names. */
    static String escalate(String step) {
        return "escalate@" + step;
    }

    /** The applicant's answer at an applicant step: confirm, reopen or supply; timeout when nobody answered. */
    static String applicant(String action, String step) {
        return action + "@" + step;
    }

    static final String TIMEOUT = "timeout";

    static final String START_EVENT = "start";
    static final String WITHDRAW = "withdraw";

    static StateMachine<String, String> build(WorkflowDefinition definition, String machineId) {
        try {
            StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false).machineId(machineId);

            StateConfigurer<String, String> states = builder.configureStates().withStates()
                    .initial(MachineState.START).end("approved").end("rejected").end("withdrawn");
            for (String end : definition.ends().keySet()) {
                states.end(end);
            }
            for (Step step : definition.steps().values()) {
                if (step instanceof Step.Applicant applicant) {
                    states.state(applicant.id());
                } else if (step instanceof Step.Task task) {
                    states.state(task.id());
                    states.state(task.id() + MachineState.CORRECTION);
                } else if (step instanceof Step.Decision decision) {
                    states.choice(decision.id());
                } else if (step instanceof Step.Automatic automatic) {
                    states.state(automatic.id());
                } else if (step instanceof Step.Parallel parallel) {
                    states.fork(parallel.id() + MachineState.FORK).state(parallel.id())
                        .join(parallel.id() + MachineState.JOIN);
                }
            }
            for (Step step : definition.steps().values()) {
                if (step instanceof Step.Parallel parallel) {
                    for (Map.Entry<String, List<Step.Task>> branch : parallel.branches().entrySet()) {
                    StateConfigurer<String, String> region = states.and().withStates().parent(parallel.id())
                            .region(branch.getKey());
                    List<Step.Task> tasks = branch.getValue();
                    region.initial(tasks.get(0).id());
                    for (Step.Task task : tasks) {
                        region.state(task.id()).state(task.id() + MachineState.CORRECTION);
                    }
                    region.end(branch.getKey() + MachineState.END);
                    }
                }
            }

            var transitions = builder.configureTransitions();
            transitions.withExternal().source(MachineState.START).target(target(definition, definition.start()))
                    .event(START_EVENT);
            for (Step step : definition.steps().values()) {
                if (step instanceof Step.Task task) {
                    task(transitions, task, target(definition, task.next()),
                            task.onReject() == null ? "rejected" : task.onReject());
                    for (String back : task.returnTo()) {
                        transitions.withExternal().source(task.id()).target(target(definition, back))
                                .event(returnTo(task.id(), back));
                    }
                    if (task.escalation() != null && task.escalation().step() != null) {
                        transitions.withExternal().source(task.id()).target(target(definition, task.escalation().step()))
                                .event(escalate(task.id()));
                    }
                    withdraw(transitions, task.id());
                    withdraw(transitions, task.id() + MachineState.CORRECTION);
                } else if (step instanceof Step.Applicant applicant) {
                    String next = target(definition, applicant.next());
                    for (String action : List.of(Step.Applicant.CONFIRM, Step.Applicant.SUPPLY, TIMEOUT)) {
                        if (TIMEOUT.equals(action) || applicant.allows(action)) {
                            transitions.withExternal().source(applicant.id()).target(next)
                                    .event(applicant(action, applicant.id()));
                        }
                    }
                    if (applicant.allows(Step.Applicant.REOPEN)) {
                        transitions.withExternal().source(applicant.id())
                                .target(target(definition, applicant.reopenTo()))
                                .event(applicant(Step.Applicant.REOPEN, applicant.id()));
                    }
                    withdraw(transitions, applicant.id());
                } else if (step instanceof Step.Decision decision) {
                    ChoiceTransitionConfigurer<String, String> choice = transitions.withChoice()
                            .source(decision.id());
                    boolean first = true;
                    for (Step.Rule rule : decision.when()) {
                        Guard<String, String> guard = guard(Conditions.parse(rule.condition()));
                        if (first) {
                            choice.first(target(definition, rule.next()), guard);
                            first = false;
                        } else {
                            choice.then(target(definition, rule.next()), guard);
                        }
                    }
                    choice.last(target(definition, decision.otherwise()));
                } else if (step instanceof Step.Automatic automatic) {
                    transitions.withExternal().source(automatic.id())
                            .target(target(definition, automatic.next())).event(auto(automatic.id()));
                    withdraw(transitions, automatic.id());
                } else if (step instanceof Step.Parallel parallel) {
                    var fork = transitions.withFork().source(parallel.id() + MachineState.FORK);
                    fork.target(parallel.id());
                    var join = transitions.withJoin();
                    for (Map.Entry<String, List<Step.Task>> branch : parallel.branches().entrySet()) {
                        List<Step.Task> tasks = branch.getValue();
                        for (int i = 0; i < tasks.size(); i++) {
                            Step.Task task = tasks.get(i);
                            String next = i + 1 < tasks.size() ? tasks.get(i + 1).id()
                                    : branch.getKey() + MachineState.END;
                            String onReject = parallel.rejectionRequestsCorrection()
                                    ? task.id() + MachineState.CORRECTION : "rejected";
                            task(transitions, task, next, onReject);
                            for (String back : task.returnTo()) {
                                transitions.withExternal().source(task.id()).target(back)
                                        .event(returnTo(task.id(), back));
                            }
                        }
                        join.source(branch.getKey() + MachineState.END);
                    }
                    join.target(parallel.id() + MachineState.JOIN);
                    transitions.withExternal().source(parallel.id() + MachineState.JOIN)
                            .target(target(definition, parallel.next()));
                    withdraw(transitions, parallel.id());
                }
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the state machine of " + definition.service().code(), e);
        }
    }

    private static void task(StateMachineTransitionConfigurer<String, String> transitions,
            Step.Task task, String next, String onReject) throws Exception {
        transitions.withExternal().source(task.id()).target(next).event(approve(task.id()));
        transitions.withExternal().source(task.id()).target(onReject).event(reject(task.id()));
        if (task.correction() || onReject.endsWith(MachineState.CORRECTION)) {
            transitions.withExternal().source(task.id()).target(task.id() + MachineState.CORRECTION)
                    .event(correct(task.id()));
        }
        transitions.withExternal().source(task.id() + MachineState.CORRECTION).target(task.id())
                .event(resubmit(task.id()));
    }

    private static void withdraw(StateMachineTransitionConfigurer<String, String> transitions,
            String source) throws Exception {
        transitions.withExternal().source(source).target("withdrawn").event(WITHDRAW);
    }

    /** A parallel step is entered through its fork. */
    private static String target(WorkflowDefinition definition, String id) {
        return definition.steps().get(id) instanceof Step.Parallel ? id + MachineState.FORK : id;
    }

    private static Guard<String, String> guard(Conditions.Parsed condition) {
        return (StateContext<String, String> context) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> form = (Map<String, Object>) context.getExtendedState().getVariables().get(FORM);
            return form != null && condition.test(form);
        };
    }

}
