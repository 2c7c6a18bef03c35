package org.tongban.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import org.tongban.workflow.internal.DefinitionProblem.Severity;
import org.tongban.workflow.DataCatalogue;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.Material;
import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates a definition file: first against the format's JSON Schema
 * ({@code workflows/workflow-definition.schema.json}), then the rules a schema cannot express
 * (references resolve, every step is reachable and has a way out, parallel branches join, conditions
 * are safe and read real fields, departments exist). Every problem names its place in the file.
 */
public final class DefinitionParser {

    public static final Set<String> ROLES = Set.of("clerk", "dept-admin");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema formatSchema;
    private final java.util.function.Supplier<Set<String>> departmentCodes;
    private final java.util.function.Supplier<Map<String, Set<String>>> departmentRoles;
    private final DataCatalogue catalogue;
    private Set<String> departments = Set.of();
    private Map<String, Set<String>> roles = Map.of();

    public DefinitionParser(Set<String> departments) {
        this(() -> departments, DataCatalogue.fromClasspath());
    }

    public DefinitionParser(Set<String> departments, DataCatalogue catalogue) {
        this(() -> departments, catalogue);
    }

    /**
     * @param departmentCodes the departments that exist now (read at every validation)
     * @param catalogue       the data catalogue that sources, certificates and records must name
     */
    public DefinitionParser(java.util.function.Supplier<Set<String>> departmentCodes, DataCatalogue catalogue) {
        this(departmentCodes, Map::of, catalogue);
    }

    /**
     * @param departmentCodes the departments that exist now (read at every validation)
     * @param departmentRoles the roles each department defined for itself, besides clerk and dept-admin (read at
     *                        every validation)
     * @param catalogue       the data catalogue that sources, certificates and records must name
     */
    public DefinitionParser(java.util.function.Supplier<Set<String>> departmentCodes,
            java.util.function.Supplier<Map<String, Set<String>>> departmentRoles, DataCatalogue catalogue) {
        this.departmentCodes = departmentCodes;
        this.departmentRoles = departmentRoles;
        this.catalogue = catalogue;
        try (InputStream in = DefinitionParser.class.getResourceAsStream("/workflows/workflow-definition.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("workflows/workflow-definition.schema.json is not on the classpath");
            }
            this.formatSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataCatalogue catalogue() {
        return catalogue;
    }

    /** Whether a department of this code exists now. */
    public boolean knowsDepartment(String code) {
        return departmentCodes.get().contains(code);
    }

    /**
     * @param file the file's path relative to the definitions folder, e.g. {@code enterprise/food-business-licence.yaml}
     */
    public synchronized ValidationReport parse(String file, String text) {
        this.departments = Set.copyOf(departmentCodes.get());
        this.roles = Map.copyOf(departmentRoles.get());
        Problems problems = new Problems(file);
        YamlSource source;
        try {
            source = YamlSource.parse(text);
        } catch (JacksonException e) {
            Integer line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : null;
            problems.errorAt(line, "", "yaml-syntax", e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage());
            return problems.report(null);
        } catch (IllegalArgumentException e) {
            problems.error("", "yaml-syntax", e.getMessage());
            return problems.report(null);
        }
        problems.source = source;
        if (source.tree() == null || !source.tree().isObject()) {
            problems.error("", "yaml-syntax", "the file is empty or not a mapping");
            return problems.report(null);
        }
        for (Error error : relevant(formatSchema.validate(source.tree()))) {
            schemaProblem(error, problems);
        }
        if (problems.hasErrors()) {
            return problems.report(null);
        }
        Set<String> reported = new HashSet<>();
        for (Error error : formSchemaProblems(source.tree().path("form").path("schema"))) {
            String where = "/form/schema" + pointer(error.getInstanceLocation());
            // the meta-schema offers alternatives (a type is a name or a list of names): one problem per place
            if (reported.add(where)) {
                problems.error(where, "form-schema-invalid", error.getMessage());
            }
        }
        if (problems.hasErrors()) {
            return problems.report(null);
        }
        WorkflowDefinition definition = map(source.tree(), problems);
        check(file, definition, problems);
        // warnings, not errors: versions published before translations were checked must still load
        for (FormTextCheck.Finding finding : FormTextCheck.check(definition.formSchema(), "/form/schema")) {
            problems.warning(finding.pointer(), finding.code(), finding.args().toArray(String[]::new));
        }
        return problems.report(problems.hasErrors() ? null : definition);
    }

    private static volatile Schema metaSchema;

    /** The applicant's form must itself be a valid JSON Schema (draft 2020-12). */
    private static List<Error> formSchemaProblems(JsonNode formSchema) {
        Schema meta = metaSchema;
        if (meta == null) {
            meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
            metaSchema = meta;
        }
        return meta.validate(formSchema);
    }

    // ---- schema problems, turned into messages with hints ----

    private static final java.util.regex.Pattern ALTERNATIVE = java.util.regex.Pattern.compile("/oneOf/\\d+");

    /**
     * A step is one of several shapes (task, decision, parallel, automatic), chosen by its type. Of
     * the schema's errors keep those of the shape the step says it is; the others only confuse.
     */
    private static List<Error> relevant(List<Error> errors) {
        Set<String> rejected = new HashSet<>();
        Map<String, List<String>> allowedTypes = new LinkedHashMap<>();
        for (Error error : errors) {
            String evaluation = error.getEvaluationPath().toString();
            String instance = pointer(error.getInstanceLocation());
            if (("const".equals(error.getKeyword()) || "enum".equals(error.getKeyword())) && instance.endsWith("/type")) {
                java.util.regex.Matcher matcher = ALTERNATIVE.matcher(evaluation);
                int end = -1;
                while (matcher.find()) {
                    end = matcher.end();
                }
                if (end > 0) {
                    rejected.add(evaluation.substring(0, end));
                    allowedTypes.computeIfAbsent(instance, key -> new ArrayList<>())
                            .add(error.getSchemaNode() == null ? "" : error.getSchemaNode().toString());
                }
            }
        }
        List<Error> kept = new ArrayList<>();
        Set<String> instancesWithKeptDetail = new HashSet<>();
        for (Error error : errors) {
            String evaluation = error.getEvaluationPath().toString();
            if (rejected.stream().anyMatch(prefix -> evaluation.startsWith(prefix + "/") || evaluation.equals(prefix))) {
                continue;
            }
            if (!"oneOf".equals(error.getKeyword())) {
                instancesWithKeptDetail.add(pointer(error.getInstanceLocation()));
            }
            kept.add(error);
        }
        List<Error> result = new ArrayList<>();
        for (Error error : kept) {
            String instance = pointer(error.getInstanceLocation());
            if ("oneOf".equals(error.getKeyword())
                    && instancesWithKeptDetail.stream().anyMatch(p -> p.equals(instance) || p.startsWith(instance + "/"))) {
                continue;
            }
            result.add(error);
        }
        return result;
    }

    private static void schemaProblem(Error error, Problems problems) {
        String pointer = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "required" -> {
                String property = error.getProperty() != null ? error.getProperty() : String.valueOf(args(error, 0));
                problems.error(pointer, "schema-required", property);
            }
            case "additionalProperties", "unevaluatedProperties" -> {
                String property = error.getProperty() != null ? error.getProperty() : String.valueOf(args(error, 0));
                problems.error(pointer.isEmpty() ? "/" + property : pointer + "/" + property, "schema-unknown-key",
                        property);
            }
            case "enum", "const" -> problems.error(pointer, "schema-enum", text(error.getInstanceNode()),
                    error.getSchemaNode() == null ? "" : error.getSchemaNode().toString());
            case "type" -> problems.error(pointer, "schema-type", String.valueOf(args(error, 1)));
            case "pattern" -> problems.error(pointer, "schema-pattern", text(error.getInstanceNode()),
                    String.valueOf(args(error, 0)));
            case "minimum", "exclusiveMinimum", "maximum", "minItems", "minProperties", "minLength", "maxLength" ->
                    problems.error(pointer, "schema-range", text(error.getInstanceNode()), error.getMessage());
            // oneOf/anyOf failures repeat what the branch errors already say more precisely
            case "oneOf", "anyOf", "allOf", "if", "then", "else", "discriminator" -> {
                if (!problems.hasErrorAt(pointer)) {
                    problems.error(pointer, "schema-other", error.getMessage());
                }
            }
            default -> problems.error(pointer, "schema-other", error.getMessage());
        }
    }

    private static Object args(Error error, int index) {
        Object[] args = error.getArguments();
        return args != null && args.length > index ? args[index] : "";
    }

    private static String text(JsonNode node) {
        return node == null ? "" : node.isString() ? node.asString() : node.toString();
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    // ---- mapping the (schema-valid) tree to the model ----

    private static WorkflowDefinition map(JsonNode root, Problems problems) {
        JsonNode service = root.path("service");
        List<Material> materials = new ArrayList<>();
        for (JsonNode material : service.path("materials")) {
            List<String> formats = new ArrayList<>();
            material.path("formats").forEach(f -> formats.add(f.asString()));
            materials.add(new Material(material.path("code").asString(), text(material, "name"),
                    material.path("required").asBoolean(true), List.copyOf(formats),
                    material.path("maxSizeMb").asInt(10), material.path("source").asString(null)));
        }
        Map<String, ServiceInfo.DataSourceUse> dataSources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> source : service.path("dataSources").properties()) {
            dataSources.put(source.getKey(), new ServiceInfo.DataSourceUse(source.getKey(),
                    text(source.getValue(), "purpose"), source.getValue().path("of").asString(null)));
        }
        ServiceInfo info = new ServiceInfo(service.path("code").asString(), text(service, "name"),
                text(service, "description"), service.path("category").asString(),
                service.path("department").asString(), service.path("audience").asString(),
                service.path("promisedWorkingDays").asInt(), text(service, "legalBasis"), text(service, "fee"),
                List.copyOf(materials), service.path("certificate").isMissingNode() ? null
                        : service.path("certificate").asString(), java.util.Collections.unmodifiableMap(dataSources));
        @SuppressWarnings("unchecked")
        Map<String, Object> formSchema = JSON.convertValue(root.path("form").path("schema"), Map.class);

        JsonNode workflow = root.path("workflow");
        Map<String, Step> steps = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : workflow.path("steps").properties()) {
            String id = entry.getKey();
            JsonNode node = entry.getValue();
            String pointer = "/workflow/steps/" + id;
            unique(id, pointer, seen, problems);
            String type = node.path("type").asString();
            Step step;
            if ("task".equals(type)) {
                step = task(id, node, null);
            } else if ("applicant".equals(type)) {
                List<String> actions = new ArrayList<>();
                node.path("actions").forEach(action -> actions.add(action.asString()));
                step = new Step.Applicant(id, text(node, "name"), text(node, "description"), List.copyOf(actions),
                        integer(node, "timeLimitWorkingDays"), integer(node, "timeLimitHours"),
                        node.path("reopenTo").asString(null), node.path("next").asString());
            } else if ("decision".equals(type)) {
                List<Step.Rule> rules = new ArrayList<>();
                node.path("when").forEach(rule -> rules.add(new Step.Rule(rule.path("condition").asString(),
                        rule.path("next").asString())));
                step = new Step.Decision(id, text(node, "name"), List.copyOf(rules), node.path("otherwise").asString());
            } else if ("automatic".equals(type)) {
                step = automatic(id, node);
            } else if ("parallel".equals(type)) {
                Map<String, List<Step.Task>> branches = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> branch : node.path("branches").properties()) {
                    List<Step.Task> tasks = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> taskEntry : branch.getValue().path("steps").properties()) {
                        unique(taskEntry.getKey(), pointer + "/branches/" + branch.getKey() + "/steps/"
                                + taskEntry.getKey(), seen, problems);
                        tasks.add(task(taskEntry.getKey(), taskEntry.getValue(), branch.getKey()));
                    }
                    branches.put(branch.getKey(), List.copyOf(tasks));
                }
                step = new Step.Parallel(id, text(node, "name"), node.path("onRejection").asString("reject-application"),
                        branches, node.path("next").asString());
            } else {
                throw new IllegalStateException("schema admitted step type " + type);
            }
            steps.put(id, step);
        }
        Map<String, Step.End> ends = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> end : workflow.path("ends").properties()) {
            if (seen.contains(end.getKey()) || Step.OUTCOMES.contains(end.getKey())) {
                problems.error("/workflow/ends/" + end.getKey(), "end-is-a-step", end.getKey());
            }
            ends.put(end.getKey(), new Step.End(end.getKey(), text(end.getValue(), "name"),
                    end.getValue().path("outcome").asString()));
        }
        return new WorkflowDefinition(root.path("formatVersion").asInt(1), info, formSchema,
                workflow.path("start").asString(), steps, java.util.Collections.unmodifiableMap(ends));
    }

    private static void unique(String id, String pointer, Set<String> seen, Problems problems) {
        if (Step.OUTCOMES.contains(id)) {
            problems.error(pointer, "reserved-step-id", id);
        } else if (!seen.add(id)) {
            problems.error(pointer, "duplicate-step", id);
        }
    }

    private static Step.Automatic automatic(String id, JsonNode node) {
        Step.CertificateSpec certificate = null;
        JsonNode spec = node.path("certificate");
        if (spec.isObject()) {
            JsonNode validity = spec.path("validity");
            certificate = new Step.CertificateSpec(spec.path("type").asString(), strings(spec.path("fields")),
                    validity.isObject() ? new Step.Validity(validity.path("years").asInt(0),
                            validity.path("months").asInt(0), validity.path("days").asInt(0)) : null);
        }
        Step.RecordSpec record = null;
        JsonNode recordNode = node.path("record");
        if (recordNode.isObject()) {
            record = new Step.RecordSpec(recordNode.path("dataset").asString(), strings(recordNode.path("values")));
        }
        return new Step.Automatic(id, text(node, "name"), node.path("action").asString(), node.path("next").asString(),
                certificate, record, text(node, "message"));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return java.util.Collections.unmodifiableMap(values);
    }

    private static Step.Task task(String id, JsonNode node, String branch) {
        List<String> visible = new ArrayList<>();
        node.path("visibleFields").forEach(f -> visible.add(f.asString()));
        List<String> visibleMaterials = new ArrayList<>();
        node.path("visibleMaterials").forEach(f -> visibleMaterials.add(f.asString()));
        List<String> returnTo = new ArrayList<>();
        node.path("returnTo").forEach(f -> returnTo.add(f.asString()));
        JsonNode escalation = node.path("escalation");
        return new Step.Task(id, text(node, "name"), node.path("department").asString(),
                node.path("role").asString("clerk"), integer(node, "timeLimitWorkingDays"),
                List.copyOf(visible), List.copyOf(visibleMaterials), node.path("correction").asBoolean(false),
                List.copyOf(returnTo),
                node.has("next") ? node.path("next").asString() : null, branch, integer(node, "timeLimitHours"),
                escalation.isObject() ? new Step.Escalation(escalation.path("role").asString(null),
                        escalation.path("department").asString(null), escalation.path("step").asString(null)) : null,
                node.path("assignsNext").asBoolean(false), node.path("onReject").asString(null));
    }

    private static Integer integer(JsonNode node, String field) {
        return node.has(field) ? node.path(field).asInt() : null;
    }

    private static LocalizedText text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return new LocalizedText(node.path("zh-CN").asString(null), node.path("en-US").asString(null));
    }

    // ---- rules beyond the schema ----

    private void check(String file, WorkflowDefinition definition, Problems problems) {
        ServiceInfo service = definition.service();
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        String baseName = fileName.replaceFirst("\\.ya?ml$", "");
        if (!baseName.equals(service.code())) {
            problems.error("/service/code", "code-file-mismatch", service.code(), fileName);
        }
        int slash = file.lastIndexOf('/');
        if (slash > 0) {
            String folder = file.substring(0, slash);
            folder = folder.substring(folder.lastIndexOf('/') + 1);
            if (!folder.equals(service.category())) {
                problems.error("/service/category", "category-folder-mismatch", service.category(), folder);
            }
        }
        if (!departments.contains(service.department())) {
            problems.error("/service/department", "unknown-department", service.department(), String.join(", ", sorted(departments)));
        }

        Map<String, Step> all = definition.allSteps();
        Set<String> fields = fieldPaths(definition.formSchema());
        if (!definition.steps().containsKey(definition.start())) {
            problems.error("/workflow/start", "unknown-step", definition.start());
        }
        for (Step step : definition.steps().values()) {
            String pointer = "/workflow/steps/" + step.id();
            if (step instanceof Step.Task task) {
                checkTask(task, pointer, definition, fields, problems);
                if (task.next() == null) {
                    problems.error(pointer, "schema-required", "next");
                }
                target(task.next(), pointer + "/next", definition, problems);
                if (task.assignsNext() && !(definition.steps().get(task.next()) instanceof Step.Task)) {
                    problems.error(pointer + "/assignsNext", "assigns-next-not-a-task", task.next());
                }
                Step.End rejection = task.onReject() == null ? null : definition.ends().get(task.onReject());
                if (task.onReject() != null && (rejection == null || !"rejected".equals(rejection.outcome()))) {
                    problems.error(pointer + "/onReject", "on-reject-not-a-rejection", task.onReject());
                }
            } else if (step instanceof Step.Applicant applicant) {
                timeLimit(applicant.timeLimitWorkingDays(), applicant.timeLimitHours(), pointer, problems);
                target(applicant.next(), pointer + "/next", definition, problems);
                if (applicant.allows(Step.Applicant.REOPEN) && applicant.reopenTo() == null) {
                    problems.error(pointer, "schema-required", "reopenTo");
                } else if (applicant.reopenTo() != null) {
                    if (!applicant.allows(Step.Applicant.REOPEN)) {
                        problems.error(pointer + "/reopenTo", "reopen-not-allowed", applicant.id());
                    } else if (!(definition.steps().get(applicant.reopenTo()) instanceof Step.Task)) {
                        problems.error(pointer + "/reopenTo", "reopen-not-a-task", applicant.reopenTo());
                    }
                }
            } else if (step instanceof Step.Decision decision) {
                for (int i = 0; i < decision.when().size(); i++) {
                    Step.Rule rule = decision.when().get(i);
                    String rulePointer = pointer + "/when/" + i;
                    try {
                        Conditions.Parsed parsed = Conditions.parse(rule.condition());
                        for (String field : parsed.fields()) {
                            if (!fields.contains(field)) {
                                problems.error(rulePointer + "/condition", "condition-unknown-field", field,
                                        String.join(", ", sorted(topLevel(fields))));
                            }
                        }
                    } catch (Conditions.Invalid invalid) {
                        problems.error(rulePointer + "/condition", invalid.code, rule.condition(), invalid.detail);
                    }
                    target(rule.next(), rulePointer + "/next", definition, problems);
                }
                target(decision.otherwise(), pointer + "/otherwise", definition, problems);
            } else if (step instanceof Step.Automatic automatic) {
                target(automatic.next(), pointer + "/next", definition, problems);
            } else if (step instanceof Step.Parallel parallel) {
                if (parallel.branches().size() < 2) {
                    problems.error(pointer + "/branches", "parallel-single-branch", parallel.id());
                }
                parallel.branches().forEach((branch, tasks) -> {
                    String branchPointer = pointer + "/branches/" + branch;
                    if (tasks.isEmpty()) {
                        problems.error(branchPointer + "/steps", "branch-empty", branch);
                    }
                    for (Step.Task task : tasks) {
                        String taskPointer = branchPointer + "/steps/" + task.id();
                        checkTask(task, taskPointer, definition, fields, problems);
                        if (task.next() != null) {
                            problems.error(taskPointer + "/next", "branch-never-joins", branch, task.next(), parallel.id());
                        }
                    }
                });
                target(parallel.next(), pointer + "/next", definition, problems);
            }
        }
        if (problems.hasErrors()) {
            return;
        }
        // reachability from the start, and a way from every step to an outcome
        Map<String, Set<String>> edges = Graph.edges(definition);
        Set<String> reachable = Graph.reachableFrom(definition.start(), edges);
        for (Step step : definition.steps().values()) {
            if (!reachable.contains(step.id())) {
                problems.error("/workflow/steps/" + step.id(), "unreachable-step", step.id());
            }
        }
        for (Step step : definition.steps().values()) {
            // a clerk can always reject; "a way out" means a way to an approval
            Set<String> onwards = Graph.reachableFrom(step.id(), edges);
            boolean approves = onwards.contains("approved") || definition.ends().values().stream()
                    .anyMatch(end -> "approved".equals(end.outcome()) && onwards.contains(end.id()));
            if (reachable.contains(step.id()) && !approves) {
                problems.error("/workflow/steps/" + step.id(), "no-way-out", step.id());
            }
        }
        // return only to an earlier step: one from which this step can be reached going forward
        Map<String, Set<String>> forward = Graph.edges(definition, false);
        for (Step.Task task : definition.tasks()) {
            for (String target : task.returnTo()) {
                Step returned = all.get(target);
                String pointer = task.branch() == null ? "/workflow/steps/" + task.id() + "/returnTo"
                        : branchPointer(definition, task) + "/returnTo";
                if (returned == null) {
                    problems.error(pointer, "unknown-step", target);
                } else if (!(returned instanceof Step.Task returnedTask)
                        || !Objects.equals(returnedTask.branch(), task.branch())
                        || !Graph.reachableFrom(target, forward).contains(task.id()) || target.equals(task.id())) {
                    problems.error(pointer, "return-not-earlier", target, task.id());
                }
            }
        }
        boolean issues = definition.steps().values().stream()
                .anyMatch(step -> step instanceof Step.Automatic automatic && "issue-certificate".equals(automatic.action()));
        if (issues && service.certificate() == null) {
            problems.error("/service", "certificate-missing");
        } else if (!issues && service.certificate() != null) {
            problems.error("/service/certificate", "certificate-never-issued", service.certificate());
        }
        new SharedDataCheck(definition, catalogue, fields, problems::error, problems::warning).run();
        int longest = Graph.longestWorkingDays(definition);
        if (longest > service.promisedWorkingDays()) {
            problems.warning("/service/promisedWorkingDays", "promised-days-too-short",
                    String.valueOf(service.promisedWorkingDays()), String.valueOf(longest));
        }
    }

    private static String branchPointer(WorkflowDefinition definition, Step.Task task) {
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.Parallel parallel && parallel.branches().containsKey(task.branch())) {
                return "/workflow/steps/" + parallel.id() + "/branches/" + task.branch() + "/steps/" + task.id();
            }
        }
        return "/workflow/steps/" + task.id();
    }

    private void checkTask(Step.Task task, String pointer, WorkflowDefinition definition, Set<String> fields,
            Problems problems) {
        if (!departments.contains(task.department())) {
            problems.error(pointer + "/department", "unknown-department", task.department(),
                    String.join(", ", sorted(departments)));
        }
        role(task.department(), task.role(), pointer + "/role", problems);
        timeLimit(task.timeLimitWorkingDays(), task.timeLimitHours(), pointer, problems);
        Step.Escalation escalation = task.escalation();
        if (escalation != null) {
            String escalationPointer = pointer + "/escalation";
            if (escalation.step() != null && (escalation.role() != null || escalation.department() != null)) {
                problems.error(escalationPointer, "escalation-ambiguous", task.id());
            } else if (escalation.step() != null) {
                if (task.branch() != null) {
                    problems.error(escalationPointer + "/step", "escalation-step-in-branch", task.branch());
                } else {
                    target(escalation.step(), escalationPointer + "/step", definition, problems);
                }
            } else {
                String department = escalation.department() == null ? task.department() : escalation.department();
                if (!departments.contains(department)) {
                    problems.error(escalationPointer + "/department", "unknown-department", department,
                            String.join(", ", sorted(departments)));
                } else {
                    role(department, escalation.role() == null ? "clerk" : escalation.role(),
                            escalationPointer + "/role", problems);
                }
            }
        }
        for (int i = 0; i < task.visibleFields().size(); i++) {
            String field = task.visibleFields().get(i);
            if (!fields.contains(field)) {
                problems.error(pointer + "/visibleFields/" + i, "visible-field-unknown", field,
                        String.join(", ", sorted(topLevel(fields))));
            }
        }
        Set<String> materials = new HashSet<>();
        definition.service().materials().forEach(material -> materials.add(material.code()));
        for (int i = 0; i < task.visibleMaterials().size(); i++) {
            String material = task.visibleMaterials().get(i);
            if (!materials.contains(material)) {
                problems.error(pointer + "/visibleMaterials/" + i, "visible-material-unknown", material,
                        String.join(", ", sorted(materials)));
            }
        }
    }

    /** clerk and dept-admin exist in every department; other roles only where the department defined them. */
    private void role(String department, String role, String pointer, Problems problems) {
        Set<String> own = roles.getOrDefault(department, Set.of());
        if (!ROLES.contains(role) && !own.contains(role) && departments.contains(department)) {
            java.util.TreeSet<String> known = new java.util.TreeSet<>(ROLES);
            known.addAll(own);
            problems.error(pointer, "unknown-role", role, department, String.join(", ", known));
        }
    }

    private static void timeLimit(Integer workingDays, Integer hours, String pointer, Problems problems) {
        if (workingDays == null && hours == null) {
            problems.error(pointer, "schema-required", "timeLimitWorkingDays");
        } else if (workingDays != null && hours != null) {
            problems.error(pointer + "/timeLimitHours", "time-limit-twice");
        }
    }

    private static void target(String target, String pointer, WorkflowDefinition definition, Problems problems) {
        if (target == null || target.isBlank()) {
            return;
        }
        if ("approved".equals(target) || "rejected".equals(target) || definition.ends().containsKey(target)) {
            return;
        }
        if ("withdrawn".equals(target)) {
            problems.error(pointer, "withdrawn-not-a-target", target);
            return;
        }
        if (!definition.steps().containsKey(target)) {
            boolean inBranch = definition.allSteps().containsKey(target);
            problems.error(pointer, inBranch ? "target-inside-branch" : "unknown-step", target);
        }
    }

    /** Every field path the form declares: top-level properties and dotted paths into objects. */
    static Set<String> fieldPaths(Map<String, Object> schema) {
        Set<String> paths = new HashSet<>();
        collect(schema, "", paths);
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> schema, String prefix, Set<String> paths) {
        Object properties = schema == null ? null : schema.get("properties");
        if (properties instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String path = prefix + entry.getKey();
                paths.add(path);
                if (entry.getValue() instanceof Map<?, ?> child) {
                    collect((Map<String, Object>) child, path + ".", paths);
                }
            }
        }
    }

    private static Set<String> topLevel(Set<String> fields) {
        Set<String> top = new HashSet<>();
        fields.stream().filter(f -> !f.contains(".")).forEach(top::add);
        return top;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** Collects problems with their lines. */
    private static final class Problems {
        private final String file;
        private final List<DefinitionProblem> list = new ArrayList<>();
        private YamlSource source;

        Problems(String file) {
            this.file = file;
        }

        void error(String pointer, String code, String... args) {
            add(pointer, Severity.ERROR, code, args);
        }

        void errorAt(Integer line, String pointer, String code, String... args) {
            list.add(new DefinitionProblem(file, pointer, line, Severity.ERROR, code, List.of(args)));
        }

        void warning(String pointer, String code, String... args) {
            add(pointer, Severity.WARNING, code, args);
        }

        private void add(String pointer, Severity severity, String code, String... args) {
            Integer line = source == null ? null : source.lineOf(pointer);
            DefinitionProblem problem = new DefinitionProblem(file, pointer, line, severity, code, List.of(args));
            if (!list.contains(problem)) {
                list.add(problem);
            }
        }

        boolean hasErrors() {
            return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        }

        boolean hasErrorAt(String pointer) {
            return list.stream().anyMatch(p -> p.path().startsWith(pointer));
        }

        ValidationReport report(WorkflowDefinition definition) {
            return new ValidationReport(file, Optional.ofNullable(definition), List.copyOf(list));
        }
    }

}
