package org.tongban.identity.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Department;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;

/** The department directory: public to read, maintained by platform admins. */
@RestController
@Tag(name = "Departments")
class DepartmentController {

    private final JdbcDepartments departments;
    private final CurrentPerson currentPerson;

    DepartmentController(JdbcDepartments departments, CurrentPerson currentPerson) {
        this.departments = departments;
        this.currentPerson = currentPerson;
    }

    @GetMapping("/api/v1/departments")
    @Operation(summary = "All departments taking part in the portal")
    List<Department> all() {
        return departments.all();
    }

    @GetMapping("/api/v1/departments/{code}")
    @Operation(summary = "One department")
    Department one(@PathVariable String code) {
        return departments.byCode(code).orElseThrow(ProblemException::notFound);
    }

    /** Admin only (enforced by the security configuration for /api/v1/admin/**). */
    @PutMapping("/api/v1/admin/departments/{code}")
    @Operation(summary = "Rename a department (platform admin)")
    Department rename(@PathVariable String code, @Valid @RequestBody RenameDepartment request) {
        String by = currentPerson.require().subject();
        if (!departments.rename(code, request.nameZh().strip(), request.nameEn().strip(), by)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND);
        }
        return departments.byCode(code).orElseThrow(ProblemException::notFound);
    }

    /** A new department: a kebab-case code (as in definitions and the identity provider's groups) and its names. */
    record NewDepartment(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*") String code,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameZh,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameEn) {
    }

    /**
     * Admin only (enforced by the security configuration for /api/v1/admin/**). The department's officials get it
     * from the identity provider (a group whose department attribute is the code).
     */
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/admin/departments")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a department (platform admin)")
    Department create(@Valid @RequestBody NewDepartment request) {
        String by = currentPerson.require().subject();
        if (!departments.create(request.code(), request.nameZh().strip(), request.nameEn().strip(), by)) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.ALREADY_EXISTS);
        }
        return departments.byCode(request.code()).orElseThrow(ProblemException::notFound);
    }

    /** Names are plain text: no markup characters, no control characters. */
    record RenameDepartment(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameZh,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameEn) {
    }
}
