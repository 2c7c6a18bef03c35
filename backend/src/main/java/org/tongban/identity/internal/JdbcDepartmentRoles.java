package org.tongban.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.DepartmentRoles;
import org.tongban.identity.Official;
import org.tongban.identity.Person;
import org.tongban.identity.Role;

/**
 * Departments' own roles in {@code department_role}, the portal's grants in {@code department_role_holder}; the
 * identity provider's grants come with the person ({@link Person#departmentRoles()}) and, for officials who are not
 * signed in now, from the person directory's record of their latest sign-in.
 */
@Repository
class JdbcDepartmentRoles implements DepartmentRoles {

    private final JdbcClient jdbc;
    private final JdbcPeople people;
    private final Clock clock;

    JdbcDepartmentRoles(JdbcClient jdbc, JdbcPeople people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public Map<String, Set<String>> codesByDepartment() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT department, code FROM department_role ORDER BY department, created_at, code")
                .query((rs, n) -> roles.computeIfAbsent(rs.getString(1), d -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        return roles;
    }

    @Override
    public List<DepartmentRole> of(String department) {
        return jdbc.sql("""
                SELECT department, code, name_zh, name_en FROM department_role WHERE department = ?
                ORDER BY created_at, code""").param(department).query(DepartmentRole.class).list();
    }

    Optional<DepartmentRole> find(String department, String code) {
        return jdbc.sql("SELECT department, code, name_zh, name_en FROM department_role WHERE department = ? AND code = ?")
                .params(department, code).query(DepartmentRole.class).optional();
    }

    @Override
    public Set<String> heldBy(Person person) {
        if (person.departments().isEmpty()) {
            return Set.of();
        }
        Set<String> held = new HashSet<>(person.departmentRoles());
        jdbc.sql("SELECT department, role FROM department_role_holder WHERE subject = ?").param(person.subject())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list().stream()
                .filter(role -> person.belongsTo(role.substring(0, role.indexOf(':'))))
                .forEach(held::add);
        return Set.copyOf(held);
    }

    @Override
    public List<Official> holders(String department, String role) {
        Optional<Role> builtIn = Role.fromCode(role).filter(r -> BUILT_IN.contains(r.code()));
        if (builtIn.isPresent()) {
            return people.inDepartment(department, builtIn.get());
        }
        List<Official> holders = new ArrayList<>();
        for (Official official : people.inDepartment(department, Role.CLERK)) {
            if (granted(official.subject(), department, role)
                    || people.departmentRoles(official.subject()).contains(department + ":" + role)) {
                holders.add(official);
            }
        }
        return holders;
    }

    /** Whether the portal granted the role (the provider's grants are not in this table). */
    boolean granted(String subject, String department, String role) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM department_role_holder WHERE subject = ? AND department = ? AND role = ?""")
                .params(subject, department, role).query(Long.class).single() > 0;
    }

    /** Defines a role; false when the department already has one of this code. */
    @Transactional
    boolean define(String department, String code, String nameZh, String nameEn, String by) {
        try {
            jdbc.sql("""
                    INSERT INTO department_role (department, code, name_zh, name_en, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(department, code, nameZh, nameEn, Timestamp.from(clock.instant()), by).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Grants a role to an official; false when they held it already. */
    @Transactional
    boolean grant(String department, String role, String subject, String by) {
        if (granted(subject, department, role)) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO department_role_holder (department, role, subject, granted_at, granted_by)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(department, role, subject, Timestamp.from(clock.instant()), by).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Transactional
    boolean revoke(String department, String role, String subject) {
        return jdbc.sql("DELETE FROM department_role_holder WHERE department = ? AND role = ? AND subject = ?")
                .params(department, role, subject).update() == 1;
    }
}
