package org.tongban.identity.internal;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.DepartmentRoles;
import org.tongban.identity.DepartmentRoles.DepartmentRole;
import org.tongban.identity.Official;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;

/**
 * 岗位角色: the roles a department defines for itself and who holds them. Anyone may read which roles a department
 * has (they appear in its published workflows); only the department's admins (and the platform admin) define roles,
 * see their holders and grant or revoke them. Grants from the identity provider are shown but changed there.
 */
@RestController
@Tag(name = "Department roles")
class DepartmentRoleController {

    private final JdbcDepartmentRoles roles;
    private final JdbcDepartments departments;
    private final JdbcPeople people;
    private final CurrentPerson currentPerson;

    DepartmentRoleController(JdbcDepartmentRoles roles, JdbcDepartments departments, JdbcPeople people,
            CurrentPerson currentPerson) {
        this.roles = roles;
        this.departments = departments;
        this.people = people;
        this.currentPerson = currentPerson;
    }

    /** A role as listed: the built-in ones first, then the department's own. */
    record RoleView(String code, String nameZh, String nameEn, boolean builtIn) {
    }

    @GetMapping("/api/v1/departments/{code}/roles")
    @Operation(summary = "A department's roles: clerk and dept-admin, then the ones it defined")
    List<RoleView> roles(@PathVariable String code) {
        departments.byCode(code).orElseThrow(ProblemException::notFound);
        List<RoleView> views = new ArrayList<>();
        views.add(new RoleView(Role.CLERK.code(), "窗口人员", "Clerk", true));
        views.add(new RoleView(Role.DEPT_ADMIN.code(), "部门管理员", "Department admin", true));
        roles.of(code).forEach(role -> views.add(new RoleView(role.code(), role.nameZh(), role.nameEn(), false)));
        return views;
    }

    /** Codes are kebab-case like every code in a definition; names are plain text. */
    record NewRole(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*") String code,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameZh,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameEn) {
    }

    @PostMapping("/api/v1/department-admin/departments/{code}/roles")
    @PreAuthorize("hasAnyRole('dept-admin', 'admin')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a role of my department (its department admins, or the platform admin)")
    RoleView define(@PathVariable String code, @Valid @RequestBody NewRole role) {
        Person person = administering(code);
        if (DepartmentRoles.BUILT_IN.contains(role.code()) || Role.fromCode(role.code()).isPresent()
                || !roles.define(code, role.code(), role.nameZh().strip(), role.nameEn().strip(), person.subject())) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.ALREADY_EXISTS);
        }
        return new RoleView(role.code(), role.nameZh().strip(), role.nameEn().strip(), false);
    }

    /**
     * An official holding the role. {@code grantedInPortal}: the department admin granted it here (and may revoke it);
     * otherwise the identity provider says so.
     */
    record Holder(String subject, String username, String displayName, boolean grantedInPortal) {
    }

    @GetMapping("/api/v1/department-admin/departments/{code}/roles/{role}/holders")
    @PreAuthorize("hasAnyRole('dept-admin', 'admin')")
    @Operation(summary = "Who holds a role of my department")
    List<Holder> holders(@PathVariable String code, @PathVariable String role) {
        administering(code);
        requireRole(code, role);
        return roles.holders(code, role).stream().map(official -> new Holder(official.subject(), official.username(),
                official.displayName(), roles.granted(official.subject(), code, role))).toList();
    }

    /** The department's officials (clerks) who could be given a role: those the directory knows. */
    @GetMapping("/api/v1/department-admin/departments/{code}/officials")
    @PreAuthorize("hasAnyRole('dept-admin', 'admin')")
    @Operation(summary = "The officials of my department the portal knows (signed in at least once)")
    List<Holder> officials(@PathVariable String code) {
        administering(code);
        return people.inDepartment(code, Role.CLERK).stream()
                .map(official -> new Holder(official.subject(), official.username(), official.displayName(), false))
                .toList();
    }

    @PutMapping("/api/v1/department-admin/departments/{code}/roles/{role}/holders/{subject}")
    @PreAuthorize("hasAnyRole('dept-admin', 'admin')")
    @Operation(summary = "Grant a role of my department to one of its officials")
    List<Holder> grant(@PathVariable String code, @PathVariable String role, @PathVariable String subject) {
        Person person = administering(code);
        requireRole(code, role);
        boolean official = people.inDepartment(code, Role.CLERK).stream().map(Official::subject)
                .anyMatch(subject::equals);
        if (!official) {
            // never a citizen, an official of another department, or someone the portal has never seen
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.NOT_AN_OFFICIAL);
        }
        roles.grant(code, role, subject, person.subject());
        return holders(code, role);
    }

    @DeleteMapping("/api/v1/department-admin/departments/{code}/roles/{role}/holders/{subject}")
    @PreAuthorize("hasAnyRole('dept-admin', 'admin')")
    @Operation(summary = "Revoke a role granted in the portal")
    List<Holder> revoke(@PathVariable String code, @PathVariable String role, @PathVariable String subject) {
        administering(code);
        requireRole(code, role);
        if (!roles.revoke(code, role, subject)) {
            throw ProblemException.notFound();
        }
        return holders(code, role);
    }

    private Person administering(String department) {
        Person person = currentPerson.require();
        departments.byCode(department).orElseThrow(ProblemException::notFound);
        if (!person.hasRole(Role.ADMIN) && !(person.hasRole(Role.DEPT_ADMIN) && person.belongsTo(department))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN);
        }
        return person;
    }

    private void requireRole(String department, String role) {
        if (roles.find(department, role).isEmpty()) {
            throw ProblemException.notFound();
        }
    }
}
