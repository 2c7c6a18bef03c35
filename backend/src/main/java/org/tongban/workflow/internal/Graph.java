package org.tongban.workflow.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.workflow.Step;

/** The step graph of a definition, for the validation rules: reachability and the longest path. */
final class Graph {

    private Graph() {
    }

    /** Step id -> ids it can lead to (outcomes included); branch tasks chain in order. */
    static Map<String, Set<String>> edges(WorkflowDefinition definition) {
        return edges(definition, true);
    }

    /** @param returns whether returns to earlier steps count as edges */
    static Map<String, Set<String>> edges(WorkflowDefinition definition, boolean returns) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (Step step : definition.steps().values()) {
            Set<String> out = edges.computeIfAbsent(step.id(), id -> new LinkedHashSet<>());
            if (step instanceof Step.Task task) {
                out.add(task.next());
                out.add(task.onReject() == null ? "rejected" : task.onReject());
                if (returns) {
                    out.addAll(task.returnTo());
                }
                if (task.escalation() != null && task.escalation().step() != null) {
                    out.add(task.escalation().step());
                }
            } else if (step instanceof Step.Applicant applicant) {
                out.add(applicant.next());
                if (returns && applicant.reopenTo() != null) {
                    out.add(applicant.reopenTo());
                }
            } else if (step instanceof Step.Decision decision) {
                decision.when().forEach(rule -> out.add(rule.next()));
                out.add(decision.otherwise());
            } else if (step instanceof Step.Automatic automatic) {
                out.add(automatic.next());
            } else if (step instanceof Step.Parallel parallel) {
                out.add(parallel.next());
                if (!parallel.rejectionRequestsCorrection()) {
                    out.add("rejected");
                }
                for (List<Step.Task> tasks : parallel.branches().values()) {
                    for (int i = 0; i < tasks.size(); i++) {
                        Step.Task task = tasks.get(i);
                        if (i == 0) {
                            out.add(task.id());
                        }
                        Set<String> taskOut = edges.computeIfAbsent(task.id(), id -> new LinkedHashSet<>());
                        taskOut.add(i + 1 < tasks.size() ? tasks.get(i + 1).id() : parallel.next());
                        if (returns) {
                            taskOut.addAll(task.returnTo());
                        }
                    }
                }
            }
        }
        return edges;
    }

    static Set<String> reachableFrom(String start, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id != null && seen.add(id)) {
                edges.getOrDefault(id, Set.of()).forEach(todo::push);
            }
        }
        return seen;
    }

    /** Working days along the longest path from the start, returns to earlier steps not repeated. */
    static int longestWorkingDays(WorkflowDefinition definition) {
        return longest(definition.start(), definition, new HashSet<>(), new HashMap<>());
    }

    private static int longest(String id, WorkflowDefinition definition, Set<String> onPath, Map<String, Integer> memo) {
        Step step = definition.steps().get(id);
        if (step == null || onPath.contains(id)) {
            return 0;
        }
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        onPath.add(id);
        int result;
        if (step instanceof Step.Task task) {
            result = days(task) + longest(task.next(), definition, onPath, memo);
        } else if (step instanceof Step.Applicant applicant) {
            // the applicant's own time does not count against the department's promise
            result = longest(applicant.next(), definition, onPath, memo);
        } else if (step instanceof Step.Decision decision) {
            int best = longest(decision.otherwise(), definition, onPath, memo);
            for (Step.Rule rule : decision.when()) {
                best = Math.max(best, longest(rule.next(), definition, onPath, memo));
            }
            result = best;
        } else if (step instanceof Step.Automatic automatic) {
            result = longest(automatic.next(), definition, onPath, memo);
        } else {
            Step.Parallel parallel = (Step.Parallel) step;
            result = parallel.branches().values().stream()
                    .mapToInt(tasks -> tasks.stream().mapToInt(Graph::days).sum()).max().orElse(0)
                    + longest(parallel.next(), definition, onPath, memo);
        }
        onPath.remove(id);
        memo.put(id, result);
        return result;
    }

    private static int days(Step.Task task) {
        if (task.timeLimitHours() != null) {
            return (task.timeLimitHours() + 23) / 24;
        }
        return task.timeLimitWorkingDays() == null ? 0 : task.timeLimitWorkingDays();
    }
}
