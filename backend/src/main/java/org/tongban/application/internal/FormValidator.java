package org.tongban.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;

import org.tongban.workflow.FormTexts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks form data against the service's JSON Schema — the same schema the browser renders the form
 * from; the server is the authority. Drafts may be incomplete (missing required answers are fine);
 * submissions must be complete. Messages come in the request's language and name the field by its
 * title in that language.
 */
final class FormValidator {

    private final JsonMapper json;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final org.springframework.context.MessageSource messages;

    FormValidator(JsonMapper json, org.springframework.context.MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    record FieldProblem(String field, String message) {
    }

    List<FieldProblem> validate(String schemaKey, Map<String, Object> formSchema, Map<String, Object> data,
            boolean complete, Locale locale) {
        Schema schema = schemas.computeIfAbsent(schemaKey, key -> SchemaRegistry
                .withDefaultDialect(IdentityFormats.DIALECT).getSchema(json.valueToTree(formSchema)));
        JsonNode node = json.valueToTree(data);
        // one plain-language problem per field, the first one found
        Map<String, FieldProblem> problems = new java.util.LinkedHashMap<>();
        for (Error error : schema.validate(node, context -> context.executionConfig(config -> config.locale(locale)
                .formatAssertionsEnabled(true)))) {
            if (!complete && "required".equals(error.getKeyword())) {
                continue;
            }
            String field = field(error);
            problems.putIfAbsent(field, new FieldProblem(field, plain(error, label(formSchema, field, locale), locale)));
        }
        return new ArrayList<>(problems.values());
    }

    /**
     * The field as the form names it in the language: its title (the English of {@code x-title} on
     * English pages), with the titles of the groups it is in.
     */
    private String label(Map<String, Object> formSchema, String field, Locale locale) {
        if (field.isEmpty()) {
            return "";
        }
        return FormTexts.fieldLabel(formSchema, field, locale,
                position -> messages.getMessage("form.item", new Object[] {position}, "#" + position, locale));
    }

    /** Our own wording for the usual mistakes, naming the field; the validator's text only for the rare rest. */
    private String plain(Error error, String label, Locale locale) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String key = switch (keyword) {
            case "required" -> "form.required";
            case "type" -> "form.type";
            case "pattern" -> "form.pattern";
            case "format" -> switch (error.getSchemaNode() == null ? "" : error.getSchemaNode().asString("")) {
                case IdentityFormats.RESIDENT_ID -> "form.format.residentId";
                case IdentityFormats.USCC -> "form.format.uscc";
                default -> "form.format";
            };
            case "minLength", "maxLength" -> "form.length";
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> "form.range";
            case "enum", "const", "oneOf", "anyOf" -> "form.choice";
            case "additionalProperties", "unevaluatedProperties" -> "form.unknown";
            case "minItems", "maxItems" -> "form.items";
            default -> null;
        };
        return key == null ? error.getMessage()
                : messages.getMessage(key, new Object[] {label}, error.getMessage(), locale);
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
