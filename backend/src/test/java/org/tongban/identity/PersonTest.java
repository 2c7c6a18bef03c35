package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonTest {

    @Test
    void readsAKeycloakAccessTokenOfAClerk() {
        Person clerk = Person.fromClaims(Map.of("sub", "ea127a6f", "preferred_username", "edu-clerk",
                "given_name", "敏", "family_name", "赵", "name", "敏 赵", "email", "edu-clerk@example.org",
                "realm_access", Map.of("roles", List.of("clerk", "offline_access", "uma_authorization")),
                "department", List.of("education")));
        assertThat(clerk.displayName()).isEqualTo("赵敏");
        assertThat(clerk.roles()).containsExactly(Role.CLERK);
        assertThat(clerk.belongsTo("education")).isTrue();
        assertThat(clerk.nationalId()).isEmpty();
    }

    @Test
    void prefersThePortalsRolesClaimAndAcceptsASingleDepartmentString() {
        Person person = Person.fromClaims(Map.of("sub", "s", "roles", List.of("dept-admin"),
                "realm_access", Map.of("roles", List.of("admin")), "department", "health"));
        assertThat(person.roles()).containsExactly(Role.DEPT_ADMIN);
        assertThat(person.departments()).containsExactly("health");
        assertThat(person.username()).isEqualTo("s");
    }

    @Test
    void keepsVerifiedIdentifiersOnlyWhenTheirCheckCharactersAreRight() {
        Person business = Person.fromClaims(Map.of("sub", "b", "roles", List.of("business"),
                "national_id", "330106198805217896", "uscc", "91330106MA2GL5XK00",
                "enterprise_name", "杭州通达科技有限公司", "given_name", "Wu", "family_name", "Wang"));
        assertThat(business.nationalId()).map(ResidentIdNumber::masked).contains("**************7896");
        assertThat(business.enterprise()).map(Enterprise::name).contains("杭州通达科技有限公司");
        assertThat(business.displayName()).isEqualTo("Wu Wang");

        Person forged = Person.fromClaims(Map.of("sub", "f", "national_id", "330106198805217890",
                "uscc", "91330106MA2GL5XK01"));
        assertThat(forged.nationalId()).isEmpty();
        assertThat(forged.enterprise()).isEmpty();
        assertThat(forged.roles()).isEmpty();
    }
}
