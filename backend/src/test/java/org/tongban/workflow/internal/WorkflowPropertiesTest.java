package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.tongban.shared.DomainException;
import org.tongban.shared.ProblemCode.Kind;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowCommand;

/**
 * Random sequences of commands by random actors on the shipped services: the engine never reaches
 * an illegal state, never completes a parallel step before every branch approved, and a refused
 * command changes neither the state nor the version.
 */
class WorkflowPropertiesTest {

    private static final EngineFixture FIXTURE = new EngineFixture();
    private static final List<String> SERVICES = List.of("primary-school-enrolment", "enterprise-establishment",
            "food-business-licence", "newborn", "birth-medical-certificate", "unemployment-insurance-benefit");
    private static final String APPLICANT = "applicant";

    /** A command kind, a step picked by index, an actor picked by index. */
    record Move(int kind, int step, int actor, int target) {
    }

    @Provide
    Arbitrary<Move> moves() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20)).as(Move::new);
    }

    @Provide
    Arbitrary<List<Move>> moveLists() {
        return moves().list().ofMaxSize(25);
    }

    @Property(tries = 150)
    void randomCommandsKeepTheWorkflowLegal(@ForAll("services") String service,
            @ForAll("moveLists") List<Move> moves, @ForAll int area) {
        WorkflowDefinition definition = FIXTURE.definitions.findLatest(service).orElseThrow().definition();
        List<Step.Task> tasks = definition.tasks();
        List<Actor> actors = actors(definition);
        InstanceView view = FIXTURE.start(service,
                Map.of("businessArea", Math.abs(area % 1000), "contributionYears", Math.abs(area % 5),
                        "contributedInOtherRegion", area % 2 == 0), Actor.applicant(APPLICANT));
        checkLegal(view, definition);
        assertThat(view).as("the answer of start is what is stored").isEqualTo(FIXTURE.engine.find(view.id()).orElseThrow());

        for (Move move : moves) {
            Step.Task task = tasks.get(move.step() % tasks.size());
            Actor actor = actors.get(move.actor() % actors.size());
            WorkflowCommand command = switchCommand(move, task, tasks);
            InstanceView before = FIXTURE.engine.find(view.id()).orElseThrow();
            int historyBefore = FIXTURE.engine.history(view.id()).size();
            try {
                InstanceView after = FIXTURE.engine.fire(view.id(), command, actor);
                assertThat(after.version()).isEqualTo(before.version() + 1);
                assertThat(after).as("the answer is what is stored").isEqualTo(FIXTURE.engine.find(view.id()).orElseThrow());
                assertThat(FIXTURE.engine.history(view.id()).size()).isGreaterThan(historyBefore);
                checkLegal(after, definition);
                view = after;
            } catch (DomainException refused) {
                assertThat(refused.code().kind()).isIn(Kind.INVALID, Kind.FORBIDDEN, Kind.CONFLICT);
                InstanceView unchanged = FIXTURE.engine.find(view.id()).orElseThrow();
                assertThat(unchanged.version()).isEqualTo(before.version());
                assertThat(unchanged.status()).isEqualTo(before.status());
                assertThat(unchanged.activeSteps()).isEqualTo(before.activeSteps());
                assertThat(FIXTURE.engine.history(view.id())).hasSize(historyBefore);
            }
        }
        checkParallelStepsCompletedOnlyWithEveryBranch(view, definition);
    }

    @Provide
    Arbitrary<String> services() {
        return Arbitraries.of(SERVICES);
    }

    private static WorkflowCommand switchCommand(Move move, Step.Task task, List<Step.Task> tasks) {
        return switch (move.kind()) {
            case 0, 1 -> new WorkflowCommand.Approve(task.id(), null);
            case 2 -> new WorkflowCommand.Reject(task.id(), "不符合条件");
            case 3 -> new WorkflowCommand.RequestCorrection(task.id(), List.of(task.visibleFields().get(0)), "请补正");
            case 4 -> move.target() % 3 == 0 ? new WorkflowCommand.Withdraw("撤回")
                    : new WorkflowCommand.Resubmit(task.id());
            default -> new WorkflowCommand.ReturnTo(task.id(), tasks.get(move.target() % tasks.size()).id(), "退回");
        };
    }

    private static List<Actor> actors(WorkflowDefinition definition) {
        List<Actor> actors = new ArrayList<>();
        actors.add(Actor.applicant(APPLICANT));
        actors.add(Actor.applicant("another-citizen"));
        for (String department : EngineFixture.DEPARTMENTS) {
            actors.add(Actor.clerk(department + "-clerk", department));
            actors.add(new Actor(department + "-admin", Set.of("dept-admin"), Set.of(department)));
        }
        return actors;
    }

    /** Between commands an application waits at tasks, or has an outcome and waits for nobody. */
    private static void checkLegal(InstanceView view, WorkflowDefinition definition) {
        assertThat(view.status()).isIn("running", "approved", "rejected", "withdrawn");
        if (view.running()) {
            assertThat(view.activeSteps()).isNotEmpty();
        } else {
            assertThat(view.activeSteps()).isEmpty();
            assertThat(view.endedAt()).isNotNull();
        }
        for (InstanceView.ActiveStep step : view.activeSteps()) {
            assertThat(definition.step(step.step())).get().isInstanceOf(Step.Task.class);
            Step.Task task = (Step.Task) definition.step(step.step()).orElseThrow();
            assertThat(step.department()).isEqualTo(task.department());
            assertThat(step.branch()).isEqualTo(task.branch());
            assertThat(step.status()).isIn("active", "correction");
        }
        if ("approved".equals(view.status()) && definition.service().certificate() != null) {
            assertThat(view.certificateType()).isEqualTo(definition.service().certificate());
        }
    }

    /**
     * In the history, every transition that leaves a parallel step for its next step starts from a
     * state where every other branch had already reached its end.
     */
    private static void checkParallelStepsCompletedOnlyWithEveryBranch(InstanceView view, WorkflowDefinition definition) {
        for (JdbcWorkflowEngine.Transition entry : FIXTURE.engine.transitions(view.id())) {
            MachineState from = entry.from();
            MachineState to = entry.to();
            if (from.parallel() && !to.root().equals(from.root()) && !Step.OUTCOMES.subList(1, 3).contains(to.root())) {
                Step.Parallel parallel = (Step.Parallel) definition.steps().get(from.root());
                long unfinished = from.branches().values().stream().filter(s -> !s.endsWith(MachineState.END)).count();
                assertThat(unfinished).as("branches still working when %s left %s", entry.action(), parallel.id())
                        .isEqualTo(1);
                assertThat(entry.action()).isEqualTo("approve");
                assertThat(from.branches()).hasSize(parallel.branches().size());
            }
        }
    }
}
