package org.tongban.workflow.internal;

import java.util.Set;

/**
 * Who publishes a definition version: a department admin (for the services their departments own),
 * the platform admin, or the portal itself seeding a service from a file shipped in the jar.
 */
public record Publisher(String subject, Set<String> departments, boolean platformAdmin) {

    public static final Publisher SYSTEM = new Publisher("system", Set.of(), false);

    public Publisher {
        departments = Set.copyOf(departments);
    }

    public boolean system() {
        return this == SYSTEM || "system".equals(subject);
    }

    /** The capacity recorded with the version: system, admin or dept-admin. */
    public String capacity() {
        return system() ? "system" : platformAdmin ? "admin" : "dept-admin";
    }

    /** May publish versions of a service owned by this department. */
    public boolean mayPublishFor(String department) {
        return system() || platformAdmin || departments.contains(department);
    }
}
