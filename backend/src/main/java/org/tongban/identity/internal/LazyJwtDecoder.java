package org.tongban.identity.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.tongban.identity.IdentityProviderConnection;

/**
 * Checks API bearer tokens: signature against the provider's published keys, issuer, audience
 * (must include the API audience) and lifetime. Built on first use for the same reason as the
 * client registration.
 */
class LazyJwtDecoder implements JwtDecoder {

    private final Supplier<IdentityProviderConnection> connection;
    private final String audience;
    private final Duration clockSkew;
    private final Duration timeout;
    private volatile JwtDecoder delegate;

    LazyJwtDecoder(Supplier<IdentityProviderConnection> connection, String audience, Duration clockSkew,
            Duration timeout) {
        this.timeout = timeout;
        this.connection = connection;
        this.audience = audience;
        this.clockSkew = clockSkew;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        JwtDecoder current = delegate;
        if (current == null) {
            current = build(connection.get());
            delegate = current;
        }
        return current.decode(token);
    }

    private JwtDecoder build(IdentityProviderConnection connection) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(connection.jwkSetUri())
                .restOperations(ProviderHttp.restTemplate(timeout)).build();
        decoder.setJwtValidator(validator(connection.issuer(), audience, clockSkew));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        OAuth2TokenValidator<Jwt> audienceValidator = jwt -> jwt.getAudience() != null
                && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not meant for this API (audience " + audience + " missing)", null));
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer), audienceValidator);
    }
}
