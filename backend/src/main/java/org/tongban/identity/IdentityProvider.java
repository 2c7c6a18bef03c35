package org.tongban.identity;

/**
 * The identity provider the portal signs people in with: Keycloak (configured here) or the
 * embedded demo provider (the {@code idp} module). Resolved lazily, because the embedded provider
 * only knows its own address once the web server has a port.
 */
public interface IdentityProvider {

    IdentityProviderConnection connection();

    /** Shown in logs and on the health page; never a secret. */
    String description();
}
