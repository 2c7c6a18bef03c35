package org.tongban.identity.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Department;
import org.tongban.identity.Departments;
import org.tongban.identity.Person;
import org.tongban.identity.Role;

/** The signed-in person, as the portal knows them. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Identity")
class MeController {

    private final CurrentPerson currentPerson;
    private final Departments departments;

    MeController(CurrentPerson currentPerson, Departments departments) {
        this.currentPerson = currentPerson;
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "The signed-in person: roles, departments and verified attributes (ID number masked)")
    MeResponse me() {
        Person person = currentPerson.require();
        return new MeResponse(person.subject(), person.username(), person.displayName(), person.email(),
                person.roles().stream().map(Role::code).sorted().toList(),
                person.departments().stream().map(this::department).toList(),
                person.nationalId().map(id -> id.masked()).orElse(null),
                person.enterprise().map(e -> new EnterpriseResponse(e.name(), e.uscc().value())).orElse(null));
    }

    /**
     * The person's own verified identity in full, for forms they fill in themselves. Only ever
     * answers about the caller; nobody can ask for somebody else's number here.
     */
    @GetMapping("/verified-identity")
    @Operation(summary = "The caller's own verified identity attributes, unmasked")
    VerifiedIdentityResponse verifiedIdentity() {
        Person person = currentPerson.require();
        return new VerifiedIdentityResponse(person.displayName(),
                person.nationalId().map(id -> id.value()).orElse(null),
                person.enterprise().map(e -> new EnterpriseResponse(e.name(), e.uscc().value())).orElse(null));
    }

    private DepartmentResponse department(String code) {
        return departments.byCode(code)
                .map(d -> new DepartmentResponse(d.code(), d.nameZh(), d.nameEn()))
                // a department the identity provider knows but the portal does not (yet)
                .orElseGet(() -> new DepartmentResponse(code, code, code));
    }

    record MeResponse(String subject, String username, String displayName, String email, List<String> roles,
            List<DepartmentResponse> departments, String nationalId, EnterpriseResponse enterprise) {
    }

    record DepartmentResponse(String code, String nameZh, String nameEn) {
        static DepartmentResponse of(Department d) {
            return new DepartmentResponse(d.code(), d.nameZh(), d.nameEn());
        }
    }

    record EnterpriseResponse(String name, String uscc) {
    }

    record VerifiedIdentityResponse(String name, String nationalId, EnterpriseResponse enterprise) {
    }
}
