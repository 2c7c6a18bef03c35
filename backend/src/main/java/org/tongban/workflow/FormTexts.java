package org.tongban.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The people-facing texts of a service's form ({@code form.schema}) in a language. A field's,
 * group's or option's {@code title} is the Simplified Chinese text (the portal's first language);
 * the extension keywords {@code x-title} and {@code x-description} carry the {@code title} and the
 * {@code description} in other languages, by language tag:
 *
 * <pre>{@code
 * enterpriseName: { type: string, title: 企业名称, x-title: { en-US: Business name } }
 * }</pre>
 *
 * JSON Schema validation ignores unknown keywords, so the translations change nothing about what a
 * form accepts. A language the definition has no text for falls back to the Chinese.
 */
public final class FormTexts {

    /** The keyword that carries a {@code title} in other languages. */
    public static final String TITLE_TRANSLATIONS = "x-title";
    /** The keyword that carries a {@code description} in other languages. */
    public static final String DESCRIPTION_TRANSLATIONS = "x-description";
    /** The language every text must also be given in. */
    public static final String ENGLISH = "en-US";

    private FormTexts() {
    }

    /** The {@code title} of one (sub)schema in the language, or null when it has none. */
    public static String title(Object schema, Locale locale) {
        return text(schema, "title", TITLE_TRANSLATIONS, locale);
    }

    /** The {@code description} of one (sub)schema in the language, or null when it has none. */
    public static String description(Object schema, Locale locale) {
        return text(schema, "description", DESCRIPTION_TRANSLATIONS, locale);
    }

    /**
     * A field's label as people read it in a list of problems: the titles along a dotted path
     * ({@code mother.name}: 母亲信息 · 姓名), with a list's entries named by {@code itemLabel}
     * (1-based: 第 1 项). A part without a title is named by its own name.
     */
    public static String fieldLabel(Map<String, Object> formSchema, String path, Locale locale,
            IntFunction<String> itemLabel) {
        List<String> labels = new ArrayList<>();
        Object current = formSchema;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> schema)) {
                labels.add(segment);
                current = null;
                continue;
            }
            if (isArray(schema)) {
                Integer index = index(segment);
                labels.add(index == null ? segment : itemLabel.apply(index + 1));
                current = schema.get("items");
            } else {
                Object properties = schema.get("properties");
                current = properties instanceof Map<?, ?> map ? map.get(segment) : null;
                String title = title(current, locale);
                labels.add(title == null ? segment : title);
            }
        }
        return String.join(" · ", labels);
    }

    private static String text(Object schema, String keyword, String translationsKeyword, Locale locale) {
        if (!(schema instanceof Map<?, ?> node) || !(node.get(keyword) instanceof String chinese)) {
            return null;
        }
        if (locale == null || "zh".equals(locale.getLanguage())) {
            return chinese;
        }
        if (node.get(translationsKeyword) instanceof Map<?, ?> translations) {
            String tag = locale.toLanguageTag();
            if (translations.get(tag) instanceof String exact && !exact.isBlank()) {
                return exact;
            }
            // en-GB reads en-US rather than Chinese
            for (Map.Entry<?, ?> entry : translations.entrySet()) {
                if (entry.getValue() instanceof String text && !text.isBlank()
                        && Locale.forLanguageTag(String.valueOf(entry.getKey())).getLanguage().equals(locale.getLanguage())) {
                    return text;
                }
            }
        }
        return chinese;
    }

    private static boolean isArray(Map<?, ?> schema) {
        Object type = schema.get("type");
        return "array".equals(type) || (type instanceof List<?> types && types.contains("array"));
    }

    private static Integer index(String segment) {
        try {
            return Integer.valueOf(segment);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
