package org.tongban.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.support.GrievanceJourney;
import org.tongban.support.Playwright;

/**
 * A citizen signs in through the embedded identity provider's page in a real browser, sees their
 * name on the portal home, switches to English and signs out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"server.port=18081", "tongban.data-dir=./target/it-data/browser"})
class SignInBrowserIT {

    @Autowired
    ApplicationContext portal;

    @Test
    void journey5AHotlineComplaintIsDispatchedResolvedReopenedEscalatedToTheSupervisorAndConfirmed() throws Exception {
        GrievanceJourney.run("http://localhost:18081", portal, true);
    }

    @Test
    void aCitizenSignsInSwitchesToEnglishAndSignsOut() throws Exception {
        Playwright.run("e2e/sign-in.spec.ts", "http://localhost:18081",
                Map.of("E2E_USERNAME", "zhangsan", "E2E_DISPLAY_NAME", "张三"));
    }

    @Test
    void theHomePageHasNoSeriousAccessibilityViolations() throws Exception {
        Playwright.run("e2e/accessibility.spec.ts", "http://localhost:18081", Map.of("E2E_USERNAME", "zhangsan"));
    }

    @Test
    void theCatalogueAndAGuidancePageWorkInBothLanguagesWithoutAccessibilityViolations() throws Exception {
        Playwright.run("e2e/catalogue.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void journey1ACitizenAppliesForSchoolEnrolmentAndEducationAndHealthApproveInParallel() throws Exception {
        Playwright.run("e2e/apply.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void theApplicationFormChecksAnswersAndConditionalQuestionsUnderTheContentSecurityPolicy() throws Exception {
        Playwright.run("e2e/form-checks.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void journey2ABusinessAppliesForAFoodLicenceCorrectsOneAnswerAndIsApprovedAfterInspection() throws Exception {
        Playwright.run("e2e/food-licence.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void journey3ADepartmentAdminFixesAndPublishesADefinitionWhileRunningApplicationsKeepTheirVersion()
            throws Exception {
        Playwright.run("e2e/publish-definition.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void scriptTypedIntoAnswersIsShownAsTextAndNeverRuns() throws Exception {
        Playwright.run("e2e/script-as-text.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void thePagesOfTheJourneysAreCompleteInEnglish() throws Exception {
        Playwright.run("e2e/english.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void clerksSeeTheirQueueAndDepartmentAdminsValidateADefinition() throws Exception {
        Playwright.run("e2e/workbench.spec.ts", "http://localhost:18081", Map.of());
    }

    @Test
    void journey4AParentRegistersANewbornUploadingNothingTheGovernmentHoldsAndAnyoneVerifiesTheCertificate()
            throws Exception {
        Playwright.run("e2e/submit-once.spec.ts", "http://localhost:18081", Map.of());
    }
}
