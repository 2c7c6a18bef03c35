package org.tongban.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real services some tests need (Keycloak, MariaDB, Chromium). .ci/run starts them and says
 * where they are; on a developer machine without them those tests are skipped, but in CI a
 * missing service is a failure, never a silent skip.
 */
public final class RealServices {

    private RealServices() {
    }

    public static String keycloakUrl() {
        return require("TONGBAN_IT_KEYCLOAK_URL", "a running Keycloak with the tongban realm (.ci/keycloak.sh start)");
    }

    public static String require(String variable, String what) {
        String value = System.getenv(variable);
        boolean present = value != null && !value.isBlank();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must provide " + what + " through " + variable);
        }
        assumeTrue(present, () -> "skipped: needs " + what + "; set " + variable);
        return value;
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
