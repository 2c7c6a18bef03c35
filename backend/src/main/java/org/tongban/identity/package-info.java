/**
 * Identity: who is signed in and what they may do. Owns single sign-on (OIDC login for browsers
 * through the backend-for-frontend, bearer JWTs for API clients), the mapping of identity-provider
 * claims to a {@link org.tongban.identity.Person} with roles and departments, verified identity
 * attributes (resident ID number, unified social credit code) and the department directory.
 * The identity provider is Keycloak, or the embedded demo provider of the {@code idp} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"web", "shared"})
package org.tongban.identity;
