package org.tongban.workflow.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.ServiceInfo;
import org.tongban.workflow.Step;

/** A published version with its parsed definition; other modules see it as a {@link PublishedDefinition}. */
record Published(long id, String serviceCode, int version, WorkflowDefinition definition, String sourceFile,
        Instant publishedAt, String publishedBy, Map<String, FieldSource> fieldSources) implements PublishedDefinition {

    Published(long id, String serviceCode, int version, WorkflowDefinition definition, String sourceFile,
            Instant publishedAt, String publishedBy) {
        this(id, serviceCode, version, definition, sourceFile, publishedAt, publishedBy,
                sources(definition.formSchema()));
    }

    @Override
    public ServiceInfo service() {
        return definition.service();
    }

    @Override
    public Map<String, Object> formSchema() {
        return definition.formSchema();
    }

    @Override
    public Map<String, Step.End> ends() {
        return definition.ends();
    }

    @Override
    public List<Step> steps() {
        return List.copyOf(definition.steps().values());
    }

    @Override
    public Optional<Step> step(String id) {
        return definition.step(id);
    }

    @Override
    public List<Step.Task> tasks() {
        return definition.tasks();
    }

    /** The form's {@code x-source} fields: dotted path → dataset and field. */
    static Map<String, FieldSource> sources(Map<String, Object> formSchema) {
        Map<String, FieldSource> sources = new LinkedHashMap<>();
        collect(formSchema, "", sources);
        return java.util.Collections.unmodifiableMap(sources);
    }

    private static void collect(Map<?, ?> schema, String prefix, Map<String, FieldSource> sources) {
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        for (Map.Entry<?, ?> entry : properties.entrySet()) {
            String path = prefix + entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> child)) {
                continue;
            }
            if (child.get(SOURCE_KEYWORD) instanceof String source && source.contains(".")) {
                int dot = source.indexOf('.');
                sources.put(path, new FieldSource(path, source.substring(0, dot), source.substring(dot + 1)));
            }
            collect(child, path + ".", sources);
        }
    }
}
