package org.tongban.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.identity.*}: which identity provider signs people in, and how tokens are checked.
 *
 * @param provider         {@code embedded} (demo only) or {@code keycloak}
 * @param realmFile        the Keycloak realm export, also read by the embedded provider
 * @param portalClientId   the OIDC client of the portal's backend-for-frontend
 * @param apiAudience      the audience every API bearer token must carry
 * @param jwtClockSkew     tolerated clock difference when checking token lifetimes
 * @param providerTimeout  the longest the portal waits for the identity provider (token, keys, user info) to
 *                         connect or to answer; a sign-in then fails with a message instead of hanging
 */
@ConfigurationProperties("tongban.identity")
public record IdentityProperties(String provider, String realmFile, String portalClientId, String apiAudience,
        Duration jwtClockSkew, Duration providerTimeout, Keycloak keycloak) {

    public IdentityProperties {
        if (providerTimeout == null || providerTimeout.isZero() || providerTimeout.isNegative()) {
            providerTimeout = Duration.ofSeconds(10);
        }
    }

    public boolean isKeycloak() {
        return "keycloak".equalsIgnoreCase(provider);
    }

    /**
     * @param issuerUri      the realm's issuer as browsers see it, e.g. http://localhost:8180/realms/tongban
     * @param backchannelUri where the portal reaches the same realm (empty: the issuer)
     * @param clientSecret   the portal client's secret (empty: the one in the realm file, demo only)
     */
    public record Keycloak(String issuerUri, String backchannelUri, String clientSecret) {

        public String backchannel() {
            return backchannelUri == null || backchannelUri.isBlank() ? issuerUri : backchannelUri;
        }
    }
}
