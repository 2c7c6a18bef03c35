package org.tongban.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.tongban.identity.Department;
import org.tongban.identity.Departments;
import org.tongban.web.ProblemException;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinitions;

/** The public catalogue and guidance pages' data. */
@RestController
@Tag(name = "Catalogue")
class CatalogController {

    private final WorkflowDefinitions definitions;
    private final Departments departments;

    CatalogController(WorkflowDefinitions definitions, Departments departments) {
        this.definitions = definitions;
        this.departments = departments;
    }

    record Text(String zh, String en) {
        static Text of(LocalizedText text) {
            return text == null ? null : new Text(text.zh(), text.en());
        }
    }

    record ServiceSummary(String code, int version, Text name, Text description, String category, String audience,
            int promisedWorkingDays, Department department, List<Department> departments) {
    }

    /** {@code source}: the shared dataset that can stand in for the document (免提交), or null. */
    record MaterialView(String code, Text name, boolean required, List<String> formats, int maxSizeMb, String source) {
    }

    /** @param parallelStep the parallel step a branch task belongs to (null at the top level) */
    record StepView(String id, Text name, String type, Department department, Integer timeLimitWorkingDays,
            String parallelStep, String branch) {
    }

    /** Data the service reads from a department instead of asking for it, with the applicant's consent (免提交). */
    record SharedDataView(String dataset, Text name, Department department, Text purpose) {
    }

    record Guidance(String code, int version, Text name, Text description, String category, String audience,
            int promisedWorkingDays, Department department, List<Department> departments, Text legalBasis, Text fee,
            String certificate, Text certificateName, List<MaterialView> materials, List<SharedDataView> sharedData,
            List<StepView> steps, String diagramUrl, Map<String, Object> formSchema) {
    }

    /**
     * The catalogue as it stands: the newest version of every service with its summary, built once per change of
     * the published versions or the departments (a publication on any portal instance shows within seconds).
     */
    private record Snapshot(String fingerprint, List<PublishedDefinition> published, List<ServiceSummary> summaries) {
    }

    private volatile Snapshot snapshot;

    /** The departments, remembered for two seconds: every visit names them, and they change rarely. */
    private record Remembered(List<Department> all, long at) {
    }

    private static final long REMEMBER_NANOS = java.time.Duration.ofSeconds(2).toNanos();

    private volatile Remembered remembered;

    private List<Department> departments() {
        long now = System.nanoTime();
        Remembered current = remembered;
        if (current == null || now - current.at() >= REMEMBER_NANOS) {
            current = new Remembered(List.copyOf(departments.all()), now);
            remembered = current;
        }
        return current.all();
    }

    private Snapshot snapshot() {
        List<PublishedDefinition> published = definitions.latestOfEach();
        List<Department> all = departments();
        String fingerprint = published.stream().map(p -> p.serviceCode() + "@" + p.version())
                .collect(Collectors.joining(",")) + "|" + all.stream().map(d -> d.code() + "=" + d.nameZh() + "/" + d.nameEn())
                .collect(Collectors.joining(","));
        Snapshot current = snapshot;
        if (current == null || !current.fingerprint().equals(fingerprint)) {
            Map<String, Department> byCode = all.stream().collect(Collectors.toMap(Department::code,
                    Function.identity(), (a, b) -> a, LinkedHashMap::new));
            current = new Snapshot(fingerprint, published, published.stream().map(p -> summary(p, byCode)).toList());
            snapshot = current;
        }
        return current;
    }

    /**
     * The list is public and the same for everyone: served from memory, with an ETag over the published versions and
     * the question, so a browser that has it gets 304 without a body; it revalidates every time ({@code no-cache}),
     * as a publication changes the list at once.
     */
    @GetMapping("/api/v1/catalog/services")
    @Operation(summary = "Services, filtered by keyword (Chinese or English), category, department and audience")
    ResponseEntity<List<ServiceSummary>> services(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) String department,
            @RequestParam(required = false) String audience, WebRequest request) {
        Snapshot current = snapshot();
        String keyword = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        // weak: the same list is sent gzip-compressed or not (Tomcat leaves responses with a strong ETag uncompressed)
        String etag = "W/\"" + Integer.toHexString(Objects.hash(current.fingerprint(), keyword, category, department,
                audience)) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        List<ServiceSummary> matching = new ArrayList<>();
        for (int i = 0; i < current.published().size(); i++) {
            PublishedDefinition p = current.published().get(i);
            if ((category == null || category.isBlank() || category.equals(p.service().category()))
                    && (audience == null || audience.isBlank() || audience.equals(p.service().audience()))
                    && (department == null || department.isBlank() || involved(p).contains(department))
                    && (keyword.isEmpty() || matches(p.service(), keyword))) {
                matching.add(current.summaries().get(i));
            }
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(matching);
    }

    @GetMapping("/api/v1/catalog/services/{code}")
    @Operation(summary = "A service's guidance (办事指南)")
    Guidance guidance(@PathVariable String code) {
        PublishedDefinition published = definitions.latest(code).orElseThrow(ProblemException::notFound);
        Map<String, Department> byCode = departmentsByCode();
        ServiceInfo service = published.service();
        List<StepView> steps = new ArrayList<>();
        for (Step step : published.steps()) {
            steps.add(step(step, byCode));
            if (step instanceof Step.Parallel parallel) {
                parallel.branches().forEach((branch, tasks) -> tasks.forEach(task -> steps.add(
                        withParallel(step(task, byCode), parallel.id(), branch))));
            }
        }
        ServiceSummary summary = summary(published, byCode);
        return new Guidance(summary.code(), summary.version(), summary.name(), summary.description(),
                summary.category(), summary.audience(), summary.promisedWorkingDays(), summary.department(),
                summary.departments(), Text.of(service.legalBasis()), Text.of(service.fee()), service.certificate(),
                definitions.catalogue().dataset(service.certificate()).map(type -> Text.of(type.name())).orElse(null),
                service.materials().stream().map(m -> new MaterialView(m.code(), Text.of(m.name()), m.required(),
                        m.formats(), m.maxSizeMb(), m.source())).toList(),
                service.dataSources().values().stream().map(use -> definitions.catalogue().dataset(use.dataset())
                        .map(dataset -> new SharedDataView(dataset.code(), Text.of(dataset.name()),
                                department(dataset.department(), byCode), Text.of(use.purpose())))
                        .orElse(null)).filter(java.util.Objects::nonNull).toList(),
                steps, "/api/v1/workflow-definitions/" + published.serviceCode() + "/versions/" + published.version()
                        + "/diagram", published.formSchema());
    }

    private static StepView withParallel(StepView view, String parallel, String branch) {
        return new StepView(view.id(), view.name(), view.type(), view.department(), view.timeLimitWorkingDays(),
                parallel, branch);
    }

    private static StepView step(Step step, Map<String, Department> byCode) {
        String type = step instanceof Step.Task ? "task" : step instanceof Step.Decision ? "decision"
                : step instanceof Step.Parallel ? "parallel" : step instanceof Step.Applicant ? "applicant" : "automatic";
        if (step instanceof Step.Task task) {
            return new StepView(task.id(), Text.of(task.name()), type, department(task.department(), byCode),
                    task.timeLimitWorkingDays(), null, null);
        }
        return new StepView(step.id(), Text.of(step.name()), type, null, null, null, null);
    }

    private ServiceSummary summary(PublishedDefinition published, Map<String, Department> byCode) {
        ServiceInfo service = published.service();
        return new ServiceSummary(service.code(), published.version(), Text.of(service.name()),
                Text.of(service.description()), service.category(), service.audience(), service.promisedWorkingDays(),
                department(service.department(), byCode),
                involved(published).stream().map(code -> department(code, byCode)).toList());
    }

    private static List<String> involved(PublishedDefinition published) {
        return published.departments();
    }

    private static boolean matches(ServiceInfo service, String keyword) {
        return contains(service.name(), keyword) || contains(service.description(), keyword)
                || service.code().contains(keyword);
    }

    private static boolean contains(LocalizedText text, String keyword) {
        return text != null && ((text.zh() != null && text.zh().toLowerCase(Locale.ROOT).contains(keyword))
                || (text.en() != null && text.en().toLowerCase(Locale.ROOT).contains(keyword)));
    }

    private Map<String, Department> departmentsByCode() {
        return departments.all().stream().collect(Collectors.toMap(Department::code, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Department department(String code, Map<String, Department> byCode) {
        return byCode.getOrDefault(code, new Department(code, code, code));
    }
}
