package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A form's texts in the reader's language: English from x-title / x-description, Chinese otherwise. */
class FormTextsTest {

    private static final Map<String, Object> FORM = Map.of(
            "type", "object",
            "properties", Map.of(
                    "childName", Map.of("type", "string", "title", "儿童姓名",
                            "x-title", Map.of("en-US", "Child's full name"),
                            "description", "与户口簿一致", "x-description", Map.of("en-US", "As on the household register")),
                    "hospital", Map.of("type", "string", "title", "出生医疗机构"),
                    "mother", Map.of("type", "object", "title", "母亲信息", "x-title", Map.of("en-US", "About the mother"),
                            "properties", Map.of("name", Map.of("type", "string", "title", "姓名",
                                    "x-title", Map.of("en-US", "Full name")))),
                    "investors", Map.of("type", "array", "title", "股东", "x-title", Map.of("en-US", "Shareholders"),
                            "items", Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string",
                                    "title", "姓名", "x-title", Map.of("en-US", "Full name")))))));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(String name) {
        return (Map<String, Object>) ((Map<String, Object>) FORM.get("properties")).get(name);
    }

    @Test
    void givesTheChineseTitleOnChinesePagesAndTheEnglishOneOnEnglishPages() {
        assertThat(FormTexts.title(field("childName"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("儿童姓名");
        assertThat(FormTexts.title(field("childName"), Locale.US)).isEqualTo("Child's full name");
        assertThat(FormTexts.description(field("childName"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("与户口簿一致");
        assertThat(FormTexts.description(field("childName"), Locale.US)).isEqualTo("As on the household register");
    }

    @Test
    void readsAnyEnglishForEnglishAndFallsBackToChineseWithoutATranslation() {
        assertThat(FormTexts.title(field("childName"), Locale.UK)).isEqualTo("Child's full name");
        assertThat(FormTexts.title(field("childName"), Locale.FRANCE)).isEqualTo("儿童姓名");
        assertThat(FormTexts.title(field("hospital"), Locale.US)).isEqualTo("出生医疗机构");
        assertThat(FormTexts.title(Map.of("type", "string"), Locale.US)).isNull();
        assertThat(FormTexts.title(List.of(), Locale.US)).isNull();
    }

    @Test
    void namesANestedFieldByTheTitlesAlongItsPath() {
        assertThat(FormTexts.fieldLabel(FORM, "mother.name", Locale.US, i -> "Item " + i))
                .isEqualTo("About the mother · Full name");
        assertThat(FormTexts.fieldLabel(FORM, "mother.name", Locale.SIMPLIFIED_CHINESE, i -> "第 " + i + " 项"))
                .isEqualTo("母亲信息 · 姓名");
        assertThat(FormTexts.fieldLabel(FORM, "investors.0.name", Locale.US, i -> "Item " + i))
                .isEqualTo("Shareholders · Item 1 · Full name");
        assertThat(FormTexts.fieldLabel(FORM, "creditScore", Locale.US, i -> "Item " + i)).isEqualTo("creditScore");
    }
}
