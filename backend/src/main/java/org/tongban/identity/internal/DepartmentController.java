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

    /** Names are plain text: no markup characters, no control characters. */
    record RenameDepartment(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameZh,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^<>\\p{Cntrl}]*") String nameEn) {
    }
}
