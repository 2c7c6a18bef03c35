package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.support.Browserless;
import org.tongban.support.Browserless.Page;
import org.tongban.support.RealServices;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on and API tokens against a real Keycloak with the realm file imported (.ci/run starts
 * it; TONGBAN_IT_KEYCLOAK_URL says where). The portal runs on port 18080, one of the redirect
 * addresses the realm registers for the portal client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.port=18080",
        "tongban.data-dir=./target/it-data/keycloak",
        "tongban.identity.provider=keycloak",
        "tongban.identity.keycloak.issuer-uri=${TONGBAN_IT_KEYCLOAK_URL:http://localhost:8180}/realms/tongban",
        // tokens of the short-lived test client live 5 s; check lifetimes without tolerance here
        "tongban.identity.jwt-clock-skew=0s"})
class KeycloakSignInIT {

    private static final String PASSWORD = "Demo@2026";
    private static final String PORTAL = "http://localhost:18080";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String keycloak;

    @BeforeAll
    static void keycloakIsThere() {
        keycloak = RealServices.keycloakUrl();
    }

    @Test
    void aCitizenSignsInThroughKeycloaksLoginPage() {
        Browserless citizen = new Browserless(PORTAL);
        Page login = citizen.get("/login");
        assertThat(login.uri().toString()).startsWith(keycloak + "/realms/tongban/");
        Page landing = citizen.submitLogin(login, "zhangsan", PASSWORD);
        assertThat(landing.uri().toString()).isEqualTo(PORTAL + "/");

        JsonNode me = json(citizen.get("/api/v1/me").body());
        assertThat(me.path("displayName").asString()).isEqualTo("张三");
        assertThat(EmbeddedSignInIT.strings(me.path("roles"))).containsExactly("citizen");
        assertThat(me.path("nationalId").asString()).isEqualTo("**************1239");
    }

    @Test
    void aClerkAndABusinessUserGetTheirDepartmentAndEnterprise() {
        Browserless clerk = new Browserless(PORTAL);
        clerk.signIn("health-clerk", PASSWORD);
        JsonNode clerkMe = json(clerk.get("/api/v1/me").body());
        assertThat(EmbeddedSignInIT.strings(clerkMe.path("roles"))).containsExactly("clerk");
        assertThat(clerkMe.path("departments").get(0).path("code").asString()).isEqualTo("health");

        Browserless business = new Browserless(PORTAL);
        business.signIn("wangwu", PASSWORD);
        JsonNode businessMe = json(business.get("/api/v1/me").body());
        assertThat(EmbeddedSignInIT.strings(businessMe.path("roles"))).containsExactly("business");
        assertThat(businessMe.path("enterprise").path("uscc").asString()).isEqualTo("91330106MA2GL5XK00");
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        Browserless citizen = new Browserless(PORTAL);
        citizen.signIn("lisi", PASSWORD);
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(200);

        Page back = citizen.signOut();
        assertThat(back.uri().toString()).isEqualTo(PORTAL + "/");
        assertThat(citizen.get("/api/v1/me").status()).isEqualTo(401);
        Page again = citizen.get("/login");
        assertThat(again.uri().toString()).startsWith(keycloak);
        assertThat(again.html().select("input[name=password]")).as("Keycloak asks for the password again").isNotEmpty();
    }

    @Test
    void acceptsAKeycloakBearerToken() throws Exception {
        String token = passwordGrant("tongban-api-test", "tongban-api-test-secret", "edu-clerk", PASSWORD);
        Page me = new Browserless(PORTAL).getOnce("/api/v1/me", "Authorization", "Bearer " + token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(json(me.body()).path("departments").get(0).path("code").asString()).isEqualTo("education");
    }

    @Test
    void refusesTamperedForeignAudienceForeignIssuerAndExpiredTokens() throws Exception {
        String valid = passwordGrant("tongban-api-test", "tongban-api-test-secret", "lisi", PASSWORD);
        String[] parts = valid.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"citizen\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];
        String foreignAudience = passwordGrant("tongban-foreign-audience-test", "tongban-foreign-audience-test-secret",
                "lisi", PASSWORD);
        String foreignIssuer = adminToken();
        String shortLived = passwordGrant("tongban-short-lived-test", "tongban-short-lived-test-secret", "lisi",
                PASSWORD);
        Browserless api = new Browserless(PORTAL);
        assertThat(api.getOnce("/api/v1/me", "Authorization", "Bearer " + shortLived).status())
                .as("still valid").isEqualTo(200);
        Thread.sleep(6_500);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("tampered signature", tampered);
        refused.put("wrong audience", foreignAudience);
        refused.put("wrong issuer", foreignIssuer);
        refused.put("expired", shortLived);
        refused.forEach((why, token) -> {
            Page page = api.getOnce("/api/v1/me", "Authorization", "Bearer " + token);
            assertThat(page.status()).as(why).isEqualTo(401);
            assertThat(json(page.body()).path("type").asString()).as(why)
                    .isEqualTo("urn:tongban:problem:unauthenticated");
        });
    }

    @Test
    void keycloakLocksAnAccountAfterRepeatedWrongPasswords() throws Exception {
        assertThat(tokenStatus("lockout-test", PASSWORD)).as("the right password works at first").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            // 401 for a wrong password; 400 once Keycloak has disabled the account
            assertThat(tokenStatus("lockout-test", "wrong-" + i)).isIn(400, 401);
        }
        assertThat(tokenStatus("lockout-test", PASSWORD)).as("locked: even the right password is refused")
                .isNotEqualTo(200);

        String admin = adminToken();
        JsonNode users = json(get(keycloak + "/admin/realms/tongban/users?exact=true&username=lockout-test", admin));
        String id = users.get(0).path("id").asString();
        JsonNode status = json(get(keycloak + "/admin/realms/tongban/attack-detection/brute-force/users/" + id, admin));
        assertThat(status.path("disabled").asBoolean()).isTrue();
        assertThat(status.path("numFailures").asInt()).isGreaterThanOrEqualTo(1);
    }

    private static int tokenStatus(String username, String password) throws Exception {
        return tokenRequest("tongban-api-test", "tongban-api-test-secret", username, password, "tongban").statusCode();
    }

    private static String passwordGrant(String client, String secret, String username, String password)
            throws Exception {
        HttpResponse<String> response = tokenRequest(client, secret, username, password, "tongban");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).path("access_token").asString();
    }

    private static String adminToken() throws Exception {
        String user = System.getenv().getOrDefault("TONGBAN_IT_KEYCLOAK_ADMIN", "kcadmin");
        String password = System.getenv().getOrDefault("TONGBAN_IT_KEYCLOAK_ADMIN_PASSWORD", "kcadmin-ci");
        HttpResponse<String> response = tokenRequest("admin-cli", null, user, password, "master");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> tokenRequest(String client, String secret, String username, String password,
            String realm) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        form.put("username", username);
        form.put("password", password);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String url, String bearer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

}
