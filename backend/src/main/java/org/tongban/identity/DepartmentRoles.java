package org.tongban.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles departments define for themselves (岗位角色: e.g. 派单员, 承办人, 督办负责人), besides {@code clerk} and
 * {@code dept-admin} which every department has, and who holds them. A person holds a department's role when the
 * identity provider says so (the {@code department_roles} claim, from their groups) or when the department's admin
 * granted it in the portal; either way only in a department the person belongs to.
 */
public interface DepartmentRoles {

    /** A role of a department, with its names in both languages. */
    record DepartmentRole(String department, String code, String nameZh, String nameEn) {
    }

    /** The roles every department has without defining them. */
    Set<String> BUILT_IN = Set.of(Role.CLERK.code(), Role.DEPT_ADMIN.code());

    /** Each department's own role codes (the built-in ones left out), for checking workflow definitions. */
    Map<String, Set<String>> codesByDepartment();

    /** A department's own roles, in the order they were defined. */
    List<DepartmentRole> of(String department);

    /** Every department role the person holds, written {@code department:role}. */
    Set<String> heldBy(Person person);

    /** Whether the person holds the role in the department: a built-in realm role, or the department's own role. */
    default boolean holds(Person person, String department, String role) {
        if (!person.belongsTo(department)) {
            return false;
        }
        if (BUILT_IN.contains(role)) {
            return Role.fromCode(role).map(person::hasRole).orElse(false);
        }
        return heldBy(person).contains(department + ":" + role);
    }

    /** The officials of the department who hold the role (built-in or own) and whom the directory knows. */
    List<Official> holders(String department, String role);
}
