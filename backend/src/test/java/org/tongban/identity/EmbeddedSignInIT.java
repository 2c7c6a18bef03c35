package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in, the signed-in person and sign-out with the embedded identity provider, exactly as a
 * browser does it (redirects, cookies, the provider's login form), plus bearer tokens for API clients.
 * Runs on H2 and, in CI, again on MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class EmbeddedSignInIT {

    private static final String PASSWORD = "Demo@2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JWKSource<SecurityContext> idpKeys;

    private Browserless browser() {
        return new Browserless("http://localhost:" + port);
    }

    @Test
    void healthIsUpIncludingTheDatabase() {
        JsonNode health = json(browser().get("/actuator/health"));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void documentsTheApiWithOpenApi() {
        Page docs = browser().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(json(docs).path("paths").has("/api/v1/me")).isTrue();
    }

    @Test
    void anonymousApiCallsGetA401ProblemInTheRequestLanguage() {
        Page zh = browser().get("/api/v1/me");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json(zh);
        assertThat(problem.path("type").asString()).isEqualTo("urn:tongban:problem:unauthenticated");
        assertThat(problem.path("title").asString()).isEqualTo("需要登录");

        Page en = browser().getOnce("/api/v1/me", "Accept-Language", "en-US,en;q=0.9");
        assertThat(json(en).path("title").asString()).isEqualTo("Sign-in required");
        assertThat(en.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aCitizenSignsInAndSeesTheirRolesAndAMaskedNationalId() {
        Browserless citizen = browser();
        Page landing = citizen.signIn("zhangsan", PASSWORD);
        assertThat(landing.uri().getPath()).isEqualTo("/");

        JsonNode me = json(citizen.get("/api/v1/me"));
        assertThat(me.path("displayName").asString()).isEqualTo("张三");
        assertThat(strings(me.path("roles"))).containsExactly("citizen");
        assertThat(me.path("departments").isEmpty()).isTrue();
        assertThat(me.path("nationalId").asString()).isEqualTo("**************1239");
        assertThat(me.path("enterprise").isNull()).isTrue();

        JsonNode identity = json(citizen.get("/api/v1/me/verified-identity"));
        assertThat(identity.path("nationalId").asString()).isEqualTo("110105199003071239");

        // the session lives in the database, so any portal instance can serve the next request
        long sessions = jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                .param(me.path("subject").asString()).query(Long.class).single();
        assertThat(sessions).isPositive();
    }

    @Test
    void aClerkSeesTheirDepartment() {
        Browserless clerk = browser();
        clerk.signIn("edu-clerk", PASSWORD);
        JsonNode me = json(clerk.get("/api/v1/me"));
        assertThat(strings(me.path("roles"))).containsExactly("clerk");
        assertThat(me.path("departments").get(0).path("code").asString()).isEqualTo("education");
        assertThat(me.path("departments").get(0).path("nameZh").asString()).isEqualTo("教育局");
        assertThat(me.path("nationalId").isNull()).isTrue();
    }

    @Test
    void aBusinessUserActsForTheirEnterprise() {
        Browserless business = browser();
        business.signIn("wangwu", PASSWORD);
        JsonNode me = json(business.get("/api/v1/me"));
        assertThat(strings(me.path("roles"))).containsExactly("business");
        assertThat(me.path("enterprise").path("uscc").asString()).isEqualTo("91330106MA2GL5XK00");
        assertThat(me.path("enterprise").path("name").asString()).isEqualTo("杭州通达科技有限公司");
        assertThat(me.path("nationalId").asString()).endsWith("7896").startsWith("****");
    }

    @Test
    void signingOutEndsThePortalSessionAndTheIdentityProviderSession() {
        Browserless citizen = browser();
        citizen.signIn("lisi", PASSWORD);
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);

        Page afterLogout = citizen.signOut();
        assertThat(afterLogout.uri().getPath()).isEqualTo("/");
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
        // signing in again asks for the password again: the provider's session is gone too
        Page login = citizen.get("/login");
        assertThat(login.html().select("input[name=password]")).isNotEmpty();
    }

    @Test
    void theSignOutRedirectCarriesNoResidentIdNumber() {
        Browserless citizen = browser();
        citizen.signIn("zhangsan", PASSWORD);
        // the person, with the full number, still comes from the provider (through userinfo)
        assertThat(json(citizen.get("/api/v1/me/verified-identity")).path("nationalId").asString())
                .isEqualTo("110105199003071239");

        Page logout = citizen.postFormOnce("/logout", Map.of("_csrf", citizen.cookie("XSRF-TOKEN")));
        assertThat(logout.status()).isEqualTo(302);
        String location = java.net.URLDecoder.decode(logout.header("Location"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(location).contains("id_token_hint=");
        String idToken = location.replaceAll(".*id_token_hint=([^&]+).*", "$1");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(idToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).has("national_id")).isFalse();
        assertThat(location + payload).doesNotContain("110105199003071239");
        // and the sign-out still goes through
        assertThat(citizen.get(logout.header("Location")).uri().getPath()).isEqualTo("/");
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aWrongRoleGetsA403Problem() {
        Browserless citizen = browser();
        citizen.signIn("zhangsan", PASSWORD);
        Page denied = citizen.json("PUT", "/api/v1/admin/departments/education",
                "{\"nameZh\":\"教育局\",\"nameEn\":\"Education Bureau\"}", true);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(json(denied).path("type").asString()).isEqualTo("urn:tongban:problem:forbidden");
    }

    @Test
    void badInputIsAnsweredWithProblemsAndChangesNothing() {
        Browserless admin = browser();
        admin.signIn("admin", PASSWORD);
        String path = "/api/v1/admin/departments/tax";

        Page malformed = admin.json("PUT", path, "{\"nameZh\": ", true);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed).path("type").asString()).isEqualTo("urn:tongban:problem:invalid-request");

        Page unknownField = admin.json("PUT", path, "{\"nameZh\":\"税务局\",\"nameEn\":\"Tax\",\"boss\":\"me\"}", true);
        assertThat(unknownField.status()).isEqualTo(400);

        Page wrongType = admin.json("PUT", path, "{\"nameZh\":[1],\"nameEn\":\"Tax\"}", true);
        assertThat(wrongType.status()).isEqualTo(400);

        Page invalid = admin.json("PUT", path, "{\"nameZh\":\"<script>alert(1)</script>\",\"nameEn\":\"\"}", true);
        assertThat(invalid.status()).isEqualTo(400);
        JsonNode problem = json(invalid);
        assertThat(problem.path("type").asString()).isEqualTo("urn:tongban:problem:validation-failed");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("nameZh", "nameEn");

        Page noCsrf = admin.json("PUT", path, "{\"nameZh\":\"税务总局\",\"nameEn\":\"Tax\"}", false);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(json(noCsrf).path("type").asString()).isEqualTo("urn:tongban:problem:csrf");

        assertThat(json(admin.get("/api/v1/departments/tax")).path("nameZh").asString()).isEqualTo("税务局");

        Page renamed = admin.json("PUT", path, "{\"nameZh\":\"税务局（测试）\",\"nameEn\":\"Tax Bureau (test)\"}", true);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(json(renamed).path("nameZh").asString()).isEqualTo("税务局（测试）");
        admin.json("PUT", path, "{\"nameZh\":\"税务局\",\"nameEn\":\"Tax Bureau\"}", true);
    }

    @Test
    void unknownApiPathsAre404ProblemsAndAppRoutesServeTheApp() {
        assertThat(browser().get("/api/v1/no-such-thing").status())
                .as("anonymous callers learn nothing about which endpoints exist").isEqualTo(401);
        Browserless citizen = browser();
        citizen.signIn("zhangsan", PASSWORD);
        Page missing = citizen.get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).path("type").asString()).isEqualTo("urn:tongban:problem:not-found");

        Page home = browser().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<div id=\"root\">");
        assertThat(browser().get("/my/applications").body()).contains("<div id=\"root\">");
    }

    @Test
    void bearerTokensAreCheckedForSignatureIssuerAudienceAndLifetime() throws Exception {
        String issuer = "http://localhost:" + port;
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(idpKeys);
        String valid = mint(encoder, issuer, List.of("tongban-portal", "tongban-api"), Instant.now().plusSeconds(300));
        Browserless api = browser();
        Page ok = api.getOnce("/api/v1/me", "Authorization", "Bearer " + valid);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(json(ok).path("displayName").asString()).isEqualTo("李四");

        String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String token : List.of(tampered,
                mint(encoder, issuer, List.of("tongban-portal"), Instant.now().plusSeconds(300)),
                mint(encoder, "http://evil.example", List.of("tongban-api"), Instant.now().plusSeconds(300)),
                mint(encoder, issuer, List.of("tongban-api"), Instant.now().minusSeconds(120)))) {
            Page refused = api.getOnce("/api/v1/me", "Authorization", "Bearer " + token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(json(refused).path("type").asString()).isEqualTo("urn:tongban:problem:unauthenticated");
        }
    }

    @Test
    void theEmbeddedProviderLocksAnAccountAfterRepeatedWrongPasswords() {
        Browserless attacker = browser();
        Page login = attacker.get("/login");
        for (int i = 0; i < 5; i++) {
            login = attacker.submitLogin(login, "lockout-test", "wrong-" + i);
            assertThat(login.uri().getQuery()).isEqualTo("error");
        }
        Page locked = attacker.submitLogin(login, "lockout-test", PASSWORD);
        assertThat(locked.uri().getPath()).isEqualTo("/idp/login");
        assertThat(attacker.get("/api/v1/me").status()).isEqualTo(401);
    }

    private static String mint(NimbusJwtEncoder encoder, String issuer, List<String> audience, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(audience).subject("lisi-subject")
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                .claims(c -> c.putAll(Map.of("preferred_username", "lisi", "given_name", "四", "family_name", "李",
                        "roles", List.of("citizen"), "national_id", "310115198511124566")))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    static JsonNode json(Page page) {
        return JSON.readTree(page.body());
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
