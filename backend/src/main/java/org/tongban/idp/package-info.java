/**
 * The embedded identity provider, for the demo and development only: an in-process OIDC provider
 * (Spring Authorization Server) that reads the same Keycloak realm file and issues tokens with the
 * same claims, so the portal signs people in the same way with or without Keycloak. It refuses to
 * start unless the {@code demo} profile is active.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embedded identity provider (demo)",
        allowedDependencies = {"identity", "web"})
package org.tongban.idp;
