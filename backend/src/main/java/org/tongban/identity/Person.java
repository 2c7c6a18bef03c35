package org.tongban.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person, read from the identity provider's claims, the same whether they came as an
 * OIDC login (browser) or a bearer JWT (API client), from Keycloak or from the embedded provider.
 *
 * @param subject     the identity provider's stable id ({@code sub})
 * @param departments department codes ({@code department} claim, from the person's groups)
 * @param nationalId  verified resident ID number ({@code national_id}), if the provider holds one
 * @param enterprise  the enterprise a business user acts for ({@code uscc}, {@code enterprise_name})
 * @param departmentRoles the roles the identity provider says the person holds in their departments, written
 *                    {@code department:role} ({@code department_roles} claim, from their groups); the portal's own
 *                    grants are added by {@link DepartmentRoles}
 */
public record Person(String subject, String username, String displayName, String email, Set<Role> roles,
        List<String> departments, Optional<ResidentIdNumber> nationalId, Optional<Enterprise> enterprise,
        Set<String> departmentRoles) {

    public Person {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        departments = List.copyOf(departments);
        // a role counts only in a department the person belongs to
        List<String> own = departments;
        departmentRoles = departmentRoles == null ? Set.of() : departmentRoles.stream()
                .filter(held -> held.indexOf(':') > 0 && own.contains(held.substring(0, held.indexOf(':'))))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Person(String subject, String username, String displayName, String email, Set<Role> roles,
            List<String> departments, Optional<ResidentIdNumber> nationalId, Optional<Enterprise> enterprise) {
        this(subject, username, displayName, email, roles, departments, nationalId, enterprise, Set.of());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String departmentCode) {
        return departments.contains(departmentCode);
    }

    /** Builds the person from token claims; unknown roles are ignored, invalid identifiers dropped. */
    public static Person fromClaims(Map<String, Object> claims) {
        String subject = string(claims.get("sub"));
        String username = Optional.ofNullable(string(claims.get("preferred_username"))).orElse(subject);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : roleCodes(claims)) {
            Role.fromCode(code).ifPresent(roles::add);
        }
        Optional<Enterprise> enterprise = UnifiedSocialCreditCode.parse(string(claims.get("uscc")))
                .map(uscc -> new Enterprise(string(claims.get("enterprise_name")), uscc));
        return new Person(subject, username, displayName(claims, username), string(claims.get("email")), roles,
                strings(claims.get("department")), ResidentIdNumber.parse(string(claims.get("national_id"))),
                enterprise, Set.copyOf(strings(claims.get("department_roles"))));
    }

    /** The realm roles: our own {@code roles} claim, or Keycloak's standard {@code realm_access.roles}. */
    public static List<String> roleCodes(Map<String, Object> claims) {
        if (claims.get("roles") != null) {
            return strings(claims.get("roles"));
        }
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            return strings(realmAccess.get("roles"));
        }
        return List.of();
    }

    // Chinese names are written family name first without a space (张三); others "given family".
    // Keycloak's "name" claim is always "given family", so it is rebuilt from the parts.
    private static String displayName(Map<String, Object> claims, String fallback) {
        String family = string(claims.get("family_name"));
        String given = string(claims.get("given_name"));
        if (family != null && given != null) {
            return isHan(family) || isHan(given) ? family + given : given + " " + family;
        }
        return Optional.ofNullable(string(claims.get("name"))).orElse(fallback);
    }

    private static boolean isHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String string(Object value) {
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.stream().filter(v -> v != null && !v.toString().isBlank()).map(Object::toString)
                    .distinct().forEach(result::add);
        } else if (value != null && !value.toString().isBlank()) {
            result.add(value.toString());
        }
        return result;
    }
}
