package org.tongban.workflow.internal;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.web.ProblemException;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ServiceInfo;

/**
 * Published workflow definitions: public to read (the guidance pages show who handles a service
 * and its diagram); validating a file is for department admins.
 */
@RestController
@Tag(name = "Workflow definitions")
class WorkflowDefinitionController {

    private final JdbcWorkflowDefinitions definitions;
    private final MessageSource messages;

    WorkflowDefinitionController(JdbcWorkflowDefinitions definitions, MessageSource messages) {
        this.definitions = definitions;
        this.messages = messages;
    }

    record DefinitionSummary(String code, int version, String nameZh, String nameEn, String category,
            String department, String audience, int promisedWorkingDays, List<String> departments) {

        static DefinitionSummary of(PublishedDefinition published) {
            ServiceInfo service = published.service();
            return new DefinitionSummary(service.code(), published.version(), service.name().zh(), service.name().en(),
                    service.category(), service.department(), service.audience(), service.promisedWorkingDays(),
                    published.departments());
        }
    }

    @GetMapping("/api/v1/workflow-definitions")
    @Operation(summary = "The newest version of every service's workflow definition")
    List<DefinitionSummary> all() {
        return definitions.latestOfEach().stream().map(DefinitionSummary::of).toList();
    }

    @GetMapping("/api/v1/workflow-definitions/{code}")
    @Operation(summary = "The newest version of one service's definition")
    DefinitionSummary latest(@PathVariable String code) {
        return definitions.latest(code).map(DefinitionSummary::of).orElseThrow(ProblemException::notFound);
    }

    @GetMapping(value = "/api/v1/workflow-definitions/{code}/versions/{version}/diagram",
            produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A definition version as a Mermaid state diagram, in the request's language")
    String diagram(@PathVariable String code, @PathVariable int version) {
        Published published = definitions.findVersion(code, version).orElseThrow(ProblemException::notFound);
        return definitions.diagram(published, LocaleContextHolder.getLocale());
    }

    record ProblemView(String file, String path, Integer line, String severity, String code, String message,
            String hint) {
    }

    record ValidationResult(boolean valid, List<ProblemView> problems) {
    }

    /** Checks a definition file before publishing; the file travels as the request body (YAML). */
    @PostMapping(value = "/api/v1/workflow-definitions/validation",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasAnyRole('dept-admin', 'admin')")
    @Operation(summary = "Validate a definition file (department admins)")
    ValidationResult validate(@RequestParam String file, @RequestBody String yaml) {
        Locale locale = LocaleContextHolder.getLocale();
        ValidationReport report = definitions.validate(file, yaml);
        return new ValidationResult(report.valid(), report.problems().stream()
                .map(p -> new ProblemView(p.file(), p.path(), p.line(), p.severity().name().toLowerCase(Locale.ROOT),
                        p.code(), p.message(messages, locale), p.hint(messages, locale)))
                .toList());
    }

}
