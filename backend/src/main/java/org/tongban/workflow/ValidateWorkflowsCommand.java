package org.tongban.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.tongban.workflow.internal.DefinitionParser;
import org.tongban.workflow.internal.ValidationReport;
import org.tongban.workflow.internal.WorkflowDefinition;
import org.tongban.workflow.internal.MermaidDiagram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar tongban.jar validate-workflows <folder> [--lang=en] [--diagram] [--strict]}: validates
 * every definition file under a folder without starting the portal, so departments can check files
 * before publishing. Prints each problem as {@code file:line: path: message — hint}; exits 1 when any
 * file has errors, or with {@code --strict} warnings too (a form text without English, a promise
 * shorter than the longest path), so a CI job can keep definitions clean. A folder without any
 * definition file (or one that does not exist) is a usage mistake: it says so and exits 2, like a missing argument. Department codes come from the realm file the portal ships.
 */
public final class ValidateWorkflowsCommand {

    public static final String NAME = "validate-workflows";

    private ValidateWorkflowsCommand() {
    }

    public static int run(List<String> args, PrintStream out) throws IOException {
        Locale locale = args.contains("--lang=en") ? Locale.US : Locale.SIMPLIFIED_CHINESE;
        boolean diagram = args.contains("--diagram");
        boolean strict = args.contains("--strict");
        List<String> folders = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (folders.isEmpty()) {
            out.println("usage: java -jar tongban.jar validate-workflows <folder> [--lang=en] [--diagram] [--strict]");
            return 2;
        }
        ResourceBundleMessageSource messages = messages();
        DefinitionParser parser = parserOfRealm();
        int files = 0;
        int invalid = 0;
        int warned = 0;
        for (String folder : folders) {
            Path root = Path.of(folder);
            List<Path> paths = new ArrayList<>();
            if (!Files.exists(root)) {
                out.println(messages.getMessage("workflow.cli.folder-missing", new Object[] {folder}, locale));
                return 2;
            }
            if (Files.isRegularFile(root)) {
                paths.add(root);
                root = root.toAbsolutePath().getParent().getParent();
            } else {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .filter(p -> !p.toString().contains("calendar") && !p.toString().contains("catalogue"))
                            .sorted().forEach(paths::add);
                }
                if (paths.isEmpty()) {
                    // nothing to check is a mistake (a wrong folder), not a success a CI job should report
                    out.println(messages.getMessage("workflow.cli.no-definition-files",
                            new Object[] {root.toAbsolutePath().normalize()}, locale));
                    return 2;
                }
            }
            for (Path path : paths) {
                files++;
                String relative = root.toAbsolutePath().relativize(path.toAbsolutePath()).toString().replace('\\', '/');
                ValidationReport report = parser.parse(relative, Files.readString(path, StandardCharsets.UTF_8));
                if (!report.valid()) {
                    invalid++;
                } else if (!report.problems().isEmpty()) {
                    warned++;
                }
                report.problems().forEach(problem -> out.println(problem.describe(messages, locale)));
                if (report.valid()) {
                    WorkflowDefinition definition = report.definition().orElseThrow();
                    out.println("OK " + relative + " (" + definition.service().code() + ", "
                            + definition.allSteps().size() + " steps)");
                    if (diagram) {
                        out.println(MermaidDiagram.render(definition, locale));
                    }
                }
            }
        }
        out.println(files + " file(s), " + invalid + " with errors"
                + (warned > 0 ? ", " + warned + " with warnings only" : ""));
        return invalid == 0 && files > 0 && !(strict && warned > 0) ? 0 : 1;
    }

    /** The CLI's texts: the portal's message bundle, without falling back to the machine's language. */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /**
     * A validator that knows the shipped realm's departments and the roles its groups grant ({@code department_roles}
     * of a subgroup): without the portal's database, what the portal starts with.
     */
    static DefinitionParser parserOfRealm() throws IOException {
        Map<String, Set<String>> roles = new HashMap<>();
        try (InputStream in = ValidateWorkflowsCommand.class.getResourceAsStream("/keycloak/tongban-realm.json")) {
            rolesOf(JsonMapper.builder().build().readTree(in).path("groups"), roles);
        }
        Set<String> departments = departmentsOfRealm();
        return new DefinitionParser(() -> departments, () -> roles, DataCatalogue.fromClasspath());
    }

    private static void rolesOf(JsonNode groups, Map<String, Set<String>> roles) {
        groups.forEach(group -> {
            group.path("attributes").path("department_roles").forEach(held -> {
                String value = held.asString();
                int colon = value.indexOf(':');
                if (colon > 0) {
                    roles.computeIfAbsent(value.substring(0, colon), d -> new java.util.TreeSet<>())
                            .add(value.substring(colon + 1));
                }
            });
            rolesOf(group.path("subGroups"), roles);
        });
    }

    static Set<String> departmentsOfRealm() throws IOException {
        try (InputStream in = ValidateWorkflowsCommand.class.getResourceAsStream("/keycloak/tongban-realm.json")) {
            JsonNode realm = JsonMapper.builder().build().readTree(in);
            Set<String> codes = new HashSet<>();
            realm.path("groups").forEach(group -> group.path("attributes").path("department")
                    .forEach(code -> codes.add(code.asString())));
            return codes;
        }
    }
}
