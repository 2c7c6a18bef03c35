package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.workflow.FormTexts;

/**
 * Finds the form texts people would see in Chinese on an English page: a field, group or choice
 * option whose {@code title} has no English in {@code x-title}, a {@code description} without
 * English in {@code x-description}, and fields or options that have no title at all (the portal
 * would show their code). Every (sub)schema is looked at, conditional ones ({@code if} / {@code then},
 * {@code allOf}, ...) included; a missing title is reported only for what the form shows as a
 * question or an option.
 */
final class FormTextCheck {

    /** One finding: where in the file, the message code, its arguments. */
    record Finding(String pointer, String code, List<String> args) {
    }

    private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "additionalProperties", "contains", "not",
            "if", "then", "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties");
    private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties",
            "dependentSchemas", "$defs");
    private static final Set<String> SCHEMA_LIST_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    private final List<Finding> findings = new ArrayList<>();

    private FormTextCheck() {
    }

    static List<Finding> check(Map<String, Object> formSchema, String pointer) {
        FormTextCheck check = new FormTextCheck();
        check.node(formSchema, pointer, "", Role.FORM);
        return List.copyOf(check.findings);
    }

    /** What a (sub)schema is to the person filling in the form. */
    private enum Role {
        /** the form itself */
        FORM,
        /** a question, or a group of questions: a property of something the form shows */
        FIELD,
        /** the schema of a list's entries: shown, as part of the list's question */
        ITEM,
        /** one choice of a question, {@code { const: code, title: label }} */
        OPTION,
        /** a schema only consulted by validation or conditions ({@code if}, {@code allOf}, ...) */
        OTHER
    }

    private void node(Object value, String pointer, String field, Role role) {
        if (!(value instanceof Map<?, ?> schema)) {
            return;
        }
        if (schema.get("title") instanceof String chinese) {
            if (!translated(schema, FormTexts.TITLE_TRANSLATIONS)) {
                switch (role) {
                    case OPTION -> add(pointer + "/title", "form-option-title-untranslated", display(field),
                            String.valueOf(schema.get("const")), chinese);
                    case FORM -> add(pointer + "/title", "form-title-untranslated", chinese);
                    default -> add(pointer + "/title", "form-field-title-untranslated", display(field), chinese);
                }
            }
        } else if (role == Role.FIELD) {
            add(pointer, "form-field-title-missing", display(field));
        } else if (role == Role.OPTION) {
            add(pointer, "form-option-title-missing", display(field), String.valueOf(schema.get("const")));
        }
        if (schema.get("description") instanceof String description
                && !translated(schema, FormTexts.DESCRIPTION_TRANSLATIONS)) {
            add(pointer + "/description", "form-description-untranslated", display(field), description);
        }
        boolean shown = role == Role.FORM || role == Role.FIELD || role == Role.ITEM;
        for (Map.Entry<?, ?> entry : schema.entrySet()) {
            String keyword = String.valueOf(entry.getKey());
            String child = pointer + "/" + escape(keyword);
            if (SCHEMA_MAP_KEYWORDS.contains(keyword) && entry.getValue() instanceof Map<?, ?> map) {
                boolean fields = shown && "properties".equals(keyword);
                for (Map.Entry<?, ?> property : map.entrySet()) {
                    String name = String.valueOf(property.getKey());
                    node(property.getValue(), child + "/" + escape(name), fields ? join(field, name) : field,
                            fields ? Role.FIELD : Role.OTHER);
                }
            } else if (SCHEMA_LIST_KEYWORDS.contains(keyword) && entry.getValue() instanceof List<?> list) {
                boolean choices = shown && ("oneOf".equals(keyword) || "anyOf".equals(keyword));
                for (int i = 0; i < list.size(); i++) {
                    Object option = list.get(i);
                    boolean isOption = choices && option instanceof Map<?, ?> map && map.containsKey("const");
                    node(option, child + "/" + i, field, isOption ? Role.OPTION : Role.OTHER);
                }
            } else if (SCHEMA_KEYWORDS.contains(keyword)) {
                node(entry.getValue(), child, field, shown && "items".equals(keyword) ? Role.ITEM : Role.OTHER);
            }
        }
    }

    private static boolean translated(Map<?, ?> schema, String keyword) {
        return schema.get(keyword) instanceof Map<?, ?> translations
                && translations.get(FormTexts.ENGLISH) instanceof String english && !english.isBlank();
    }

    private void add(String pointer, String code, String... args) {
        findings.add(new Finding(pointer, code, List.of(args)));
    }

    private static String display(String field) {
        return field.isEmpty() ? "/" : field;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
