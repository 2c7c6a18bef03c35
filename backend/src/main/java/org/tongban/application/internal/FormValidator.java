package org.tongban.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks form data against the service's JSON Schema — the same schema the browser renders the form
 * from; the server is the authority. Drafts may be incomplete (missing required answers are fine);
 * submissions must be complete. Messages come in the request's language.
 */
final class FormValidator {

    private final JsonMapper json;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    FormValidator(JsonMapper json) {
        this.json = json;
    }

    record FieldProblem(String field, String message) {
    }

    List<FieldProblem> validate(String schemaKey, Map<String, Object> formSchema, Map<String, Object> data,
            boolean complete, Locale locale) {
        Schema schema = schemas.computeIfAbsent(schemaKey, key -> SchemaRegistry
                .withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json.valueToTree(formSchema)));
        JsonNode node = json.valueToTree(data);
        List<FieldProblem> problems = new ArrayList<>();
        for (Error error : schema.validate(node, context -> context.executionConfig(config -> config.locale(locale)
                .formatAssertionsEnabled(true)))) {
            if (!complete && "required".equals(error.getKeyword())) {
                continue;
            }
            String field = field(error);
            problems.add(new FieldProblem(field, error.getMessage()));
        }
        return problems;
    }

    private static String field(Error error) {
        NodePath path = error.getInstanceLocation();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            field.append(field.length() == 0 ? "" : ".").append(path.getElement(i));
        }
        if (("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))
                && error.getProperty() != null) {
            field.append(field.length() == 0 ? "" : ".").append(error.getProperty());
        }
        return field.toString();
    }
}
