package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.shared.DomainException;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowCommand.Approve;
import org.tongban.workflow.WorkflowCommand.RequestCorrection;
import org.tongban.workflow.WorkflowEvents;
import org.tongban.workflow.WorkflowMigrations;
import org.tongban.workflow.WorkflowMigrations.Blocker;
import org.tongban.workflow.WorkflowMigrations.Move;
import org.tongban.workflow.WorkflowMigrations.Placement;
import org.tongban.workflow.WorkflowMigrations.Request;
import org.tongban.workflow.WorkflowProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Moving running applications to a later version (迁移): the dry run says where each lands and what blocks it; the
 * move changes the version, the state, the waiting steps and the history together, and nothing for a blocked
 * application or one someone acted on meanwhile.
 */
class InstanceMigrationTest {

    private static final String FOOD = "food-business-licence";
    private static final String FOOD_FILE = "enterprise/food-business-licence.yaml";
    private static final String ESTABLISHMENT = "enterprise-establishment";
    private static final String ESTABLISHMENT_FILE = "enterprise/enterprise-establishment.yaml";

    private final EngineFixture fixture = new EngineFixture();
    private final InstanceMigration migrations = new InstanceMigration(fixture.jdbc, fixture.definitions,
            fixture.events::add, fixture.clock, JsonMapper.builder().build());
    private final JdbcWorkflowQueries queries = new JdbcWorkflowQueries(fixture.jdbc, fixture.clock);

    private final Actor business = Actor.applicant("business-1");
    private final Actor clerk = Actor.clerk("market-clerk", "market-regulation");
    private final Actor marketAdmin = new Actor("market-admin", Set.of("dept-admin"), Set.of("market-regulation"));
    private final Actor healthAdmin = new Actor("health-admin", Set.of("dept-admin"), Set.of("health"));
    private final Actor platformAdmin = new Actor("admin", Set.of("admin"), Set.of());
    private final Publisher marketPublisher = new Publisher("market-admin", Set.of("market-regulation"), false);

    private static String shipped(String file) {
        return ShippedDefinitions.files().stream().filter(f -> f.name().equals(file)).findFirst().orElseThrow().text();
    }

    /**
     * Version 2 of the food licence: no on-site inspection any more, and the review renamed to "decision"
     * (审查决定, same department and role).
     */
    private static String withoutInspection() {
        return shipped(FOOD_FILE)
                .replaceAll("(?s)    inspection:\\n.*?(?=    review:\\n)", "")
                .replace("next: inspection", "next: review")
                .replace("    review:\n", "    decision:\n")
                .replace("otherwise: review", "otherwise: decision")
                .replace("next: review", "next: decision");
    }

    private int publishFood(String yaml) {
        return fixture.definitions.publish(FOOD_FILE, yaml, marketPublisher).version();
    }

    private InstanceView food(int area) {
        return fixture.start(FOOD, Map.of("businessArea", area), business);
    }

    private InstanceView approve(InstanceView instance, String step, Actor actor) {
        return fixture.engine.fire(instance.id(), new Approve(step, null), actor);
    }

    private static Move of(WorkflowMigrations.Plan plan, InstanceView instance) {
        return plan.moves().stream().filter(move -> move.instance().equals(instance.id())).findFirst().orElseThrow();
    }

    private String state(InstanceId id) {
        return fixture.jdbc.sql("SELECT state FROM workflow_instance WHERE id = ?").param(id.value())
                .query(String.class).single();
    }

    private List<Map<String, Object>> tasks(InstanceId id) {
        return fixture.jdbc.sql("""
                SELECT step_id, branch_id, department, role, status, activated_at, due_at, claimed_by, remaining_working_days
                FROM workflow_task WHERE instance_id = ? ORDER BY step_id""").param(id.value()).query().listOfRows();
    }

    @Test
    void aDryRunListsWhereEachApplicationWouldLandAndWhatBlocksIt() {
        InstanceView atAcceptance = food(900);
        InstanceView atInspection = approve(food(900), "acceptance", clerk);
        InstanceView atReview = approve(food(100), "acceptance", clerk);
        int v2 = publishFood(withoutInspection());
        InstanceView onV2 = food(100);

        WorkflowMigrations.Plan plain = migrations.plan(FOOD, new Request(1, v2, Map.of()), marketAdmin);
        assertThat(plain.moves()).extracting(Move::instance)
                .as("every running application of version 1, none of version 2")
                .containsExactlyInAnyOrder(atAcceptance.id(), atInspection.id(), atReview.id());
        Move acceptance = of(plain, atAcceptance);
        assertThat(acceptance.blocked()).isFalse();
        assertThat(acceptance.reference()).startsWith("T-");
        assertThat(acceptance.from()).containsExactly(new Placement("acceptance", null, false));
        assertThat(acceptance.to()).containsExactly(new Placement("acceptance", null, false));
        assertThat(of(plain, atInspection).blockers()).containsExactly(new Blocker(Blocker.STEP_REMOVED, "inspection", null));
        assertThat(of(plain, atReview).blockers()).containsExactly(new Blocker(Blocker.STEP_REMOVED, "review", null));
        assertThat(of(plain, atReview).to()).isEmpty();
        assertThat(plain.stepMapping()).containsEntry("acceptance", "acceptance").containsEntry("inspection", null)
                .containsEntry("review", null).doesNotContainKeys("area-check", "issue-licence");

        WorkflowMigrations.Plan mapped = migrations.plan(FOOD, new Request(1, v2, Map.of("review", "decision",
                "inspection", "area-check")), marketAdmin);
        assertThat(of(mapped, atReview).to()).containsExactly(new Placement("decision", null, false));
        assertThat(of(mapped, atInspection).blockers()).as("a decision is no clerk's step")
                .containsExactly(new Blocker(Blocker.NOT_A_TASK, "inspection", "area-check"));
        assertThat(mapped.stepMapping()).containsEntry("review", "decision").containsEntry("inspection", "area-check");

        // the dry run changed nothing
        assertThat(fixture.engine.find(atReview.id()).orElseThrow().definitionVersion()).isEqualTo(1);
        assertThat(fixture.engine.history(atReview.id())).extracting(HistoryEntry::action).doesNotContain("migrate");
    }

    @Test
    void aMigratedApplicationContinuesOnTheNewVersionsSteps() {
        InstanceView big = food(900);
        int v2 = publishFood(withoutInspection());
        Request request = new Request(1, v2, Map.of("review", "decision"));
        Move planned = of(migrations.plan(FOOD, request, marketAdmin), big);

        Move moved = migrations.migrate(FOOD, request, big.id(), planned.version(), marketAdmin);
        assertThat(moved.blocked()).isFalse();
        InstanceView after = fixture.engine.find(big.id()).orElseThrow();
        assertThat(after.definitionVersion()).isEqualTo(v2);
        assertThat(after.version()).isEqualTo(big.version() + 1);
        assertThat(after.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("acceptance");

        // on version 1 a premises of 900 m² would be inspected on site; on version 2 it goes to the decision
        after = approve(big, "acceptance", clerk);
        assertThat(after.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("decision");
        assertThatThrownBy(() -> approve(big, "review", marketAdmin)).isInstanceOf(DomainException.class);
        after = approve(big, "decision", marketAdmin);
        assertThat(after.status()).isEqualTo("approved");

        HistoryEntry migrate = fixture.engine.history(big.id()).stream()
                .filter(entry -> entry.action().equals(HistoryEntry.MIGRATE)).findFirst().orElseThrow();
        assertThat(migrate.actor()).isEqualTo("market-admin");
        assertThat(migrate.actorDepartment()).isEqualTo("market-regulation");
        assertThat(migrate.step()).isNull();
        assertThat(migrate.migration()).isEqualTo(new HistoryEntry.Migration(1, v2, Map.of("acceptance", "acceptance")));
        assertThat(fixture.events(WorkflowEvents.WorkflowMigrated.class)).singleElement().satisfies(event -> {
            assertThat(event.ref().instanceId()).isEqualTo(big.id().value());
            assertThat(event.ref().definitionVersion()).isEqualTo(v2);
            assertThat(event.fromVersion()).isEqualTo(1);
            assertThat(event.steps()).containsEntry("acceptance", "acceptance");
        });
    }

    @Test
    void aRenamedStepKeepsItsClaimAndItsDueDate() {
        InstanceView atReview = approve(food(100), "acceptance", clerk);
        assertThat(queries.claim(atReview.id(), "review", "market-admin")).isTrue();
        Map<String, Object> before = tasks(atReview.id()).get(0);
        fixture.clock.advance(Duration.ofDays(1));
        int v2 = publishFood(withoutInspection());
        Request request = new Request(1, v2, Map.of("review", "decision"));

        migrations.migrate(FOOD, request, atReview.id(), of(migrations.plan(FOOD, request, marketAdmin), atReview)
                .version(), marketAdmin);

        Map<String, Object> after = tasks(atReview.id()).get(0);
        assertThat(after.get("step_id")).isEqualTo("decision");
        assertThat(after.get("claimed_by")).isEqualTo("market-admin");
        assertThat(after.get("activated_at")).isEqualTo(before.get("activated_at"));
        assertThat(after.get("due_at")).isEqualTo(before.get("due_at"));
        assertThat(state(atReview.id())).isEqualTo("decision");
        List<HistoryEntry> history = fixture.engine.history(atReview.id());
        assertThat(history.get(history.size() - 1).migration().steps())
                .isEqualTo(Map.of("review", "decision"));
        // the holder decides the renamed step
        assertThat(approve(atReview, "decision", marketAdmin).status()).isEqualTo("approved");
    }

    @Test
    void aStepMovedToAnotherRoleIsGivenBackToTheQueue() {
        InstanceView atAcceptance = food(100);
        assertThat(queries.claim(atAcceptance.id(), "acceptance", "market-clerk")).isTrue();
        // version 2: the acceptance is for the department's admins
        int v2 = publishFood(shipped(FOOD_FILE).replace(
                "      department: market-regulation\n      timeLimitWorkingDays: 1\n",
                "      department: market-regulation\n      role: dept-admin\n      timeLimitWorkingDays: 1\n"));
        Request request = new Request(1, v2, Map.of());

        migrations.migrate(FOOD, request, atAcceptance.id(), atAcceptance.version(), marketAdmin);

        Map<String, Object> task = tasks(atAcceptance.id()).get(0);
        assertThat(task.get("role")).isEqualTo("dept-admin");
        assertThat(task.get("claimed_by")).as("a clerk could no longer act on it").isNull();
    }

    @Test
    void aBlockedApplicationIsLeftUntouched() {
        InstanceView atInspection = approve(food(900), "acceptance", clerk);
        assertThat(queries.claim(atInspection.id(), "inspection", "market-clerk")).isTrue();
        String state = state(atInspection.id());
        List<Map<String, Object>> tasks = tasks(atInspection.id());
        int history = fixture.engine.history(atInspection.id()).size();
        int v2 = publishFood(withoutInspection());
        Request request = new Request(1, v2, Map.of("review", "decision"));

        Move result = migrations.migrate(FOOD, request, atInspection.id(), atInspection.version(), marketAdmin);

        assertThat(result.blockers()).containsExactly(new Blocker(Blocker.STEP_REMOVED, "inspection", null));
        InstanceView after = fixture.engine.find(atInspection.id()).orElseThrow();
        assertThat(after.definitionVersion()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(atInspection.version());
        assertThat(state(atInspection.id())).isEqualTo(state);
        assertThat(tasks(atInspection.id())).isEqualTo(tasks);
        assertThat(fixture.engine.history(atInspection.id())).hasSize(history);
        assertThat(fixture.events(WorkflowEvents.WorkflowMigrated.class)).isEmpty();
        // it still runs on version 1
        assertThat(approve(atInspection, "inspection", clerk).activeSteps())
                .extracting(InstanceView.ActiveStep::step).containsExactly("review");
    }

    @Test
    void anApplicationSomeoneActedOnSinceThePlanIsNotMoved() {
        InstanceView big = food(900);
        int v2 = publishFood(withoutInspection());
        Request request = new Request(1, v2, Map.of("review", "decision"));
        Move planned = of(migrations.plan(FOOD, request, marketAdmin), big);
        // a clerk approves between the plan and the move
        InstanceView approved = approve(big, "acceptance", clerk);

        assertThatThrownBy(() -> migrations.migrate(FOOD, request, big.id(), planned.version(), marketAdmin))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(WorkflowProblem.STALE));

        InstanceView after = fixture.engine.find(big.id()).orElseThrow();
        assertThat(after.definitionVersion()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(approved.version());
        assertThat(after.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("inspection");
        assertThat(fixture.engine.history(big.id())).extracting(HistoryEntry::action).doesNotContain("migrate");
    }

    @Test
    void aCorrectionStaysACorrectionWhereTheNewStepAllowsOneAndBlocksWhereItDoesNot() {
        InstanceView correcting = fixture.engine.fire(food(100).id(),
                new RequestCorrection("acceptance", List.of("premisesAddress"), "地址不完整"), clerk);
        Map<String, Object> task = tasks(correcting.id()).get(0);
        assertThat(task.get("status")).isEqualTo("CORRECTION");
        int v2 = publishFood(withoutInspection());
        // version 3: the acceptance may no longer ask for corrections
        int v3 = publishFood(withoutInspection().replaceFirst("correction: true", "correction: false"));

        Move refused = of(migrations.plan(FOOD, new Request(1, v3, Map.of("review", "decision")), marketAdmin),
                correcting);
        assertThat(refused.blockers())
                .containsExactly(new Blocker(Blocker.CORRECTION_NOT_ALLOWED, "acceptance", "acceptance"));

        Request request = new Request(1, v2, Map.of("review", "decision"));
        Move moved = migrations.migrate(FOOD, request, correcting.id(), correcting.version(), marketAdmin);
        assertThat(moved.to()).containsExactly(new Placement("acceptance", null, true));
        assertThat(state(correcting.id())).isEqualTo("acceptance~correction");
        assertThat(tasks(correcting.id()).get(0)).isEqualTo(task);
        // the applicant answers; the step continues on version 2
        InstanceView resumed = fixture.engine.fire(correcting.id(),
                new org.tongban.workflow.WorkflowCommand.Resubmit("acceptance"), business);
        assertThat(resumed.definitionVersion()).isEqualTo(v2);
        assertThat(resumed.activeSteps()).extracting(InstanceView.ActiveStep::status).containsExactly("active");
    }

    // ---------------------------------------------------------------- parallel steps

    private int publishEstablishment(String yaml) {
        return fixture.definitions.publish(ESTABLISHMENT_FILE, yaml, marketPublisher).version();
    }

    @Test
    void aParallelStepMovesBranchByBranchWhenItsStructureIsTheSame() {
        Actor tax = Actor.clerk("tax-clerk", "tax");
        InstanceView joint = fixture.start(ESTABLISHMENT, Map.of(), business);
        joint = fixture.engine.fire(joint.id(), new Approve("seal-engraving-filing", null),
                Actor.clerk("police-clerk", "public-security"));
        assertThat(queries.claim(joint.id(), "tax-formalities", "tax-clerk")).isTrue();
        int v2 = publishEstablishment(shipped(ESTABLISHMENT_FILE).replace("tax-formalities:", "tax-and-invoices:"));
        Request request = new Request(1, v2, Map.of("tax-formalities", "tax-and-invoices"));

        Move moved = migrations.migrate(ESTABLISHMENT, request, joint.id(), joint.version(), marketAdmin);

        assertThat(moved.to()).contains(new Placement("tax-and-invoices", "tax-registration", false))
                .hasSize(3);
        assertThat(state(joint.id())).contains("tax-registration:tax-and-invoices")
                .contains("seal-filing:seal-filing~end");
        assertThat(tasks(joint.id())).extracting(row -> row.get("step_id")).containsExactly(
                "employer-social-insurance-registration", "establishment-registration", "tax-and-invoices");
        assertThat(tasks(joint.id()).get(2).get("claimed_by")).isEqualTo("tax-clerk");
        InstanceView after = fixture.engine.fire(joint.id(), new Approve("tax-and-invoices", null), tax);
        assertThat(after.activeSteps()).extracting(InstanceView.ActiveStep::step)
                .containsExactlyInAnyOrder("establishment-registration", "employer-social-insurance-registration");
    }

    @Test
    void aParallelStepWhoseBranchesChangedIsBlockedWithTheReason() {
        InstanceView joint = fixture.start(ESTABLISHMENT, Map.of(), business);
        String shipped = shipped(ESTABLISHMENT_FILE);
        int v2 = publishEstablishment(shipped.replace("        seal-filing:\n", "        seals:\n"));
        assertThat(of(migrations.plan(ESTABLISHMENT, new Request(1, v2, Map.of()), marketAdmin), joint).blockers())
                .containsExactly(new Blocker(Blocker.PARALLEL_CHANGED, "joint-establishment", "joint-establishment"));

        // a branch's step mapped into another branch
        int v3 = publishEstablishment(shipped + "\n# version 3\n");
        assertThat(of(migrations.plan(ESTABLISHMENT, new Request(1, v3,
                Map.of("tax-formalities", "seal-engraving-filing")), marketAdmin), joint).blockers())
                .containsExactly(new Blocker(Blocker.BRANCH_CHANGED, "tax-formalities", "seal-engraving-filing"));
    }

    // ---------------------------------------------------------------- the applicant's steps and escalations

    private static final String GRIEVANCE = "citizen-complaint";
    private final Actor servicesAdmin = new Actor("gs-admin", Set.of("dept-admin"), Set.of("government-services"));

    private static Actor official(String subject, String role) {
        return new Actor(subject, Set.of("clerk", "government-services:" + role), Set.of("government-services"));
    }

    private InstanceView complaint() {
        fixture.definitions.seed(GrievanceWorkflowTest.FILE, GrievanceWorkflowTest.definition());
        InstanceView started = fixture.start(GRIEVANCE, Map.of("category", "noise", "location", "幸福路 12 号",
                "details", "楼下商铺每晚十一点后仍播放音乐"), business);
        return fixture.engine.fire(started.id(), new Approve("dispatch", null, "officer-1"),
                official("dispatcher-1", "dispatcher"));
    }

    @Test
    void anApplicationWaitingForTheApplicantsAnswerMovesToTheApplicantsStepOfTheNewVersion() {
        InstanceView waiting = fixture.engine.fire(complaint().id(), new Approve("resolve", "已约谈商铺"),
                official("officer-1", "field-officer"));
        assertThat(waiting.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("citizen-confirms");
        int v2 = fixture.definitions.seed(GrievanceWorkflowTest.FILE,
                GrievanceWorkflowTest.definition().replace("citizen-confirms", "citizen-feedback")).version();

        // a clerk's step cannot stand in for the applicant's answer
        assertThat(of(migrations.plan(GRIEVANCE, new Request(1, v2, Map.of("citizen-confirms", "resolve")),
                servicesAdmin), waiting).blockers())
                .containsExactly(new Blocker(Blocker.KIND_CHANGED, "citizen-confirms", "resolve"));

        Request request = new Request(1, v2, Map.of("citizen-confirms", "citizen-feedback"));
        Move moved = migrations.migrate(GRIEVANCE, request, waiting.id(), waiting.version(), servicesAdmin);
        assertThat(moved.to()).containsExactly(new Placement("citizen-feedback", null, false));
        assertThat(tasks(waiting.id())).singleElement().satisfies(task -> {
            assertThat(task.get("step_id")).isEqualTo("citizen-feedback");
            assertThat(task.get("role")).isEqualTo(org.tongban.workflow.Step.Applicant.ROLE);
        });
        InstanceView ended = fixture.engine.fire(waiting.id(),
                new org.tongban.workflow.WorkflowCommand.Confirm("citizen-feedback", "已解决"), business);
        assertThat(ended.status()).isEqualTo("approved");
    }

    @Test
    void anEscalatedStepStaysWithWhoeverItWasEscalatedTo() {
        InstanceView dispatched = complaint();
        fixture.clock.advance(Duration.ofHours(25));
        fixture.timers.fireDue();
        assertThat(tasks(dispatched.id())).singleElement()
                .satisfies(task -> assertThat(task.get("role")).isEqualTo("supervisor"));
        InstanceView escalated = fixture.engine.find(dispatched.id()).orElseThrow();
        int v2 = fixture.definitions.seed(GrievanceWorkflowTest.FILE,
                GrievanceWorkflowTest.definition() + "\n# version 2\n").version();

        migrations.migrate(GRIEVANCE, new Request(1, v2, Map.of()), escalated.id(), escalated.version(),
                servicesAdmin);

        assertThat(tasks(escalated.id())).singleElement()
                .satisfies(task -> assertThat(task.get("role")).as("not handed back").isEqualTo("supervisor"));
        InstanceView after = fixture.engine.fire(escalated.id(), new Approve("resolve", "督办"),
                official("supervisor-1", "supervisor"));
        assertThat(after.definitionVersion()).isEqualTo(v2);
        assertThat(after.activeSteps()).extracting(InstanceView.ActiveStep::step).containsExactly("citizen-confirms");
    }

    // ---------------------------------------------------------------- who may, and bad requests

    @Test
    void onlyTheOwningDepartmentsAdminsAndThePlatformAdminMayMigrate() {
        InstanceView big = food(900);
        int v2 = publishFood(withoutInspection());
        Request request = new Request(1, v2, Map.of("review", "decision"));
        for (Actor stranger : List.of(healthAdmin, clerk, business,
                new Actor("market-clerk", Set.of("clerk", "dept-admin"), Set.of("health")))) {
            assertThatThrownBy(() -> migrations.plan(FOOD, request, stranger)).as(stranger.subject())
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(WorkflowProblem.MIGRATION_NOT_OWNER));
            assertThatThrownBy(() -> migrations.migrate(FOOD, request, big.id(), big.version(), stranger))
                    .isInstanceOf(DomainException.class);
        }
        assertThat(fixture.engine.find(big.id()).orElseThrow().definitionVersion()).isEqualTo(1);
        assertThat(migrations.plan(FOOD, request, platformAdmin).moves()).hasSize(1);
        assertThat(migrations.migrate(FOOD, request, big.id(), big.version(), platformAdmin).blocked()).isFalse();
        assertThatThrownBy(() -> migrations.plan("no-such-service", request, platformAdmin))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(WorkflowProblem.NOT_FOUND));
    }

    @Test
    void aBadRequestNamesEachMistakeAndChangesNothing() {
        InstanceView big = food(900);
        int v2 = publishFood(withoutInspection());

        assertThat(errors(new Request(1, 7, Map.of()))).containsExactly("toVersion");
        assertThat(errors(new Request(0, v2, Map.of()))).containsExactly("fromVersion");
        assertThat(errors(new Request(v2, 1, Map.of()))).containsExactly("toVersion");
        assertThat(errors(new Request(1, 1, Map.of()))).containsExactly("toVersion");
        java.util.Map<String, String> nullTarget = new java.util.HashMap<>();
        nullTarget.put("review", null);
        assertThat(errors(new Request(1, v2, nullTarget))).containsExactly("stepMapping.review");
        assertThat(errors(new Request(1, v2, Map.of("reviw", "decision", "inspection", "nowhere"))))
                .containsExactlyInAnyOrder("stepMapping.reviw", "stepMapping.inspection");
        assertThatThrownBy(() -> migrations.migrate(FOOD, new Request(1, v2, Map.of("review", "nowhere")), big.id(),
                big.version(), marketAdmin)).isInstanceOf(DomainException.class);
        assertThat(fixture.engine.find(big.id()).orElseThrow().definitionVersion()).isEqualTo(1);
    }

    private List<String> errors(Request request) {
        try {
            migrations.plan(FOOD, request, marketAdmin);
        } catch (DomainException e) {
            assertThat(e.code()).isEqualTo(WorkflowProblem.BAD_MIGRATION);
            return e.errors().stream().map(error -> (String) error.get("field")).toList();
        }
        throw new AssertionError("accepted: " + request);
    }
}
