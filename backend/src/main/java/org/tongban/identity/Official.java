package org.tongban.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An official as the person directory knows them: someone with a clerk, department admin or platform
 * admin role who has signed in (or called the API with a bearer token) at least once. The names and
 * departments are those of their latest sign-in.
 *
 * @param subject     the identity provider's stable id ({@code sub})
 * @param firstSeenAt when the portal first saw them
 * @param updatedAt   when their name, e-mail, roles or departments last changed
 */
public record Official(String subject, String username, String displayName, String email, Set<Role> roles,
        List<String> departments, Instant firstSeenAt, Instant updatedAt) {

    /** The roles whose holders the directory records. */
    public static final Set<Role> OFFICIAL_ROLES = Set.of(Role.CLERK, Role.DEPT_ADMIN, Role.ADMIN);

    public Official {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        departments = List.copyOf(departments);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String departmentCode) {
        return departments.contains(departmentCode);
    }

    /** Whether the person holds one of the roles the directory records. */
    public static boolean isOfficial(Person person) {
        return person.roles().stream().anyMatch(OFFICIAL_ROLES::contains);
    }
}
