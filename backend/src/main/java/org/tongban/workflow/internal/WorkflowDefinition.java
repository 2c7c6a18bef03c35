package org.tongban.workflow.internal;

import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;

import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed, valid workflow definition: the service, the applicant's form (a JSON Schema) and the
 * steps. {@code steps} holds the top-level steps in file order; tasks of parallel branches are
 * reachable through their parallel step and through {@link #step(String)}.
 */
public record WorkflowDefinition(int formatVersion, ServiceInfo service, Map<String, Object> formSchema,
        String start, Map<String, Step> steps, Map<String, Step.End> ends) {

    public WorkflowDefinition(int formatVersion, ServiceInfo service, Map<String, Object> formSchema, String start,
            Map<String, Step> steps) {
        this(formatVersion, service, formSchema, start, steps, Map.of());
    }

    /**
     * The outcome a machine state counts as: approved, rejected or withdrawn, for those states and for the named end
     * states; null while the application runs.
     */
    public String outcomeOf(String state) {
        if (Step.OUTCOMES.contains(state)) {
            return state;
        }
        Step.End end = ends.get(state);
        return end == null ? null : end.outcome();
    }

    public Optional<Step> step(String id) {
        return Optional.ofNullable(allSteps().get(id));
    }

    /** Every step, branch tasks included, in file order. */
    public Map<String, Step> allSteps() {
        Map<String, Step> all = new LinkedHashMap<>();
        for (Step step : steps.values()) {
            all.put(step.id(), step);
            if (step instanceof Step.Parallel parallel) {
                parallel.branches().values().forEach(tasks -> tasks.forEach(task -> all.put(task.id(), task)));
            }
        }
        return all;
    }

    public List<Step.Task> tasks() {
        List<Step.Task> tasks = new ArrayList<>();
        allSteps().values().forEach(step -> {
            if (step instanceof Step.Task task) {
                tasks.add(task);
            }
        });
        return tasks;
    }
}
