package org.tongban.identity.internal;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.tongban.identity.IdentityProvider;
import org.tongban.identity.IdentityProviderConnection;

/**
 * The portal's single OIDC client registration, built on first use: the embedded provider's
 * address depends on the port the server got, and Keycloak need not be up when the portal starts.
 */
class LazyClientRegistrationRepository implements ClientRegistrationRepository {

    private final String registrationId;
    private final Supplier<IdentityProvider> provider;
    private volatile ClientRegistration registration;

    LazyClientRegistrationRepository(String registrationId, Supplier<IdentityProvider> provider) {
        this.registrationId = registrationId;
        this.provider = provider;
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
        if (!registrationId.equals(id)) {
            return null;
        }
        ClientRegistration current = registration;
        if (current == null) {
            current = build(provider.get().connection());
            registration = current;
        }
        return current;
    }

    private ClientRegistration build(IdentityProviderConnection connection) {
        return ClientRegistration.withRegistrationId(registrationId)
                .clientId(connection.clientId())
                .clientSecret(connection.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(connection.issuer())
                .authorizationUri(connection.authorizationUri())
                .tokenUri(connection.tokenUri())
                .jwkSetUri(connection.jwkSetUri())
                // the person's identifiers (national_id) come from userinfo: the ID token travels in the
                // sign-out URL and carries none
                .userInfoUri(connection.userInfoUri())
                .userInfoAuthenticationMethod(org.springframework.security.oauth2.core.AuthenticationMethod.HEADER)
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(connection.providerMetadata())
                .clientName("Tongban")
                .build();
    }
}
