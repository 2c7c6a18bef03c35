package org.tongban.workflow;

import java.util.Set;

/**
 * Who fires an event: the identity provider's subject, roles and department codes. Built by the caller from the
 * signed-in person; the engine decides what this actor may do.
 *
 * @param roles the realm roles ({@code clerk}, {@code dept-admin}, …) and the roles the person holds in a department,
 *              written {@code department:role} ({@code government-services:supervisor})
 */
public record Actor(String subject, Set<String> roles, Set<String> departments) {

    /** Whether the actor holds the role in the department: a realm role, or the department's own role. */
    public boolean holds(String department, String role) {
        return roles.contains(role) || roles.contains(department + ":" + role);
    }

    public Actor {
        roles = Set.copyOf(roles);
        departments = Set.copyOf(departments);
    }

    public static Actor applicant(String subject) {
        return new Actor(subject, Set.of("citizen"), Set.of());
    }

    public static Actor clerk(String subject, String department) {
        return new Actor(subject, Set.of("clerk"), Set.of(department));
    }

    /** The engine itself: automatic steps and timers. */
    public static final Actor SYSTEM = new Actor("system", Set.of("system"), Set.of());
}
