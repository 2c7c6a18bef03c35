package org.tongban.identity;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tongban.support.GrievanceJourney;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.support.Playwright;
import org.tongban.support.RealServices;

/** The same browser journey as {@link SignInBrowserIT}, through Keycloak's own login page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.port=18082",
        "tongban.data-dir=./target/it-data/keycloak-browser",
        "tongban.identity.provider=keycloak",
        "tongban.identity.keycloak.issuer-uri=${TONGBAN_IT_KEYCLOAK_URL:http://localhost:8180}/realms/tongban"})
class KeycloakSignInBrowserIT {

    @Autowired
    ApplicationContext portal;

    /** The department's roles come from Keycloak's groups (department_roles) as from the embedded provider's. */
    @Test
    void journey5AHotlineComplaintIsDispatchedResolvedReopenedEscalatedToTheSupervisorAndConfirmed() throws Exception {
        GrievanceJourney.run("http://localhost:18082", portal, false);
    }

    @BeforeAll
    static void keycloakIsThere() {
        RealServices.keycloakUrl();
    }

    @Test
    void aCitizenSignsInThroughKeycloakSwitchesToEnglishAndSignsOut() throws Exception {
        Playwright.run("e2e/sign-in.spec.ts", "http://localhost:18082",
                Map.of("E2E_USERNAME", "lisi", "E2E_DISPLAY_NAME", "李四"));
    }

    @Test
    void theHomePageHasNoSeriousAccessibilityViolations() throws Exception {
        Playwright.run("e2e/accessibility.spec.ts", "http://localhost:18082", Map.of("E2E_USERNAME", "lisi"));
    }

    @Test
    void journey1ACitizenAppliesForSchoolEnrolmentAndEducationAndHealthApproveInParallel() throws Exception {
        Playwright.run("e2e/apply.spec.ts", "http://localhost:18082", Map.of());
    }

    @Test
    void journey2ABusinessAppliesForAFoodLicenceCorrectsOneAnswerAndIsApprovedAfterInspection() throws Exception {
        Playwright.run("e2e/food-licence.spec.ts", "http://localhost:18082", Map.of());
    }

    @Test
    void journey3ADepartmentAdminFixesAndPublishesADefinitionWhileRunningApplicationsKeepTheirVersion()
            throws Exception {
        Playwright.run("e2e/publish-definition.spec.ts", "http://localhost:18082", Map.of());
    }

    @Test
    void clerksSeeTheirQueueAndDepartmentAdminsValidateADefinition() throws Exception {
        Playwright.run("e2e/workbench.spec.ts", "http://localhost:18082", Map.of());
    }

    @Test
    void journey4AParentRegistersANewbornUploadingNothingTheGovernmentHoldsAndAnyoneVerifiesTheCertificate()
            throws Exception {
        Playwright.run("e2e/submit-once.spec.ts", "http://localhost:18082", Map.of());
    }
}
