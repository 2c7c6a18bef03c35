package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.shared.DomainException;
import org.tongban.shared.ProblemCode.Kind;
import org.tongban.workflow.WorkflowProblem;
import org.tongban.workflow.Actor;
import org.tongban.workflow.HistoryEntry;
import org.tongban.workflow.InstanceId;
import org.tongban.workflow.InstanceView;
import org.tongban.workflow.WorkflowCommand.Approve;
import org.tongban.workflow.WorkflowCommand.Reject;
import org.tongban.workflow.WorkflowCommand.RequestCorrection;
import org.tongban.workflow.WorkflowCommand.Resubmit;
import org.tongban.workflow.WorkflowCommand.ReturnTo;
import org.tongban.workflow.WorkflowCommand.Withdraw;
import org.tongban.workflow.WorkflowEvents;

/** Every shipped service, driven start to finish: main path, correction, return, rejection, withdrawal. */
class ShippedServicesTest {

    private final EngineFixture fixture = new EngineFixture();
    private final Actor applicant = Actor.applicant("citizen-1");
    private final Actor business = new Actor("business-1", java.util.Set.of("business"), java.util.Set.of());

    private static Actor clerk(String department) {
        return Actor.clerk(department + "-clerk", department);
    }

    private static Actor admin(String department) {
        return new Actor(department + "-admin", java.util.Set.of("dept-admin"), java.util.Set.of(department));
    }

    private static List<String> active(InstanceView view) {
        return view.activeSteps().stream().map(InstanceView.ActiveStep::step).sorted().toList();
    }

    // ---- food business licence: decision, inspection, correction, return ----

    @Test
    void smallFoodPremisesSkipTheInspectionAndGetALicence() {
        InstanceView view = fixture.start("food-business-licence", Map.of("businessArea", 120), business);
        assertThat(active(view)).containsExactly("acceptance");
        assertThat(view.definitionVersion()).isEqualTo(1);

        view = fixture.engine.fire(view.id(), new Approve("acceptance", null), clerk("market-regulation"));
        assertThat(active(view)).containsExactly("review");

        view = fixture.engine.fire(view.id(), new Approve("review", "materials complete"), admin("market-regulation"));
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.certificateType()).isEqualTo("food-business-licence");
        assertThat(view.activeSteps()).isEmpty();
        assertThat(fixture.events(WorkflowEvents.WorkflowEnded.class)).singleElement()
                .satisfies(ended -> assertThat(ended.outcome()).isEqualTo("approved"));
        assertThat(fixture.engine.history(view.id())).extracting(HistoryEntry::action)
                .containsExactly("start", "approve", "approve", "auto:issue-certificate");
    }

    @Test
    void largeFoodPremisesAreInspectedAfterACorrectionAndAReturn() {
        InstanceView view = fixture.start("food-business-licence", Map.of("businessArea", 800), business);
        InstanceId id = view.id();

        view = fixture.engine.fire(id, new RequestCorrection("acceptance", List.of("floor-plan"),
                "平面图未标注操作间面积"), clerk("market-regulation"));
        assertThat(view.activeSteps()).singleElement().satisfies(step -> {
            assertThat(step.status()).isEqualTo("correction");
            assertThat(step.light()).isEqualTo(InstanceView.Light.PAUSED);
        });
        assertThat(fixture.events(WorkflowEvents.CorrectionRequested.class)).singleElement()
                .satisfies(c -> assertThat(c.items()).containsExactly("floor-plan"));
        // a clerk cannot act while the applicant corrects
        assertThatThrownBy(() -> fixture.engine.fire(id, new Approve("acceptance", null), clerk("market-regulation")))
                .isInstanceOf(DomainException.class);

        view = fixture.engine.fire(id, new Resubmit("acceptance"), business);
        assertThat(view.activeSteps()).singleElement().satisfies(step -> assertThat(step.status()).isEqualTo("active"));

        view = fixture.engine.fire(id, new Approve("acceptance", null), clerk("market-regulation"));
        assertThat(active(view)).containsExactly("inspection");
        view = fixture.engine.fire(id, new Approve("inspection", "现场核查合格"), clerk("market-regulation"));
        assertThat(active(view)).containsExactly("review");

        assertThatThrownBy(() -> fixture.engine.fire(id, new Approve("review", null), clerk("market-regulation")))
                .as("the review is the department admin's").isInstanceOf(DomainException.class);
        view = fixture.engine.fire(id, new ReturnTo("review", "acceptance", "经营项目与平面图不符，请重新受理"),
                admin("market-regulation"));
        assertThat(active(view)).containsExactly("acceptance");
        HistoryEntry returned = fixture.engine.history(id).get(fixture.engine.history(id).size() - 1);
        assertThat(returned.action()).isEqualTo("return");
        assertThat(returned.reason()).contains("重新受理");

        view = fixture.engine.fire(id, new Approve("acceptance", null), clerk("market-regulation"));
        view = fixture.engine.fire(id, new Approve("inspection", null), clerk("market-regulation"));
        view = fixture.engine.fire(id, new Approve("review", null), admin("market-regulation"));
        assertThat(view.status()).isEqualTo("approved");
    }

    // ---- primary-school enrolment: parallel review by education and health ----

    @Test
    void enrolmentIsReviewedInParallelAndDecidedOnlyWhenBothDepartmentsApproved() {
        InstanceView view = fixture.start("primary-school-enrolment", Map.of(), applicant);
        assertThat(active(view)).containsExactly("enrolment-acceptance", "vaccination-record-check");
        InstanceId id = view.id();

        assertThatThrownBy(() -> fixture.engine.fire(id, new Approve("enrolment-acceptance", null), clerk("health")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code().kind()).isEqualTo(Kind.FORBIDDEN);
                    assertThat(e.code()).isEqualTo(WorkflowProblem.NOT_YOUR_STEP);
                });

        view = fixture.engine.fire(id, new Approve("vaccination-record-check", null), clerk("health"));
        assertThat(active(view)).containsExactly("enrolment-acceptance");
        view = fixture.engine.fire(id, new Approve("enrolment-acceptance", null), clerk("education"));
        assertThat(active(view)).containsExactly("eligibility-review");
        view = fixture.engine.fire(id, new Approve("eligibility-review", null), clerk("education"));
        assertThat(active(view)).containsExactly("placement-decision");
        view = fixture.engine.fire(id, new Approve("placement-decision", null), admin("education"));
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.certificateType()).isEqualTo("enrolment-notice");
        assertThat(fixture.engine.history(id)).extracting(HistoryEntry::action)
                .endsWith("auto:issue-certificate", "auto:notify");
    }

    @Test
    void aHealthRejectionOfTheVaccinationRecordAsksForCorrectionWhileEducationGoesOn() {
        InstanceView view = fixture.start("primary-school-enrolment", Map.of(), applicant);
        InstanceId id = view.id();
        view = fixture.engine.fire(id, new Reject("vaccination-record-check", "接种记录缺少麻腮风第二剂"), clerk("health"));
        assertThat(view.status()).isEqualTo("running");
        assertThat(view.activeSteps()).extracting(InstanceView.ActiveStep::step, InstanceView.ActiveStep::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("enrolment-acceptance", "active"),
                        org.assertj.core.groups.Tuple.tuple("vaccination-record-check", "correction"));
        view = fixture.engine.fire(id, new Approve("enrolment-acceptance", null), clerk("education"));
        view = fixture.engine.fire(id, new Resubmit("vaccination-record-check"), applicant);
        view = fixture.engine.fire(id, new Approve("vaccination-record-check", null), clerk("health"));
        assertThat(active(view)).containsExactly("eligibility-review");
    }

    @Test
    void theApplicantWithdrawsDuringParallelReviewAndOnlyTheApplicantCan() {
        InstanceView view = fixture.start("primary-school-enrolment", Map.of(), applicant);
        InstanceId id = view.id();
        assertThatThrownBy(() -> fixture.engine.fire(id, new Withdraw("不需要了"), Actor.applicant("someone-else")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().kind()).isEqualTo(Kind.FORBIDDEN));
        view = fixture.engine.fire(id, new Withdraw("已选择民办学校"), applicant);
        assertThat(view.status()).isEqualTo("withdrawn");
        assertThat(view.activeSteps()).isEmpty();
        assertThatThrownBy(() -> fixture.engine.fire(id, new Withdraw("again"), applicant))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().kind()).isEqualTo(Kind.CONFLICT));
    }

    // ---- enterprise establishment: four departments in parallel, one working day ----

    @Test
    void enterpriseEstablishmentRunsFourDepartmentsInParallel() {
        InstanceView view = fixture.start("enterprise-establishment", Map.of(), business);
        assertThat(active(view)).containsExactly("employer-social-insurance-registration", "establishment-registration",
                "seal-engraving-filing", "tax-formalities");
        assertThat(view.activeSteps()).allSatisfy(step -> assertThat(step.dueAt()).isEqualTo(
                java.time.Instant.parse("2026-03-03T16:00:00Z"))); // end of Tuesday in Beijing: one working day
        InstanceId id = view.id();
        view = fixture.engine.fire(id, new RequestCorrection("seal-engraving-filing", List.of("sealTypes"), "请补充印章类型"),
                clerk("public-security"));
        view = fixture.engine.fire(id, new Approve("establishment-registration", null), clerk("market-regulation"));
        view = fixture.engine.fire(id, new Approve("tax-formalities", null), clerk("tax"));
        view = fixture.engine.fire(id, new Approve("employer-social-insurance-registration", null),
                clerk("human-resources-social-security"));
        assertThat(view.status()).as("the parallel step waits for the seal filing").isEqualTo("running");
        view = fixture.engine.fire(id, new Resubmit("seal-engraving-filing"), business);
        view = fixture.engine.fire(id, new Approve("seal-engraving-filing", null), clerk("public-security"));
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.certificateType()).isEqualTo("business-licence");
    }

    // ---- newborn: public security, then medical insurance, with the register written in between ----

    @Test
    void theNewbornBundleMovesThroughTwoDepartmentsAndCanBeRejectedWithAReason() {
        InstanceView view = fixture.start("newborn", Map.of(), applicant);
        InstanceId id = view.id();
        assertThat(view.activeSteps()).singleElement()
                .satisfies(step -> assertThat(step.department()).isEqualTo("public-security"));
        assertThatThrownBy(() -> fixture.engine.fire(id, new Reject("household-registration", " "), clerk("public-security")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().kind()).isEqualTo(Kind.INVALID));
        view = fixture.engine.fire(id, new Reject("household-registration", "父母双方户籍均不在本市"), clerk("public-security"));
        assertThat(view.status()).isEqualTo("rejected");
        assertThat(fixture.engine.history(id)).last().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("父母双方户籍均不在本市");
            assertThat(entry.actorDepartment()).isEqualTo("public-security");
        });
    }

    @Test
    void theNewbornBundleRecordsTheBirthThenEnrolsTheChildAndIssuesTheInsuranceCertificate() {
        InstanceView view = fixture.start("newborn", Map.of(), applicant);
        view = fixture.engine.fire(view.id(), new Approve("household-registration", null), clerk("public-security"));
        assertThat(active(view)).containsExactly("medical-insurance-enrolment");
        view = fixture.engine.fire(view.id(), new Approve("medical-insurance-enrolment", null), clerk("medical-insurance"));
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.certificateType()).isEqualTo("medical-insurance-certificate");
        assertThat(fixture.events(WorkflowEvents.AutomaticStepExecuted.class)).extracting(e -> e.step() + ":" + e.action())
                .containsExactly("register-birth:record", "enrol:record", "issue-insurance-certificate:issue-certificate");
        assertThat(fixture.engine.history(view.id())).extracting(HistoryEntry::action).containsExactly("start", "approve",
                "auto:record", "approve", "auto:record", "auto:issue-certificate");
    }

    // ---- birth medical certificate, unemployment benefit ----

    @Test
    void theBirthMedicalCertificateIsIssuedAfterACorrection() {
        InstanceView view = fixture.start("birth-medical-certificate", Map.of(), applicant);
        view = fixture.engine.fire(view.id(), new RequestCorrection("delivery-record-review", List.of("motherIdNumber"),
                "母亲身份证号与分娩记录不一致"), clerk("health"));
        view = fixture.engine.fire(view.id(), new Resubmit("delivery-record-review"), applicant);
        view = fixture.engine.fire(view.id(), new Approve("delivery-record-review", null), clerk("health"));
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.certificateType()).isEqualTo("birth-medical-certificate");
    }

    @Test
    void shortContributionsAreVerifiedBeforeTheBenefitIsReviewed() {
        InstanceView longer = fixture.start("unemployment-insurance-benefit",
                Map.of("contributionYears", 3, "contributedInOtherRegion", false), applicant);
        longer = fixture.engine.fire(longer.id(), new Approve("acceptance", null), clerk("human-resources-social-security"));
        assertThat(active(longer)).containsExactly("benefit-review");

        InstanceView shorter = fixture.start("unemployment-insurance-benefit",
                Map.of("contributionYears", 0.5, "contributedInOtherRegion", false), applicant);
        shorter = fixture.engine.fire(shorter.id(), new Approve("acceptance", null), clerk("human-resources-social-security"));
        assertThat(active(shorter)).containsExactly("contribution-verification");
    }

    // ---- refusals change nothing ----

    @Test
    void aRefusedEventLeavesStateAndVersionUnchanged() {
        InstanceView before = fixture.start("food-business-licence", Map.of("businessArea", 50), business);
        assertThatThrownBy(() -> fixture.engine.fire(before.id(), new Approve("review", null), clerk("market-regulation")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code().kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo(WorkflowProblem.NOT_ALLOWED);
                });
        assertThatThrownBy(() -> fixture.engine.fire(before.id(), new ReturnTo("acceptance", "review", "x"),
                clerk("market-regulation"))).isInstanceOf(DomainException.class);
        InstanceView after = fixture.engine.find(before.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.activeSteps()).isEqualTo(before.activeSteps());
        assertThat(fixture.engine.history(before.id())).hasSize(1);
    }
}
