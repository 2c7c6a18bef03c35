package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.workflow.Actor;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowCommand;

/**
 * What {@code import-workflow} writes is not only valid but runs: an application goes through each
 * converted definition on the engine, from submission to its outcome.
 */
class ImportedWorkflowsRunTest {

    private static final Actor APPLICANT = Actor.applicant("applicant");

    private final EngineFixture fixture = new EngineFixture();

    private static String resource(String name) throws IOException {
        try (InputStream in = ImportedWorkflowsRunTest.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private WorkflowDefinition publish(ImportedWorkflow imported, String department, String category) {
        String file = category + "/" + imported.code() + ".yaml";
        fixture.definitions.seed(file, imported.toYaml(department, category, "fixture"));
        return fixture.definitions.findLatest(imported.code()).orElseThrow().definition();
    }

    private static Actor memberFor(Step.Task task) {
        return new Actor(task.department() + "-" + task.role(), Set.of(task.role()), Set.of(task.department()));
    }

    /** Approves whatever waits until the application ends or reaches {@code stopAt}. */
    private InstanceView approveUntil(InstanceView view, WorkflowDefinition definition, String stopAt) {
        int guard = 0;
        while (view.running() && guard++ < 20
                && view.activeSteps().stream().noneMatch(step -> step.step().equals(stopAt))) {
            InstanceView.ActiveStep step = view.activeSteps().get(0);
            Step.Task task = (Step.Task) definition.step(step.step()).orElseThrow();
            view = fixture.engine.fire(view.id(), new WorkflowCommand.Approve(task.id(), null), memberFor(task));
        }
        return view;
    }

    @Test
    void aGrievanceGoesThroughTheConvertedDigitWorkflowToResolutionOrRejection() throws IOException {
        ImportedWorkflow imported = DigitBusinessServiceImport.convert(resource("PgrWorkflowConfig.json"), "PgrWorkflowConfig.json");
        WorkflowDefinition definition = publish(imported, "public-security", "life-event");

        InstanceView resolved = fixture.start("pgr", Map.of("summary", "路灯不亮"), APPLICANT);
        assertThat(resolved.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("pendingforassignment");
        resolved = approveUntil(resolved, definition, null);
        assertThat(resolved.status()).isEqualTo("approved");

        // DIGIT's REJECT is the reject every task has
        InstanceView rejected = fixture.start("pgr", Map.of("summary", "重复投诉"), APPLICANT);
        Step.Task assignment = (Step.Task) definition.step("pendingforassignment").orElseThrow();
        rejected = fixture.engine.fire(rejected.id(), new WorkflowCommand.Reject("pendingforassignment", "不属于受理范围"),
                memberFor(assignment));
        assertThat(rejected.status()).isEqualTo("rejected");
    }

    @Test
    void anAnnouncementGoesThroughTheConvertedCamundaProcessAndItsDecision() throws IOException {
        ImportedWorkflow imported = BpmnImport.convert(resource("camunda-testing-job-announcement.bpmn"),
                "camunda-testing-job-announcement.bpmn");
        WorkflowDefinition definition = publish(imported, "human-resources-social-security", "social-security");

        InstanceView approved = fixture.start(imported.code(), Map.of("summary", "招聘", "approved", true), APPLICANT);
        approved = approveUntil(approved, definition, null);
        assertThat(approved.status()).isEqualTo("approved");

        // the gateway's other way: back to the editor, and from there to the review again
        InstanceView corrected = fixture.start(imported.code(), Map.of("summary", "招聘", "approved", false), APPLICANT);
        corrected = approveUntil(corrected, definition, "correct");
        assertThat(corrected.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("correct");
        Step.Task correct = (Step.Task) definition.step("correct").orElseThrow();
        corrected = fixture.engine.fire(corrected.id(), new WorkflowCommand.Approve("correct", null), memberFor(correct));
        assertThat(corrected.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("review");
    }

    @Test
    void aLargeFoodShopGoesThroughBothBranchesOfTheConvertedParallelStep() throws IOException {
        ImportedWorkflow imported = BpmnImport.convert(resource("written-for-tests/shop-permit.bpmn20.xml"),
                "shop-permit.bpmn20.xml");
        WorkflowDefinition definition = publish(imported, "market-regulation", "enterprise");

        InstanceView view = fixture.start(imported.code(), Map.of("summary", "开店", "amount", 800, "kind", "food"), APPLICANT);
        view = approveUntil(view, definition, "fire-check");
        assertThat(view.activeSteps()).extracting(InstanceView.ActiveStep::step)
                .containsExactlyInAnyOrder("fire-check", "hygiene-check");
        view = approveUntil(view, definition, null);
        assertThat(view.status()).isEqualTo("approved");
    }
}
