package org.tongban.workflow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.tongban.workflow.internal.BpmnImport;
import org.tongban.workflow.internal.DefinitionParser;
import org.tongban.workflow.internal.DigitBusinessServiceImport;
import org.tongban.workflow.internal.ImportedWorkflow;
import org.tongban.workflow.internal.ValidationReport;

/**
 * {@code java -jar tongban.jar import-workflow FILE --department=CODE --category=CAT [--out=PATH] [--lang=en]}:
 * converts what a department already has — an eGov DIGIT BusinessService configuration (JSON) or a BPMN 2.0
 * process (XML) — into a definition file, so it does not start from an empty page. Every element of the
 * source that could not be converted is listed with its id (and line), never dropped in silence. The file is
 * written, then validated as {@code validate-workflows} would; the command exits 0 only when it is valid, 1
 * when it is not or the source cannot be converted, 2 on a usage mistake (as {@code validate-workflows}).
 */
public final class ImportWorkflowCommand {

    public static final String NAME = "import-workflow";
    static final Set<String> CATEGORIES = Set.of("education", "health", "enterprise", "life-event", "social-security",
            "complaints");
    private static final String USAGE = "usage: java -jar tongban.jar import-workflow <file.json|file.bpmn> --department=<code>"
            + " --category=<category> [--out=<folder or file.yaml>] [--lang=en]";

    private ImportWorkflowCommand() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException {
        Locale locale = args.contains("--lang=en") ? Locale.US : Locale.SIMPLIFIED_CHINESE;
        ResourceBundleMessageSource messages = ValidateWorkflowsCommand.messages();
        List<String> files = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (files.size() != 1) {
            out.println(USAGE);
            return 2;
        }
        Path source = Path.of(files.get(0));
        if (!Files.isRegularFile(source)) {
            out.println(text(messages, locale, "workflow.import.file-missing", source));
            return 2;
        }
        String department = option(args, "department").orElse(null);
        String category = option(args, "category").orElse(null);
        Set<String> departments = ValidateWorkflowsCommand.departmentsOfRealm();

        String text = Files.readString(source, StandardCharsets.UTF_8);
        ImportedWorkflow imported;
        try {
            if (BpmnImport.accepts(text)) {
                imported = BpmnImport.convert(text, source.getFileName().toString());
            } else if (DigitBusinessServiceImport.accepts(text)) {
                imported = DigitBusinessServiceImport.convert(text, source.getFileName().toString());
            } else {
                out.println(text(messages, locale, "workflow.import.unknown-format", source));
                return 1;
            }
        } catch (ImportedWorkflow.NotConvertible e) {
            out.println(text(messages, locale, "workflow.import.not-convertible", source,
                    messages.getMessage("workflow.import." + e.code(), e.args().toArray(), locale)));
            return 1;
        }
        out.println(text(messages, locale, "workflow.import.converted", source, imported.kind(), imported.stepCount()));
        for (ImportedWorkflow.Finding finding : inFileOrder(imported.unsupported())) {
            out.println(text(messages, locale, "workflow.import.unsupported", where(source, finding), finding.element(),
                    messages.getMessage("workflow.import.finding." + finding.code(), finding.args().toArray(), locale)));
        }
        for (ImportedWorkflow.Finding finding : inFileOrder(imported.notes())) {
            out.println(text(messages, locale, "workflow.import.note", where(source, finding), finding.element(),
                    messages.getMessage("workflow.import.finding." + finding.code(), finding.args().toArray(), locale)));
        }

        boolean usable = true;
        if (department == null || !departments.contains(department)) {
            out.println(text(messages, locale, department == null ? "workflow.import.department-missing"
                    : "workflow.import.department-unknown", department, String.join(", ", new TreeSet<>(departments))));
            usable = false;
        }
        if (category == null || !CATEGORIES.contains(category)) {
            out.println(text(messages, locale, category == null ? "workflow.import.category-missing"
                    : "workflow.import.category-unknown", category, String.join(", ", new TreeSet<>(CATEGORIES))));
            usable = false;
        }
        if (!usable) {
            return 2;
        }

        Path target = Path.of(option(args, "out").orElse("."));
        String relative;
        if (target.getFileName() != null && target.getFileName().toString().matches(".*\\.ya?ml")) {
            String file = target.getFileName().toString();
            imported.code(file.substring(0, file.lastIndexOf('.')));
            Path parent = target.toAbsolutePath().getParent();
            relative = (parent.getFileName() == null ? "" : parent.getFileName() + "/") + file;
        } else {
            relative = category + "/" + imported.code() + ".yaml";
            target = target.resolve(relative);
        }
        String yaml = imported.toYaml(department, category, source.getFileName().toString());
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.writeString(target, yaml, StandardCharsets.UTF_8);
        out.println(text(messages, locale, "workflow.import.written", target));
        out.println(text(messages, locale, "workflow.import.translate", target));

        ValidationReport report = ValidateWorkflowsCommand.parserOfRealm().parse(relative, yaml);
        report.problems().forEach(problem -> out.println(problem.describe(messages, locale)));
        if (!report.valid()) {
            out.println(text(messages, locale, "workflow.import.invalid", target, report.errors().size()));
            return 1;
        }
        out.println(text(messages, locale, "workflow.import.valid", target, imported.unsupported().size()));
        return 0;
    }

    private static List<ImportedWorkflow.Finding> inFileOrder(List<ImportedWorkflow.Finding> findings) {
        return findings.stream().sorted(java.util.Comparator.comparing(ImportedWorkflow.Finding::line,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
    }

    private static Optional<String> option(List<String> args, String name) {
        return args.stream().filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3))
                .filter(value -> !value.isBlank()).findFirst();
    }

    private static String where(Path source, ImportedWorkflow.Finding finding) {
        return source.getFileName() + (finding.line() == null ? "" : ":" + finding.line());
    }

    private static String text(ResourceBundleMessageSource messages, Locale locale, String key, Object... args) {
        List<Object> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(arg == null ? "" : arg.toString());
        }
        return messages.getMessage(key, values.toArray(), locale);
    }
}
