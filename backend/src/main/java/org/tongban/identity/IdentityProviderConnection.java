package org.tongban.identity;

import java.util.Map;

/**
 * How the portal reaches its identity provider. {@code authorizationUri} and {@code endSessionUri}
 * are visited by the browser; the token, key and userinfo endpoints are called by the portal itself, which
 * inside a container network may use another host name than the browser does.
 */
public record IdentityProviderConnection(String issuer, String authorizationUri, String tokenUri,
        String jwkSetUri, String userInfoUri, String endSessionUri, String clientId, String clientSecret) {

    public Map<String, Object> providerMetadata() {
        return Map.of("end_session_endpoint", endSessionUri);
    }
}
