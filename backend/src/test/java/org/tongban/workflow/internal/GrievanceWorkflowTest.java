package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.shared.DomainException;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowCommand.Approve;
import org.tongban.workflow.WorkflowCommand.Confirm;
import org.tongban.workflow.WorkflowCommand.Reopen;
import org.tongban.workflow.WorkflowCommand.Supply;
import org.tongban.workflow.WorkflowProblem;

/**
 * A city hotline's grievance process (src/test/resources/grievance/citizen-complaint.yaml), written with the
 * department's own roles: a dispatcher names the field officer, the officer resolves, the citizen reopens, the
 * escalation hands the overdue case to the supervisor, the citizen confirms and the case ends in its named end
 * state. Also: limits in hours, an applicant step that times out, an escalation to another department and one on to
 * a step.
 */
class GrievanceWorkflowTest {

    static final String FILE = "complaints/citizen-complaint.yaml";
    private static final String DEPARTMENT = "government-services";

    private final EngineFixture fixture = new EngineFixture();
    private final Actor citizen = Actor.applicant("citizen-1");
    private final Actor dispatcher = official("dispatcher-1", "dispatcher");
    private final Actor officer = official("officer-1", "field-officer");
    private final Actor otherOfficer = official("officer-2", "field-officer");
    private final Actor supervisor = official("supervisor-1", "supervisor");

    static String definition() {
        try (InputStream in = GrievanceWorkflowTest.class.getResourceAsStream("/grievance/citizen-complaint.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Actor official(String subject, String role) {
        return new Actor(subject, Set.of("clerk", DEPARTMENT + ":" + role), Set.of(DEPARTMENT));
    }

    private InstanceView start(String yaml) {
        fixture.definitions.seed(FILE, yaml);
        return fixture.start("citizen-complaint", Map.of("category", "noise", "location", "幸福路 12 号",
                "details", "楼下商铺每晚十一点后仍播放音乐"), citizen);
    }

    private InstanceView.ActiveStep waiting(InstanceId id) {
        return fixture.engine.find(id).orElseThrow().activeSteps().get(0);
    }

    private String claimedBy(InstanceId id, String step) {
        return fixture.jdbc.sql("SELECT claimed_by FROM workflow_task WHERE instance_id = ? AND step_id = ?")
                .params(id.value(), step).query(String.class).optional().orElse(null);
    }

    private static void refused(Runnable action, WorkflowProblem problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(problem));
    }

    @Test
    void dispatchResolveReopenEscalateConfirm() {
        InstanceView view = start(definition());
        InstanceId id = view.id();
        InstanceView.ActiveStep dispatch = view.activeSteps().get(0);
        assertThat(dispatch.step()).isEqualTo("dispatch");
        assertThat(dispatch.role()).isEqualTo("dispatcher");
        assertThat(dispatch.dueAt()).as("4 hours around the clock").isEqualTo(fixture.clock.instant().plus(Duration.ofHours(4)));

        // a field officer holds no dispatcher role; the dispatcher must name the official
        refused(() -> fixture.engine.fire(id, new Approve("dispatch", null, "officer-1"), officer),
                WorkflowProblem.NOT_YOUR_STEP);
        refused(() -> fixture.engine.fire(id, new Approve("dispatch", null), dispatcher),
                WorkflowProblem.INCOMPLETE_COMMAND);
        fixture.engine.fire(id, new Approve("dispatch", "噪声，派承办人现场核查", "officer-1"), dispatcher);
        assertThat(waiting(id).step()).isEqualTo("resolve");
        assertThat(claimedBy(id, "resolve")).as("派单: the named officer holds it").isEqualTo("officer-1");
        refused(() -> fixture.engine.fire(id, new Approve("resolve", null), otherOfficer), WorkflowProblem.CLAIMED);

        fixture.clock.advance(Duration.ofHours(3));
        fixture.engine.fire(id, new Approve("resolve", "已约谈商铺，承诺晚十点后停止播放"), officer);
        InstanceView.ActiveStep confirm = waiting(id);
        assertThat(confirm.step()).isEqualTo("citizen-confirms");
        assertThat(confirm.role()).as("no clerk's queue shows it").isEqualTo(Step.Applicant.ROLE);

        // only the applicant answers, and a reopening says why
        refused(() -> fixture.engine.fire(id, new Reopen("citizen-confirms", "还是很吵"), officer),
                WorkflowProblem.NOT_THE_APPLICANT);
        refused(() -> fixture.engine.fire(id, new Reopen("citizen-confirms", " "), citizen),
                WorkflowProblem.INCOMPLETE_COMMAND);
        refused(() -> fixture.engine.fire(id, new Supply("citizen-confirms", "补充"), citizen),
                WorkflowProblem.NOT_ALLOWED);
        fixture.engine.fire(id, new Reopen("citizen-confirms", "昨晚十一点半仍在播放音乐"), citizen);
        assertThat(waiting(id).step()).isEqualTo("resolve");
        assertThat(claimedBy(id, "resolve")).as("a reopened case waits in the shared queue").isNull();
        fixture.engine.fire(id, new org.tongban.workflow.WorkflowCommand.Approve("resolve", null), officer)
                .activeSteps(); // the officer resolves again…
        fixture.engine.fire(id, new Reopen("citizen-confirms", "仍然没有改善"), citizen); // …and it is reopened again

        // nobody acts for 24 hours: yellow after 18, then overdue and handed to the supervisor
        fixture.clock.advance(Duration.ofHours(18).plusMinutes(1));
        assertThat(fixture.timers.fireDue()).isEqualTo(1);
        assertThat(waiting(id).light()).isEqualTo(InstanceView.Light.YELLOW);
        fixture.clock.advance(Duration.ofHours(6));
        assertThat(fixture.timers.fireDue()).as("overdue and escalated").isEqualTo(2);
        InstanceView.ActiveStep escalated = waiting(id);
        assertThat(escalated.step()).isEqualTo("resolve");
        assertThat(escalated.role()).isEqualTo("supervisor");
        assertThat(escalated.light()).isEqualTo(InstanceView.Light.RED);
        assertThat(fixture.timers.fireDue()).isZero();
        refused(() -> fixture.engine.fire(id, new Approve("resolve", null), officer), WorkflowProblem.NOT_YOUR_STEP);
        fixture.engine.fire(id, new Approve("resolve", "督办：商铺已安装隔音设施"), supervisor);

        InstanceView ended = fixture.engine.fire(id, new Confirm("citizen-confirms", "已解决，谢谢"), citizen);
        assertThat(ended.status()).isEqualTo("approved");
        assertThat(fixture.jdbc.sql("SELECT end_state FROM workflow_instance WHERE id = ?").param(id.value())
                .query(String.class).single()).isEqualTo("resolved");

        assertThat(fixture.engine.history(id)).extracting(HistoryEntry::action).containsExactly(
                "start", "approve", "approve", "reopen", "approve", "reopen", "escalate", "approve", "confirm");
        HistoryEntry escalation = fixture.engine.history(id).get(6);
        assertThat(escalation.actor()).isEqualTo("system");
        assertThat(escalation.step()).isEqualTo("resolve");
        assertThat(fixture.engine.history(id).get(3).reason()).isEqualTo("昨晚十一点半仍在播放音乐");
    }

    @Test
    void anUnansweredConfirmationEndsAsResolvedAfterItsWorkingDays() {
        InstanceId id = start(definition()).id();
        fixture.engine.fire(id, new Approve("dispatch", null, "officer-1"), dispatcher);
        fixture.engine.fire(id, new Approve("resolve", null), officer);
        assertThat(waiting(id).dueAt()).as("7 working days from Monday 2 March: end of Wednesday 11 March")
                .isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));

        fixture.clock.set(Instant.parse("2026-03-11T15:00:00Z"));
        assertThat(fixture.timers.fireDue()).as("no warnings for the applicant's own time").isZero();
        assertThat(fixture.engine.find(id).orElseThrow().status()).isEqualTo("running");
        fixture.clock.set(Instant.parse("2026-03-11T16:00:00Z"));
        assertThat(fixture.timers.fireDue()).isEqualTo(1);
        assertThat(fixture.engine.find(id).orElseThrow().status()).isEqualTo("approved");
        assertThat(fixture.engine.history(id)).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("timeout");
            assertThat(entry.actor()).isEqualTo("system");
        });
        refused(() -> fixture.engine.fire(id, new Reopen("citizen-confirms", "太晚了"), citizen),
                WorkflowProblem.NOT_ALLOWED);
    }

    @Test
    void aDispatcherRejectsAComplaintThatIsNoMatterForTheGovernmentIntoItsNamedEndState() {
        InstanceId id = start(definition()).id();
        InstanceView ended = fixture.engine.fire(id,
                new org.tongban.workflow.WorkflowCommand.Reject("dispatch", "邻里纠纷，请通过人民调解解决"), dispatcher);
        assertThat(ended.status()).isEqualTo("rejected");
        assertThat(ended.endState()).isEqualTo("not-accepted");
        assertThat(fixture.engine.find(id).orElseThrow().endState()).isEqualTo("not-accepted");

        DefinitionParser parser = new DefinitionParser(() -> EngineFixture.DEPARTMENTS, () -> EngineFixture.ROLES,
                org.tongban.workflow.DataCatalogue.fromClasspath());
        assertThat(parser.parse(FILE, definition().replace("onReject: not-accepted", "onReject: resolved")).problems())
                .as("a rejection cannot end in an approval").anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo("on-reject-not-a-rejection");
                    assertThat(p.path()).isEqualTo("/workflow/steps/dispatch/onReject");
                });
    }

    @Test
    void anEscalationCanHandTheTaskToAnotherDepartment() {
        InstanceId id = start(definition().replace("escalation: { role: supervisor }",
                "escalation: { department: market-regulation }")).id();
        fixture.engine.fire(id, new Approve("dispatch", null, "officer-1"), dispatcher);
        fixture.clock.advance(Duration.ofHours(25));
        fixture.timers.fireDue();
        InstanceView.ActiveStep moved = waiting(id);
        assertThat(moved.department()).isEqualTo("market-regulation");
        assertThat(moved.role()).isEqualTo("clerk");
        assertThat(claimedBy(id, "resolve")).as("released from the officer who let it lapse").isNull();
        fixture.engine.fire(id, new Approve("resolve", "已转市场监管部门处理"), Actor.clerk("market-clerk", "market-regulation"));
        assertThat(waiting(id).step()).isEqualTo("citizen-confirms");
    }

    @Test
    void anEscalationCanMoveTheApplicationOnToANamedStep() {
        String yaml = definition()
                .replace("escalation: { role: supervisor }", "escalation: { step: supervisor-review }")
                .replace("  ends:", String.join("\n",
                        "    supervisor-review:",
                        "      type: task",
                        "      name: { zh-CN: 督办, en-US: Supervisor review }",
                        "      department: government-services",
                        "      role: supervisor",
                        "      timeLimitWorkingDays: 1",
                        "      visibleFields: [details]",
                        "      next: citizen-confirms",
                        "  ends:"));
        InstanceId id = start(yaml).id();
        fixture.engine.fire(id, new Approve("dispatch", null, "officer-1"), dispatcher);
        fixture.clock.advance(Duration.ofHours(25));
        fixture.timers.fireDue();
        assertThat(waiting(id).step()).isEqualTo("supervisor-review");
        assertThat(fixture.engine.history(id)).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("escalate");
            assertThat(entry.step()).isEqualTo("resolve");
        });
        fixture.engine.fire(id, new Approve("supervisor-review", null), supervisor);
        assertThat(fixture.engine.fire(id, new Confirm("citizen-confirms", null), citizen).status()).isEqualTo("approved");
    }

    @Test
    void theValidatorKnowsTheDepartmentsOwnRoles() {
        DefinitionParser parser = new DefinitionParser(() -> EngineFixture.DEPARTMENTS, () -> EngineFixture.ROLES,
                org.tongban.workflow.DataCatalogue.fromClasspath());
        assertThat(parser.parse(FILE, definition()).problems())
                .filteredOn(p -> p.severity() == DefinitionProblem.Severity.ERROR).isEmpty();

        ValidationReport unknownRole = parser.parse(FILE, definition().replace("role: field-officer", "role: inspector"));
        assertThat(unknownRole.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("unknown-role");
            assertThat(p.path()).isEqualTo("/workflow/steps/resolve/role");
            assertThat(p.args()).containsExactly("inspector", "government-services",
                    "clerk, dept-admin, dispatcher, field-officer, supervisor");
        });
        // another department does not have the hotline's roles
        assertThat(parser.parse(FILE, definition().replace("escalation: { role: supervisor }",
                "escalation: { department: education, role: supervisor }")).problems())
                .anySatisfy(p -> assertThat(p.code()).isEqualTo("unknown-role"));
        assertThat(parser.parse(FILE, definition().replace("timeLimitHours: 24", "timeLimitHours: 24\n      timeLimitWorkingDays: 1"))
                .problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("time-limit-twice"));
        assertThat(parser.parse(FILE, definition().replace("      reopenTo: resolve\n", "")).problems())
                .anySatisfy(p -> assertThat(p.args()).containsExactly("reopenTo"));
        assertThat(parser.parse(FILE, definition().replace("next: resolve\n", "next: citizen-confirms\n")).problems())
                .anySatisfy(p -> assertThat(p.code()).isEqualTo("assigns-next-not-a-task"));
        assertThat(parser.parse(FILE, definition().replace("    resolved:\n", "    dispatch:\n")
                .replace("next: resolved", "next: dispatch")).problems())
                .anySatisfy(p -> assertThat(p.code()).isEqualTo("end-is-a-step"));
    }
}
