package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * A workflow converted from another system's definition ({@link DigitBusinessServiceImport},
 * {@link BpmnImport}), before it is written as a definition file: its steps, the form fields its
 * conditions read, and every element of the source that could not be converted. Writing it needs what
 * the source does not know: the owning department and the catalogue category.
 */
public final class ImportedWorkflow {

    /** The reserved outcomes, which are never step ids. */
    static final Set<String> OUTCOMES = Set.of("approved", "rejected", "withdrawn");

    /**
     * An element of the source and what became of it.
     *
     * @param element the element's id (a DIGIT state or {@code state/action}, a BPMN element id)
     * @param line    its line in the source file, when known
     * @param code    the reason, a message key below {@code workflow.import.finding.}
     * @param args    the message's arguments
     */
    public record Finding(String element, Integer line, String code, List<String> args) {
    }

    /** Why a file cannot be converted at all; {@code code} is a message key below {@code workflow.import.}. */
    public static final class NotConvertible extends RuntimeException {
        private final String code;
        private final List<String> args;

        NotConvertible(String code, String... args) {
            super(code + " " + List.of(args));
            this.code = code;
            this.args = List.of(args);
        }

        public String code() {
            return code;
        }

        public List<String> args() {
            return args;
        }
    }

    sealed interface Node permits Task, Decision, Parallel {
        String id();
    }

    record Task(String id, String name, List<String> comments, int days, String next, List<String> returnTo)
            implements Node {
    }

    record Rule(String condition, String next, String comment) {
    }

    record Decision(String id, String name, List<String> comments, List<Rule> when, String otherwise) implements Node {
    }

    record Parallel(String id, String name, List<String> comments, Map<String, List<Task>> branches, String next)
            implements Node {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String kind;
    final String sourceName;
    String code;
    final String name;
    int promisedWorkingDays;
    String start;
    final Map<String, Node> steps = new LinkedHashMap<>();
    /** Form field → JSON Schema type, for the fields conditions read. */
    final Map<String, String> fields = new LinkedHashMap<>();
    final List<Finding> unsupported = new ArrayList<>();
    final List<Finding> notes = new ArrayList<>();

    ImportedWorkflow(String kind, String sourceName, String code, String name) {
        this.kind = kind;
        this.sourceName = sourceName;
        this.code = code;
        this.name = name;
    }

    /** The service code the source suggests (kebab-case of its key). */
    public String code() {
        return code;
    }

    public void code(String code) {
        this.code = code;
    }

    /** What the source is, e.g. {@code DIGIT BusinessService PGR}. */
    public String kind() {
        return kind;
    }

    /** Elements of the source that were not converted, with their ids. */
    public List<Finding> unsupported() {
        return List.copyOf(unsupported);
    }

    /** Assumptions the conversion made that an admin should check (a time limit assumed, a condition made the otherwise). */
    public List<Finding> notes() {
        return List.copyOf(notes);
    }

    public int stepCount() {
        int count = 0;
        for (Node node : steps.values()) {
            count += node instanceof Parallel parallel ? 1 + parallel.branches().values().stream().mapToInt(List::size).sum() : 1;
        }
        return count;
    }

    /** Step ids of the main flow, in the order they were converted. */
    public List<String> stepIds() {
        return List.copyOf(steps.keySet());
    }

    // ---- ids ----

    /** A kebab-case id from a source name: {@code PENDINGATLME} → {@code pendingatlme}, {@code Gateway_0o79ay3} → {@code gateway-0o79ay3}. */
    static String kebab(String raw) {
        String text = raw == null ? "" : raw.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("[^A-Za-z0-9]+", "-")
                .toLowerCase(Locale.ROOT).replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (text.isEmpty() || OUTCOMES.contains(text)) {
            text = "step" + (text.isEmpty() ? "" : "-" + text);
        }
        return text;
    }

    /** A camelCase form field name, or null when the source's name cannot be one. */
    static boolean isFieldName(String name) {
        return name != null && name.matches("[a-z][a-zA-Z0-9]*");
    }

    // ---- writing ----

    /** The definition file: guidance placeholders, a minimal form, the converted steps. */
    public String toYaml(String department, String category, String sourceFile) {
        StringBuilder y = new StringBuilder();
        y.append("# yaml-language-server: $schema=../workflow-definition.schema.json\n");
        y.append("# Imported by import-workflow from ").append(oneLine(sourceFile)).append(" (").append(oneLine(kind)).append(").\n");
        y.append("# Names are copied from the source into both languages: translate them. Complete the guidance (description,\n");
        y.append("# legal basis, fee, materials), check every time limit and the form, then validate and publish.\n");
        y.append("formatVersion: 1\n");
        y.append("service:\n");
        y.append("  code: ").append(code).append('\n');
        y.append("  name: ").append(localized(name)).append('\n');
        y.append("  description:\n");
        y.append("    zh-CN: ").append(q("（导入自 " + kind + "，请写明本事项是什么、谁可以申请。）")).append('\n');
        y.append("    en-US: ").append(q("(Imported from " + kind + ". Say what the service is and who may apply.)")).append('\n');
        y.append("  category: ").append(category).append('\n');
        y.append("  department: ").append(department).append('\n');
        y.append("  audience: citizen\n");
        y.append("  promisedWorkingDays: ").append(Math.max(1, promisedWorkingDays)).append('\n');
        y.append("  legalBasis: { zh-CN: ").append(q("（请填写设定依据：法律法规名称及条款）"))
                .append(", en-US: ").append(q("(State the laws and regulations, with article numbers.)")).append(" }\n");
        y.append("  fee: { zh-CN: ").append(q("（请填写收费标准）")).append(", en-US: ").append(q("(State the fee.)")).append(" }\n");
        y.append("  materials: []\n");
        y.append("form:\n");
        y.append("  schema:\n");
        y.append("    type: object\n");
        y.append("    additionalProperties: false\n");
        y.append("    required: [summary]\n");
        y.append("    properties:\n");
        y.append("      summary: { type: string, title: ").append(q("申请事项摘要")).append(", x-title: { en-US: ")
                .append(q("Summary of the application")).append(" }, minLength: 1, maxLength: 2000 }\n");
        fields.forEach((field, type) -> y.append("      ").append(field).append(": { type: ").append(type)
                .append(", title: ").append(q(field)).append(", x-title: { en-US: ").append(q(field)).append(" } }")
                .append("  # read by a condition of the source; ask for it in words the applicant understands\n"));
        y.append("workflow:\n");
        y.append("  start: ").append(start).append('\n');
        y.append("  steps:\n");
        List<String> visible = new ArrayList<>();
        visible.add("summary");
        visible.addAll(fields.keySet());
        for (Node node : steps.values()) {
            y.append("    ").append(node.id()).append(":\n");
            if (node instanceof Task task) {
                task(y, "      ", task, department, visible, true);
            } else if (node instanceof Decision decision) {
                comments(y, "      ", decision.comments());
                y.append("      type: decision\n");
                y.append("      name: ").append(localized(decision.name())).append('\n');
                y.append("      when:\n");
                for (Rule rule : decision.when()) {
                    if (rule.comment() != null) {
                        y.append("        # ").append(oneLine(rule.comment())).append('\n');
                    }
                    y.append("        - condition: ").append(q(rule.condition())).append('\n');
                    y.append("          next: ").append(rule.next()).append('\n');
                }
                y.append("      otherwise: ").append(decision.otherwise()).append('\n');
            } else if (node instanceof Parallel parallel) {
                comments(y, "      ", parallel.comments());
                y.append("      type: parallel\n");
                y.append("      name: ").append(localized(parallel.name())).append('\n');
                y.append("      onRejection: reject-application\n");
                y.append("      branches:\n");
                parallel.branches().forEach((branch, tasks) -> {
                    y.append("        ").append(branch).append(":\n");
                    y.append("          steps:\n");
                    for (Task task : tasks) {
                        y.append("            ").append(task.id()).append(":\n");
                        task(y, "              ", task, department, visible, false);
                    }
                });
                y.append("      next: ").append(parallel.next()).append('\n');
            }
        }
        return y.toString();
    }

    private static void task(StringBuilder y, String indent, Task task, String department, List<String> visible, boolean next) {
        comments(y, indent, task.comments());
        y.append(indent).append("type: task\n");
        y.append(indent).append("name: ").append(localized(task.name())).append('\n');
        y.append(indent).append("department: ").append(department).append('\n');
        y.append(indent).append("timeLimitWorkingDays: ").append(task.days()).append('\n');
        y.append(indent).append("visibleFields: [").append(String.join(", ", visible)).append("]\n");
        if (!task.returnTo().isEmpty()) {
            y.append(indent).append("returnTo: [").append(String.join(", ", task.returnTo())).append("]\n");
        }
        if (next) {
            y.append(indent).append("next: ").append(task.next()).append('\n');
        }
    }

    private static void comments(StringBuilder y, String indent, List<String> comments) {
        comments.forEach(comment -> y.append(indent).append("# ").append(oneLine(comment)).append('\n'));
    }

    private static String localized(String text) {
        return "{ zh-CN: " + q(text) + ", en-US: " + q(text) + " }";
    }

    /** A double-quoted YAML scalar: JSON's string syntax is YAML's. */
    private static String q(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }
}
