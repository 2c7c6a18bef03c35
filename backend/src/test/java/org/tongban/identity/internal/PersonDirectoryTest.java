package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Official;
import org.tongban.identity.Person;
import org.tongban.identity.Role;

/**
 * The person directory on an in-memory H2 migrated by the real Flyway scripts: officials are recorded
 * from either identity provider's claims, once per change, and their names come back for subjects.
 */
class PersonDirectoryTest {

    private JdbcDataSource h2;
    private JdbcPeople people;
    private JdbcClient jdbc;

    @BeforeEach
    void directory() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).placeholders(Map.of("uuid_type", "UUID")).load().migrate();
        jdbc = JdbcClient.create(h2);
        people = new JdbcPeople(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)),
                Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC));
    }

    /** An access token from Keycloak: its mappers add roles and department; realm_access is Keycloak's own. */
    private static Map<String, Object> keycloakToken(String subject, String username, String given, String family,
            List<String> roles, List<String> departments) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("preferred_username", username);
        claims.put("given_name", given);
        claims.put("family_name", family);
        claims.put("name", given + " " + family);
        claims.put("email", username + "@demo.tongban.example");
        claims.put("realm_access", Map.of("roles", roles));
        claims.put("roles", roles);
        claims.put("department", departments);
        return claims;
    }

    /** The same person's token from the embedded provider (built from the realm file: no realm_access). */
    private static Map<String, Object> embeddedToken(String subject, String username, String given, String family,
            List<String> roles, List<String> departments) {
        Map<String, Object> claims = keycloakToken(subject, username, given, family, roles, departments);
        claims.remove("realm_access");
        claims.put("email_verified", true);
        return claims;
    }

    private long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void recordsAClerkFromAKeycloakTokenWithTheirChineseName() {
        String subject = "8d5c0a4e-7a1f-4c55-b1c2-3f1f2e6b9a01";
        assertThat(people.remember(Person.fromClaims(keycloakToken(subject, "edu-clerk", "敏", "赵",
                List.of("clerk", "offline_access"), List.of("education"))))).isTrue();

        assertThat(people.displayName(subject)).contains("赵敏");
        Official official = people.find(subject).orElseThrow();
        assertThat(official.username()).isEqualTo("edu-clerk");
        assertThat(official.email()).isEqualTo("edu-clerk@demo.tongban.example");
        assertThat(official.roles()).containsExactly(Role.CLERK);
        assertThat(official.departments()).containsExactly("education");
        assertThat(people.inDepartment("education", Role.CLERK)).extracting(Official::subject).containsExactly(subject);
        assertThat(people.inDepartment("health", Role.CLERK)).isEmpty();
        assertThat(people.inDepartment("education", Role.DEPT_ADMIN)).isEmpty();
    }

    @Test
    void theEmbeddedProvidersTokenOfTheSamePersonChangesNothing() {
        people.remember(Person.fromClaims(keycloakToken("s-1", "edu-clerk", "敏", "赵", List.of("clerk"),
                List.of("education"))));
        JdbcPeople restarted = new JdbcPeople(jdbc, new TransactionTemplate(
                new DataSourceTransactionManager(h2)), Clock.systemUTC());
        // a fresh memo: the database is compared, and the claims are the same
        assertThat(restarted.remember(Person.fromClaims(embeddedToken("s-1", "edu-clerk", "敏", "赵",
                List.of("clerk"), List.of("education"))))).isFalse();
        assertThat(restarted.displayName("s-1")).contains("赵敏");
    }

    @Test
    void writesOncePerChangeNotOncePerRequest() {
        Person clerk = Person.fromClaims(embeddedToken("s-2", "health-clerk", "进", "钱", List.of("clerk"),
                List.of("health")));
        assertThat(people.remember(clerk)).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(people.remember(clerk)).isFalse();
        }
        assertThat(rows("person")).isEqualTo(1);
        assertThat(rows("person_department")).isEqualTo(1);
    }

    @Test
    void followsChangesOfNameDepartmentsAndRoles() {
        people.remember(Person.fromClaims(embeddedToken("s-3", "edu-clerk", "敏", "赵", List.of("clerk"),
                List.of("education"))));
        assertThat(people.remember(Person.fromClaims(embeddedToken("s-3", "edu-clerk", "敏", "王",
                List.of("clerk", "dept-admin"), List.of("health", "tax"))))).isTrue();

        Official moved = people.find("s-3").orElseThrow();
        assertThat(moved.displayName()).isEqualTo("王敏");
        assertThat(moved.departments()).containsExactly("health", "tax");
        assertThat(moved.roles()).containsExactlyInAnyOrder(Role.CLERK, Role.DEPT_ADMIN);
        assertThat(people.inDepartment("education", Role.CLERK)).isEmpty();
        assertThat(people.inDepartment("tax", Role.DEPT_ADMIN)).extracting(Official::subject).containsExactly("s-3");
    }

    @Test
    void citizensAreNotRecorded() {
        assertThat(people.remember(Person.fromClaims(embeddedToken("s-4", "zhangsan", "三", "张", List.of("citizen"),
                List.of())))).isFalse();
        assertThat(people.find("s-4")).isEmpty();
        assertThat(rows("person")).isZero();
    }

    @Test
    void aFormerOfficialKeepsTheirNameButIsNoLongerOfferedAsAClerk() {
        people.remember(Person.fromClaims(keycloakToken("s-5", "tax-clerk", "平", "周", List.of("clerk"),
                List.of("tax"))));
        assertThat(people.remember(Person.fromClaims(keycloakToken("s-5", "tax-clerk", "平", "周", List.of("citizen"),
                List.of())))).isTrue();
        assertThat(people.displayName("s-5")).as("old history still names them").contains("周平");
        assertThat(people.inDepartment("tax", Role.CLERK)).isEmpty();
    }

    @Test
    void looksUpManyNamesAtOnceAndLeavesUnknownSubjectsOut() {
        people.remember(Person.fromClaims(keycloakToken("a", "edu-clerk", "敏", "赵", List.of("clerk"),
                List.of("education"))));
        people.remember(Person.fromClaims(keycloakToken("b", "edu-admin", "伟", "冯", List.of("dept-admin"),
                List.of("education"))));
        java.util.List<String> many = new java.util.ArrayList<>(List.of("a", "b", "system"));
        for (int i = 0; i < 250; i++) {
            many.add("unknown-" + i);
        }
        many.add(null);
        assertThat(people.displayNames(many)).containsExactlyInAnyOrderEntriesOf(Map.of("a", "赵敏", "b", "冯伟"));
        assertThat(people.displayName(null)).isEmpty();
    }
}
