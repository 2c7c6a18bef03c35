package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The server's own words (problem titles and details, notifications, definition problems) exist in
 * both languages: Chinese first (messages.properties), English second (messages_en.properties).
 */
class MessagesCompletenessTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static Map<String, String> bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesCompletenessTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> sorted = new TreeMap<>();
        properties.forEach((key, value) -> sorted.put((String) key, (String) value));
        return sorted;
    }

    @Test
    void everyMessageExistsInChineseAndEnglish() throws IOException {
        Map<String, String> zh = bundle("messages.properties");
        Map<String, String> en = bundle("messages_en.properties");
        assertThat(en.keySet()).as("keys only in Chinese or only in English").isEqualTo(zh.keySet());
        assertThat(zh.entrySet().stream().filter(entry -> entry.getValue().isBlank()).map(Map.Entry::getKey))
                .as("empty Chinese messages").isEmpty();
        assertThat(en.entrySet().stream().filter(entry -> entry.getValue().isBlank()).map(Map.Entry::getKey))
                .as("empty English messages").isEmpty();
    }

    @Test
    void englishMessagesAreEnglish() throws IOException {
        Map<String, String> chineseInEnglish = new TreeMap<>(bundle("messages_en.properties"));
        chineseInEnglish.values().removeIf(value -> !HAN.matcher(value).find());
        assertThat(chineseInEnglish).isEmpty();
    }

    /** Every domain refusal a module can throw has its title and detail in both languages. */
    @Test
    void everyDomainProblemCodeHasItsTexts() throws IOException {
        Map<String, String> zh = bundle("messages.properties");
        java.util.List<String> missing = new java.util.ArrayList<>();
        new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tongban").stream()
                .filter(type -> type.isEnum() && type.isAssignableTo(org.tongban.shared.ProblemCode.class))
                .forEach(type -> {
                    for (Object constant : type.reflect().getEnumConstants()) {
                        String slug = ((org.tongban.shared.ProblemCode) constant).slug();
                        for (String part : java.util.List.of(".title", ".detail")) {
                            if (!zh.containsKey("problem." + slug + part)) {
                                missing.add(type.getSimpleName() + "." + constant + " -> problem." + slug + part);
                            }
                        }
                    }
                });
        assertThat(missing).isEmpty();
    }
}
