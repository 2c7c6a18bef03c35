package org.tongban.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version of a service's definition as published, read-only: the version applications stay on. What other
 * modules need of a definition — the guidance, the form, the steps, where answers may come from — is here;
 * parsing, validation and the machines are the workflow module's own.
 */
public interface PublishedDefinition {

    /** The extension keyword of a form field whose answer a dataset can give: {@code x-source: dataset.field}. */
    String SOURCE_KEYWORD = "x-source";

    long id();

    String serviceCode();

    int version();

    String sourceFile();

    Instant publishedAt();

    /** A subject, or "system" for a file shipped in the jar. */
    String publishedBy();

    ServiceInfo service();

    /** The department that owns the service (its admins publish it). */
    default String department() {
        return service().department();
    }

    /** The applicant's form: a JSON Schema. */
    Map<String, Object> formSchema();

    /** The top-level steps in file order; a parallel step holds its branches' tasks. */
    List<Step> steps();

    /** The named end states (办结状态), by id; empty when the definition names none. */
    Map<String, Step.End> ends();

    /** Any step by id, branch tasks included. */
    Optional<Step> step(String id);

    /** Every clerk's task, branch tasks included, in file order. */
    List<Step.Task> tasks();

    default Optional<Step.Task> task(String id) {
        return step(id).filter(Step.Task.class::isInstance).map(Step.Task.class::cast);
    }

    /** The departments whose clerks handle a task of it. */
    default List<String> departments() {
        return tasks().stream().map(Step.Task::department).distinct().toList();
    }

    /** Form fields whose answer a dataset can give ({@code x-source}), by field path, in form order. */
    Map<String, FieldSource> fieldSources();

    /** A form field that a dataset's field can answer. */
    record FieldSource(String path, String dataset, String field) {
    }
}
