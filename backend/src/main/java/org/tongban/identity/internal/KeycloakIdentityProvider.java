package org.tongban.identity.internal;

import org.tongban.identity.IdentityProvider;
import org.tongban.identity.IdentityProviderConnection;

/**
 * Keycloak's realm endpoints, built from the issuer without a discovery call so the portal starts
 * even while Keycloak is still starting.
 */
class KeycloakIdentityProvider implements IdentityProvider {

    private final IdentityProviderConnection connection;

    KeycloakIdentityProvider(IdentityProperties properties, String clientSecret) {
        IdentityProperties.Keycloak keycloak = properties.keycloak();
        String front = trim(keycloak.issuerUri());
        String back = trim(keycloak.backchannel());
        this.connection = new IdentityProviderConnection(front,
                front + "/protocol/openid-connect/auth",
                back + "/protocol/openid-connect/token",
                back + "/protocol/openid-connect/certs",
                back + "/protocol/openid-connect/userinfo",
                front + "/protocol/openid-connect/logout",
                properties.portalClientId(), clientSecret);
    }

    private static String trim(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    @Override
    public IdentityProviderConnection connection() {
        return connection;
    }

    @Override
    public String description() {
        return "Keycloak realm " + connection.issuer();
    }
}
