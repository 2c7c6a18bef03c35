package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tongban.workflow.internal.ImportedWorkflow.Finding;
import org.tongban.workflow.internal.ImportedWorkflow.NotConvertible;
import org.tongban.workflow.internal.ImportedWorkflow.Task;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts an eGov DIGIT workflow configuration (egov-workflow-v2 {@code BusinessServices}: states with
 * their SLA and the actions roles may take) into Tongban steps. The rules, documented for admins in
 * docs/workflows.md "Importing from other systems":
 * <ul>
 * <li>the start state's action (APPLY) is the submission; where it leads is {@code workflow.start};</li>
 * <li>every other state that is not terminal becomes a task of the given department; its roles go into a comment;</li>
 * <li>of its actions, one that rejects (REJECT, CANCEL, …, or one leading to a terminal state so named) is the
 * clerk's reject, which every task has; one that sends back (SENDBACK, RETURN, REASSIGN, …) to an earlier
 * state is a {@code returnTo}; the first other action is {@code next} (a terminal state: {@code approved});</li>
 * <li>not converted, and reported with their ids: further ways forward (a task has one {@code next}), actions
 * by the system (auto-escalation), by the applicant (applicant steps do not exist yet), actions that stay in
 * the state (COMMENT), actions after the end (REOPEN, RATE), returns to states that are not earlier, and the
 * states only they reach;</li>
 * <li>{@code sla} in milliseconds becomes working days, rounded up, at least 1.</li>
 * </ul>
 */
public final class DigitBusinessServiceImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long DAY_MS = 24L * 60 * 60 * 1000;
    private static final Pattern REJECTS = Pattern.compile("(?i).*(REJECT|CANCEL|DECLINE|DENY|DENIED|DISAPPROVE|TERMINATE).*");
    private static final Pattern RETURNS = Pattern.compile("(?i).*(SENDBACK|SEND_BACK|RETURN|REASSIGN|REVERT|BACKTO|BACK_TO).*");
    private static final Set<String> SYSTEM_ROLES = Set.of("AUTO_ESCALATE", "SYSTEM", "AUTO");
    private static final Set<String> APPLICANT_ROLES = Set.of("CITIZEN");

    private DigitBusinessServiceImport() {
    }

    /** Whether the text looks like a DIGIT BusinessService configuration. */
    public static boolean accepts(String text) {
        String start = text.stripLeading();
        return (start.startsWith("{") || start.startsWith("[")) && text.contains("\"states\"");
    }

    public static ImportedWorkflow convert(String text, String sourceFile) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new NotConvertible("not-json", e.getOriginalMessage());
        }
        List<JsonNode> services = new ArrayList<>();
        JsonNode list = root.isArray() ? root : root.has("BusinessServices") ? root.get("BusinessServices") : null;
        if (list != null) {
            list.forEach(services::add);
        } else if (root.has("states")) {
            services.add(root);
        }
        services.removeIf(service -> !service.path("states").isArray());
        if (services.isEmpty()) {
            throw new NotConvertible("digit-no-business-service");
        }
        return new DigitBusinessServiceImport.Conversion(text, sourceFile, services).run();
    }

    private record Action(String id, Integer line, String name, String from, String to, List<String> roles) {
        String describe() {
            return name + " (" + String.join(", ", roles) + ")";
        }
    }

    private static final class Conversion {
        private final String[] lines;
        private final List<JsonNode> services;
        private final ImportedWorkflow result;

        Conversion(String text, String sourceFile, List<JsonNode> services) {
            this.lines = text.split("\n", -1);
            this.services = services;
            JsonNode service = services.get(0);
            String key = text(service.path("businessService"));
            String business = text(service.path("business"));
            String name = key == null ? "DIGIT" : key + (business == null ? "" : " (" + business + ")");
            this.result = new ImportedWorkflow("DIGIT BusinessService " + (key == null ? "?" : key), sourceFile,
                    ImportedWorkflow.kebab(key == null ? "imported-service" : key), name);
        }

        ImportedWorkflow run() {
            JsonNode service = services.get(0);
            for (int i = 1; i < services.size(); i++) {
                String other = text(services.get(i).path("businessService"));
                result.unsupported.add(new Finding(other, orNull(lineOf("\"businessService\"\\s*:\\s*\"" + Pattern.quote(String.valueOf(other)) + "\"", 0)),
                        "digit-other-business-service", List.of(String.valueOf(other))));
            }
            // DIGIT's API answers with uuids in nextState; configurations use the state names
            Map<String, String> nameOfUuid = new HashMap<>();
            List<JsonNode> states = new ArrayList<>();
            service.path("states").forEach(states::add);
            for (JsonNode state : states) {
                if (text(state.path("uuid")) != null) {
                    nameOfUuid.put(text(state.path("uuid")), text(state.path("state")));
                }
            }
            JsonNode startState = states.stream().filter(s -> s.path("isStartState").asBoolean(false)).findFirst()
                    .orElseGet(() -> states.stream().filter(s -> text(s.path("state")) == null).findFirst().orElse(null));
            if (startState == null) {
                throw new NotConvertible("digit-no-start-state");
            }
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            Set<String> terminal = new LinkedHashSet<>();
            for (JsonNode state : states) {
                String name = text(state.path("state"));
                if (state == startState || name == null) {
                    continue;
                }
                byName.put(name, state);
                if (state.path("isTerminateState").asBoolean(false)) {
                    terminal.add(name);
                }
            }
            Map<String, List<Action>> actions = new LinkedHashMap<>();
            for (JsonNode state : states) {
                String from = state == startState ? null : text(state.path("state"));
                int stateLine = from == null ? lineOf("\"isStartState\"\\s*:\\s*true", 0) : lineOf("\"state\"\\s*:\\s*\"" + Pattern.quote(from) + "\"", 0);
                List<Action> list = new ArrayList<>();
                for (JsonNode action : state.path("actions")) {
                    if (action.has("active") && !action.path("active").asBoolean(true)) {
                        continue;
                    }
                    String name = text(action.path("action"));
                    String to = text(action.path("nextState"));
                    to = nameOfUuid.getOrDefault(to, to);
                    List<String> roles = new ArrayList<>();
                    action.path("roles").forEach(role -> roles.add(role.asString()));
                    list.add(new Action((from == null ? "(start)" : from) + "/" + name,
                            orNull(lineOf("\"action\"\\s*:\\s*\"" + Pattern.quote(String.valueOf(name)) + "\"", Math.max(stateLine, 0))),
                            name, from, to, roles));
                }
                actions.put(from, list);
            }

            // the submission
            String startTarget = null;
            for (Action action : actions.getOrDefault(null, List.of())) {
                if (startTarget == null && !systemOnly(action) && byName.containsKey(action.to()) && !terminal.contains(action.to())) {
                    startTarget = action.to();
                } else {
                    result.unsupported.add(new Finding(action.id(), action.line(), "digit-second-start",
                            List.of(action.describe(), String.valueOf(action.to()))));
                }
            }
            if (startTarget == null) {
                throw new NotConvertible("digit-no-start-action");
            }

            // each working state: its way forward, rejection and returns
            Map<String, String> forward = new LinkedHashMap<>();
            Map<String, List<String>> comments = new LinkedHashMap<>();
            Map<String, List<Action>> returns = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : byName.entrySet()) {
                String state = entry.getKey();
                List<Action> stateActions = actions.getOrDefault(state, List.of());
                if (terminal.contains(state)) {
                    for (Action action : stateActions) {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-after-end",
                                List.of(action.describe(), state)));
                    }
                    continue;
                }
                List<String> notes = new ArrayList<>();
                JsonNode sla = entry.getValue().path("sla");
                notes.add("DIGIT state " + state + (text(entry.getValue().path("applicationStatus")) == null ? ""
                        : ", applicationStatus " + text(entry.getValue().path("applicationStatus")))
                        + (sla.isNumber() ? ", SLA " + sla.asLong() + " ms" : ", no SLA"));
                for (Action action : stateActions) {
                    String roles = String.join(", ", action.roles());
                    if (state.equals(action.to())) {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-stays", List.of(action.describe())));
                    } else if (systemOnly(action)) {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-system-action",
                                List.of(action.describe(), String.valueOf(action.to()))));
                    } else if (applicantOnly(action)) {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-applicant-action",
                                List.of(action.describe(), String.valueOf(action.to()))));
                    } else if (REJECTS.matcher(action.name()).matches()
                            || terminal.contains(action.to()) && REJECTS.matcher(action.to()).matches()) {
                        notes.add(action.name() + " by " + roles + " -> rejected (every task may reject)");
                    } else if (RETURNS.matcher(action.name()).matches() && !terminal.contains(action.to())) {
                        returns.computeIfAbsent(state, key -> new ArrayList<>()).add(action);
                    } else if (!byName.containsKey(action.to())) {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-unknown-state",
                                List.of(action.describe(), String.valueOf(action.to()))));
                    } else if (!forward.containsKey(state)) {
                        forward.put(state, action.to());
                        notes.add(action.name() + " by " + roles + " -> "
                                + (terminal.contains(action.to()) ? "approved (DIGIT state " + action.to() + ")" : action.to()));
                    } else {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-second-forward",
                                List.of(action.describe(), String.valueOf(action.to()), forward.get(state))));
                    }
                }
                comments.put(state, notes);
            }

            // states without a way forward cannot be tasks, nor can states whose way forward leads only to them
            Set<String> tasks = new LinkedHashSet<>();
            for (String state : byName.keySet()) {
                if (!terminal.contains(state)) {
                    tasks.add(state);
                }
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (String state : List.copyOf(tasks)) {
                    String next = forward.get(state);
                    if (next == null || !terminal.contains(next) && !tasks.contains(next)) {
                        tasks.remove(state);
                        result.unsupported.add(new Finding(state, lineOfState(state), next == null ? "digit-no-way-forward"
                                : "digit-forward-not-converted", next == null ? List.of(state) : List.of(state, next)));
                        changed = true;
                    }
                }
            }
            if (!tasks.contains(startTarget)) {
                throw new NotConvertible("digit-start-not-converted", startTarget);
            }
            // only what the submission reaches going forward
            Set<String> reachable = new LinkedHashSet<>();
            for (String state = startTarget; state != null && tasks.contains(state) && reachable.add(state); ) {
                state = forward.get(state);
            }
            for (String state : tasks) {
                if (!reachable.contains(state)) {
                    result.unsupported.add(new Finding(state, lineOfState(state), "digit-unreachable", List.of(state)));
                }
            }
            Map<String, String> ids = new LinkedHashMap<>();
            for (String state : reachable) {
                String id = ImportedWorkflow.kebab(state);
                while (ids.containsValue(id)) {
                    id = id + "-2";
                }
                ids.put(state, id);
            }
            int total = 0;
            List<String> order = List.copyOf(reachable);
            for (String state : order) {
                List<String> returnTo = new ArrayList<>();
                for (Action action : returns.getOrDefault(state, List.of())) {
                    int here = order.indexOf(state);
                    int there = order.indexOf(action.to());
                    if (there >= 0 && there < here) {
                        returnTo.add(ids.get(action.to()));
                        comments.get(state).add(action.name() + " by " + String.join(", ", action.roles()) + " -> return to " + action.to());
                    } else {
                        result.unsupported.add(new Finding(action.id(), action.line(), "digit-return-not-earlier",
                                List.of(action.describe(), String.valueOf(action.to()))));
                    }
                }
                JsonNode sla = byName.get(state).path("sla");
                int days;
                if (sla.isNumber() && sla.asLong() > 0) {
                    days = (int) Math.max(1, (sla.asLong() + DAY_MS - 1) / DAY_MS);
                } else {
                    days = 1;
                    result.notes.add(new Finding(state, lineOfState(state), "no-time-limit", List.of(state)));
                }
                total += days;
                String next = forward.get(state);
                result.steps.put(ids.get(state), new Task(ids.get(state),
                        text(byName.get(state).path("applicationStatus")) != null ? text(byName.get(state).path("applicationStatus")) : state,
                        comments.get(state), days, terminal.contains(next) ? "approved" : ids.get(next), returnTo));
            }
            for (String end : terminal) {
                boolean reached = order.stream().anyMatch(state -> end.equals(forward.get(state)));
                boolean rejects = REJECTS.matcher(end).matches() && order.stream()
                        .anyMatch(state -> actions.getOrDefault(state, List.of()).stream().anyMatch(a -> end.equals(a.to())));
                if (!reached && !rejects) {
                    result.unsupported.add(new Finding(end, lineOfState(end), "digit-end-not-reached", List.of(end)));
                }
            }
            result.start = ids.get(startTarget);
            JsonNode promised = service.path("businessServiceSla");
            long promisedDays = promised.isNumber() ? (promised.asLong() + DAY_MS - 1) / DAY_MS : 0;
            result.promisedWorkingDays = (int) Math.max(promisedDays, total);
            return result;
        }

        private static boolean systemOnly(Action action) {
            return !action.roles().isEmpty() && action.roles().stream().allMatch(role -> SYSTEM_ROLES.contains(role) || role.startsWith("AUTO_"));
        }

        private static boolean applicantOnly(Action action) {
            return !action.roles().isEmpty() && action.roles().stream().allMatch(APPLICANT_ROLES::contains);
        }

        private static Integer orNull(int line) {
            return line > 0 ? line : null;
        }

        private Integer lineOfState(String state) {
            int line = lineOf("\"state\"\\s*:\\s*\"" + Pattern.quote(state) + "\"", 0);
            return line > 0 ? line : null;
        }

        /** The 1-based line of the first match at or after a line, or -1 (JSON trees do not keep lines). */
        private int lineOf(String regex, int fromLine) {
            Pattern pattern = Pattern.compile(regex);
            for (int i = Math.max(fromLine - 1, 0); i < lines.length; i++) {
                Matcher matcher = pattern.matcher(lines[i]);
                if (matcher.find()) {
                    return i + 1;
                }
            }
            return -1;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
