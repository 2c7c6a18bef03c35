package org.tongban.workflow.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.People;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.web.Problems;
import org.tongban.workflow.PublishedDefinition;

/**
 * 流程管理: department admins see their department's services with every version and how many
 * applications still run on each, and publish changed definitions. Platform admins see all.
 */
@RestController
@Tag(name = "Workflow administration")
@PreAuthorize("hasAnyRole('dept-admin', 'admin')")
class WorkflowAdminController {

    private final JdbcWorkflowDefinitions definitions;
    private final JdbcClient jdbc;
    private final CurrentPerson currentPerson;
    private final Problems problems;
    private final MessageSource messages;
    private final People people;

    WorkflowAdminController(JdbcWorkflowDefinitions definitions, JdbcClient jdbc, CurrentPerson currentPerson,
            Problems problems, MessageSource messages, People people) {
        this.people = people;
        this.definitions = definitions;
        this.jdbc = jdbc;
        this.currentPerson = currentPerson;
        this.problems = problems;
        this.messages = messages;
    }

    /**
     * {@code publishedBy}: a subject, or "system" for the files shipped in the jar; {@code publishedByName} the
     * official's name; {@code publishedAs}: system, dept-admin or admin (the platform admin); {@code note}: why the
     * platform admin moved the service, when it did.
     */
    record VersionView(int version, Instant publishedAt, String publishedBy, String publishedByName, String publishedAs,
            String note, long running) {
    }

    record ServiceWorkflows(String code, String nameZh, String nameEn, String department, int latestVersion,
            List<VersionView> versions) {
    }

    @GetMapping("/api/v1/workflow-admin/services")
    @Operation(summary = "My department's services, their definition versions and running applications per version")
    List<ServiceWorkflows> services() {
        Person person = currentPerson.require();
        return definitions.latestOfEach().stream()
                .filter(p -> person.hasRole(Role.ADMIN) || person.belongsTo(p.department()))
                .map(this::view).toList();
    }

    /** Publishes a definition file (YAML body); a new version when it changed. */
    @PostMapping(value = "/api/v1/workflow-admin/definitions",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a definition (department admins of the owning department)")
    ServiceWorkflows publish(@RequestParam String file, @RequestBody String yaml) {
        Person person = currentPerson.require();
        ValidationReport report = definitions.validate(file, yaml);
        if (!report.valid()) {
            throw invalid(report);
        }
        try {
            return view(definitions.publish(file, yaml, publisher(person)));
        } catch (InvalidDefinitionException e) {
            throw invalid(e.report());
        }
    }

    /** {@code department}: the department that will own the service; {@code reason}: why, kept with the version. */
    record Transfer(@NotBlank @Size(max = 64) String department, @NotBlank @Size(max = 400) String reason) {
    }

    /** Moving a service to another department: the platform admin's explicit act, never a side effect of publishing. */
    @PostMapping("/api/v1/workflow-admin/services/{code}/transfer")
    @PreAuthorize("hasRole('admin')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Move a service to another department (platform admin): a new version owned by it, with the reason")
    ServiceWorkflows transfer(@PathVariable String code, @Valid @RequestBody Transfer transfer) {
        Person person = currentPerson.require();
        try {
            return view(definitions.transfer(code, transfer.department(), transfer.reason(), publisher(person)));
        } catch (InvalidDefinitionException e) {
            throw invalid(e.report());
        }
    }

    private static Publisher publisher(Person person) {
        return new Publisher(person.subject(), java.util.Set.copyOf(person.departments()), person.hasRole(Role.ADMIN));
    }

    /** A version's file exactly as it was published: the starting point of the department's next change. */
    @GetMapping(value = "/api/v1/workflow-admin/services/{code}/versions/{version}/file", produces = "application/yaml")
    @Operation(summary = "A published version's definition file (department admins of the owning department)")
    ResponseEntity<String> file(@PathVariable String code, @PathVariable int version) {
        Person person = currentPerson.require();
        PublishedDefinition published = definitions.version(code, version).orElseThrow(ProblemException::notFound);
        if (!person.hasRole(Role.ADMIN) && !person.belongsTo(published.department())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN);
        }
        String content = jdbc.sql("SELECT content FROM workflow_definition WHERE service_code = ? AND version = ?")
                .params(code, version).query(String.class).single();
        String name = published.sourceFile() == null
                ? code + ".yaml"
                : published.sourceFile().substring(published.sourceFile().lastIndexOf('/') + 1);
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private ErrorResponseException invalid(ValidationReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION_FAILED);
        problem.setProperty("errors", report.problems().stream().map(p -> Map.of(
                "file", p.file(), "path", p.path(), "line", p.line() == null ? 0 : p.line(),
                "severity", p.severity().name().toLowerCase(Locale.ROOT), "code", p.code(),
                "message", p.message(messages, locale), "hint", p.hint(messages, locale))).toList());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private ServiceWorkflows view(PublishedDefinition latest) {
        Map<Integer, Long> running = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT definition_version, COUNT(*) FROM workflow_instance WHERE service_code = ? AND status = 'running'
                GROUP BY definition_version""").param(latest.serviceCode())
                .query((rs, n) -> running.put(rs.getInt(1), rs.getLong(2))).list();
        List<VersionView> versions = jdbc.sql("""
                SELECT version, published_at, published_by, published_as, note FROM workflow_definition
                WHERE service_code = ? ORDER BY version DESC""").param(latest.serviceCode())
                .query((rs, n) -> new VersionView(rs.getInt(1), Times.instant(rs.getObject(2)), rs.getString(3), null,
                        rs.getString(4), rs.getString(5), running.getOrDefault(rs.getInt(1), 0L)))
                .list();
        Map<String, String> names = people.displayNames(versions.stream().map(VersionView::publishedBy).toList());
        versions = versions.stream().map(v -> new VersionView(v.version(), v.publishedAt(), v.publishedBy(),
                names.get(v.publishedBy()), v.publishedAs(), v.note(), v.running())).toList();
        var service = latest.service();
        return new ServiceWorkflows(service.code(), service.name().zh(), service.name().en(), service.department(),
                latest.version(), versions);
    }
}
