package org.tongban.idp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.tongban.identity.ResidentIdNumber;
import org.tongban.identity.UnifiedSocialCreditCode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm file is the single source of the demo identities for Keycloak and the embedded provider. */
class RealmFileTest {

    private static final List<String> DEPARTMENTS = List.of("education", "health", "market-regulation",
            "public-security", "tax", "human-resources-social-security", "medical-insurance");

    private final RealmFile realm = RealmFile.read(new ClassPathResource("keycloak/tongban-realm.json"));

    @Test
    void everyDemoUserHasANameAnEmailAndAPassword() {
        assertThat(realm.users()).hasSizeGreaterThanOrEqualTo(19).allSatisfy(user -> {
            assertThat(user.firstName()).isNotBlank();
            assertThat(user.lastName()).isNotBlank();
            assertThat(user.email()).contains("@");
            assertThat(user.password()).isNotBlank();
        });
    }

    @Test
    void citizensAndBusinessesCarryValidVerifiedIdentifiers() {
        List<RealmFile.DemoUser> citizens = realm.users().stream().filter(u -> u.roles().contains("citizen")).toList();
        assertThat(citizens).hasSizeGreaterThanOrEqualTo(2);
        assertThat(citizens).allSatisfy(u -> assertThat(ResidentIdNumber.isValid(u.attributes().get("national_id")))
                .as(u.username()).isTrue());
        List<RealmFile.DemoUser> businesses = realm.users().stream().filter(u -> u.roles().contains("business")).toList();
        assertThat(businesses).isNotEmpty().allSatisfy(u -> {
            assertThat(UnifiedSocialCreditCode.isValid(u.attributes().get("uscc"))).as(u.username()).isTrue();
            assertThat(u.attributes().get("enterprise_name")).isNotBlank();
        });
    }

    @Test
    void everyDepartmentHasAClerkAndADepartmentAdmin() {
        for (String department : DEPARTMENTS) {
            Set<String> roles = realm.users().stream().filter(u -> u.departments().contains(department))
                    .flatMap(u -> u.roles().stream()).collect(Collectors.toSet());
            assertThat(roles).as(department).contains("clerk", "dept-admin");
        }
        assertThat(realm.users()).anySatisfy(u -> assertThat(u.roles()).contains("admin"));
    }

    @Test
    void theRealmProtectsAgainstBruteForceAndDeclaresTheRolesAndMappers() throws Exception {
        try (InputStream in = new ClassPathResource("keycloak/tongban-realm.json").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            assertThat(root.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(root.path("failureFactor").asInt()).isBetween(3, 10);
            assertThat(root.path("accessTokenLifespan").asInt()).isBetween(60, 900);
            Set<String> roles = root.path("roles").path("realm").valueStream()
                    .map(role -> role.path("name").asString()).collect(Collectors.toSet());
            assertThat(roles).contains("citizen", "business", "clerk", "dept-admin", "admin");
            Set<String> groups = root.path("groups").valueStream()
                    .map(group -> group.path("attributes").path("department").get(0).asString())
                    .collect(Collectors.toSet());
            assertThat(groups).containsAll(DEPARTMENTS);
            JsonNode portal = root.path("clients").valueStream()
                    .filter(c -> "tongban-portal".equals(c.path("clientId").asString())).findFirst().orElseThrow();
            assertThat(portal.path("publicClient").asBoolean()).isFalse();
            assertThat(portal.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
            Set<String> claims = portal.path("protocolMappers").valueStream()
                    .map(m -> m.path("config").path("claim.name").asString()).collect(Collectors.toSet());
            assertThat(claims).contains("roles", "department", "national_id", "uscc");
        }
    }

    @Test
    void theResidentIdNumberIsNeverInAnIdTokenWhichTravelsInTheSignOutUrl() throws Exception {
        try (InputStream in = new ClassPathResource("keycloak/tongban-realm.json").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<JsonNode> mappers = root.path("clients").valueStream()
                    .flatMap(c -> c.path("protocolMappers").valueStream())
                    .filter(m -> "national_id".equals(m.path("config").path("claim.name").asString())).toList();
            assertThat(mappers).hasSize(root.path("clients").size()).allSatisfy(m -> {
                assertThat(m.path("config").path("id.token.claim").asString()).isEqualTo("false");
                assertThat(m.path("config").path("access.token.claim").asString()).isEqualTo("true");
                assertThat(m.path("config").path("userinfo.token.claim").asString()).isEqualTo("true");
            });
        }
        assertThat(realm.clients().get("tongban-portal").notInIdToken()).contains("national_id");
    }
}
