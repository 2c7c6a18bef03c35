package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The checks every API bearer token passes besides its signature. */
class ApiTokenValidationTest {

    private static final String ISSUER = "http://localhost:8180/realms/tongban";
    private final OAuth2TokenValidator<Jwt> validator =
            LazyJwtDecoder.validator(ISSUER, "tongban-api", Duration.ofSeconds(30));

    @Test
    void acceptsATokenForThisApiFromTheRealm() {
        assertThat(validator.validate(token(ISSUER, List.of("tongban-api"), Instant.now().plusSeconds(300)))
                .hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(validator.validate(token("http://localhost:8180/realms/master", List.of("tongban-api"),
                Instant.now().plusSeconds(300))).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenMeantForAnotherAudience() {
        assertThat(validator.validate(token(ISSUER, List.of("account"), Instant.now().plusSeconds(300)))
                .hasErrors()).isTrue();
    }

    @Test
    void refusesAnExpiredTokenBeyondTheClockSkew() {
        assertThat(validator.validate(token(ISSUER, List.of("tongban-api"), Instant.now().minusSeconds(31)))
                .hasErrors()).isTrue();
    }

    private static Jwt token(String issuer, List<String> audience, Instant expiresAt) {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).audience(audience)
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).subject("s").build();
    }
}
