package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowCommand;

/**
 * Whatever a department publishes, for every shipped service: the main path ends approved (each
 * waiting step approved by a member of its department and role), every step that may ask for
 * correction gets its correction back, every declared return leads back, and the applicant can
 * withdraw at every step.
 */
class EveryShippedServiceTest {

    private static final EngineFixture FIXTURE = new EngineFixture();
    private static final Actor APPLICANT = Actor.applicant("applicant");
    private static final Map<String, Object> FORM = Map.of("businessArea", 800, "contributionYears", 0,
            "contributedInOtherRegion", true);

    static Stream<String> services() {
        return FIXTURE.definitions.latestOfEach().stream().map(p -> p.serviceCode());
    }

    private static WorkflowDefinition definition(String service) {
        return FIXTURE.definitions.findLatest(service).orElseThrow().definition();
    }

    private static Actor memberFor(Step.Task task) {
        return new Actor(task.department() + "-" + task.role(), Set.of(task.role()), Set.of(task.department()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theMainPathEndsApproved(String service) {
        WorkflowDefinition definition = definition(service);
        InstanceView view = FIXTURE.start(service, FORM, APPLICANT);
        int guard = 0;
        while (view.running() && guard++ < 50) {
            InstanceView.ActiveStep step = view.activeSteps().get(0);
            Step.Task task = (Step.Task) definition.step(step.step()).orElseThrow();
            view = FIXTURE.engine.fire(view.id(), new WorkflowCommand.Approve(task.id(), null), memberFor(task));
        }
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.certificateType()).isEqualTo(definition.service().certificate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyStepThatMayAskForCorrectionGetsItBackAndTheApplicantMayWithdrawAnywhere(String service) {
        WorkflowDefinition definition = definition(service);
        InstanceView view = FIXTURE.start(service, FORM, APPLICANT);
        int guard = 0;
        while (view.running() && guard++ < 50) {
            InstanceView.ActiveStep step = view.activeSteps().get(0);
            Step.Task task = (Step.Task) definition.step(step.step()).orElseThrow();
            if (task.correction()) {
                view = FIXTURE.engine.fire(view.id(), new WorkflowCommand.RequestCorrection(task.id(),
                        List.of(task.visibleFields().get(0)), "请补正"), memberFor(task));
                assertThat(view.activeSteps()).anySatisfy(s -> {
                    assertThat(s.step()).isEqualTo(task.id());
                    assertThat(s.status()).isEqualTo("correction");
                });
                view = FIXTURE.engine.fire(view.id(), new WorkflowCommand.Resubmit(task.id()), APPLICANT);
                assertThat(view.activeSteps()).anySatisfy(s -> {
                    assertThat(s.step()).isEqualTo(task.id());
                    assertThat(s.status()).isEqualTo("active");
                });
            }
            // withdrawing here would end the application: try it on a twin started for the purpose
            InstanceView twin = FIXTURE.start(service, FORM, APPLICANT);
            assertThat(FIXTURE.engine.fire(twin.id(), new WorkflowCommand.Withdraw("不再需要"), APPLICANT).status())
                    .isEqualTo("withdrawn");
            view = FIXTURE.engine.fire(view.id(), new WorkflowCommand.Approve(task.id(), null), memberFor(task));
        }
        assertThat(view.status()).isEqualTo("approved");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyDeclaredReturnLeadsBackToTheEarlierStep(String service) {
        WorkflowDefinition definition = definition(service);
        for (Step.Task task : definition.tasks()) {
            for (String target : task.returnTo()) {
                InstanceView view = FIXTURE.start(service, FORM, APPLICANT);
                int guard = 0;
                while (view.running() && view.activeSteps().stream().noneMatch(s -> s.step().equals(task.id()))
                        && guard++ < 50) {
                    InstanceView.ActiveStep step = view.activeSteps().get(0);
                    Step.Task current = (Step.Task) definition.step(step.step()).orElseThrow();
                    view = FIXTURE.engine.fire(view.id(), new WorkflowCommand.Approve(current.id(), null),
                            memberFor(current));
                }
                assertThat(view.activeSteps()).as("%s reaches %s", service, task.id())
                        .anySatisfy(s -> assertThat(s.step()).isEqualTo(task.id()));
                view = FIXTURE.engine.fire(view.id(), new WorkflowCommand.ReturnTo(task.id(), target, "退回补充"),
                        memberFor(task));
                assertThat(view.activeSteps()).extracting(InstanceView.ActiveStep::step).contains(target);
            }
        }
    }
}
