package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;

import tools.jackson.databind.json.JsonMapper;

/** CSRF bound to the session, forwarded headers from the trusted (loopback) proxy, the login page's headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongban.data-dir=./target/it-data/embedded")
class SecurityHardeningIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private Browserless browser() {
        return new Browserless("http://localhost:" + port);
    }

    @Test
    void aCsrfCookieChosenByAnAttackerIsRefusedEvenWithAMatchingHeader() {
        Browserless citizen = browser();
        citizen.signIn("lisi", "Demo@2026");
        citizen.get("/api/v1/me");
        String real = citizen.cookie("XSRF-TOKEN");
        assertThat(real).isNotBlank();

        citizen.setCookie("XSRF-TOKEN", "attacker-chosen-token");
        Page forged = citizen.json("POST", "/api/v1/applications", "{}", true);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).path("type").asString()).isEqualTo("urn:tongban:problem:csrf");
        // the next answer puts the session's copy back
        citizen.get("/api/v1/me");
        assertThat(citizen.cookie("XSRF-TOKEN")).isEqualTo(real);

        // with the session's token the same request reaches the endpoint (and fails validation there)
        Page genuine = citizen.json("POST", "/api/v1/applications", "{}", true);
        assertThat(genuine.status()).isEqualTo(400);
    }

    @Test
    void anotherSessionsTokenIsRefused() {
        Browserless first = browser();
        first.signIn("lisi", "Demo@2026");
        first.get("/api/v1/me");
        Browserless second = browser();
        second.signIn("zhangsan", "Demo@2026");
        second.get("/api/v1/me");
        assertThat(second.cookie("XSRF-TOKEN")).isNotEqualTo(first.cookie("XSRF-TOKEN"));

        second.setCookie("XSRF-TOKEN", first.cookie("XSRF-TOKEN"));
        assertThat(second.json("POST", "/api/v1/applications", "{}", true).status()).isEqualTo(403);
    }

    @Test
    void behindTheTrustedProxySignInUsesTheForwardedAddress() {
        Page authorize = browser().getOnce("/oauth2/authorization/tongban",
                "X-Forwarded-Host", "portal.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443");
        assertThat(authorize.status()).isEqualTo(302);
        assertThat(URLDecoder.decode(authorize.header("Location"), StandardCharsets.UTF_8))
                .contains("redirect_uri=https://portal.example/login/oauth2/code/tongban");
    }

    @Test
    void theEmbeddedLoginPageHasAStrictContentSecurityPolicyAndNoReferrer() throws Exception {
        Page login = browser().get("/login");
        assertThat(login.uri().getPath()).isEqualTo("/idp/login");
        String csp = login.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline");
        String style = login.body().replaceAll("(?s).*<style>(.*)</style>.*", "$1");
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "'");
        assertThat(login.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(login.html().select("script")).isEmpty();
    }
}
