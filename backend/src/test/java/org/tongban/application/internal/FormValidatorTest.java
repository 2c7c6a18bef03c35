package org.tongban.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The server's check of the answers speaks the reader's language and names each field as the form
 * does on that page: by its Chinese title on Chinese pages, by the English of x-title on English ones.
 */
class FormValidatorTest {

    private static final Map<String, Object> FORM = form("""
            type: object
            additionalProperties: false
            required: [childName, childGender, mother]
            properties:
              childName: { type: string, title: 儿童姓名, x-title: { en-US: "Child's full name" }, minLength: 1 }
              childGender:
                type: string
                title: 儿童性别
                x-title: { en-US: "Child's sex" }
                oneOf:
                  - { const: male, title: 男, x-title: { en-US: Male } }
                  - { const: female, title: 女, x-title: { en-US: Female } }
              guardianPhone: { type: string, title: 监护人手机号码, pattern: "^1[3-9][0-9]{9}$" }
              mother:
                type: object
                title: 母亲信息
                x-title: { en-US: About the mother }
                required: [name]
                properties:
                  name: { type: string, title: 姓名, x-title: { en-US: Full name } }
            """);

    private final FormValidator validator = new FormValidator(JsonMapper.builder().build(), messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> form(String yaml) {
        return YAMLMapper.builder().build().readValue(yaml, Map.class);
    }

    private Map<String, String> problems(Map<String, Object> data, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        validator.validate("test@1", FORM, data, true, locale)
                .forEach(problem -> byField.put(problem.field(), problem.message()));
        return byField;
    }

    private static final Map<String, Object> WRONG = Map.of("childGender", "unknown", "guardianPhone", "12",
            "mother", Map.of(), "creditScore", 3);

    @Test
    void namesTheFieldsByTheirEnglishTitlesOnEnglishPages() {
        assertThat(problems(WRONG, Locale.US)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "childName", "Please answer “Child's full name”.",
                "childGender", "For “Child's sex”, please choose one of the options.",
                "mother.name", "Please answer “About the mother · Full name”.",
                "creditScore", "The form has no question “creditScore”; please remove it.",
                // no English title in the form: the Chinese one rather than nothing
                "guardianPhone", "“监护人手机号码” is not in the expected format; please check it against the hint."));
    }

    @Test
    void namesTheFieldsByTheirChineseTitlesOnChinesePages() {
        assertThat(problems(WRONG, Locale.SIMPLIFIED_CHINESE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "childName", "请填写“儿童姓名”。",
                "childGender", "请为“儿童性别”从给出的选项中选择。",
                "mother.name", "请填写“母亲信息 · 姓名”。",
                "creditScore", "表单中没有“creditScore”这一项，请删除。",
                "guardianPhone", "“监护人手机号码”的格式不正确，请对照提示检查后重新填写。"));
    }

    @Test
    void acceptsCompleteAnswersInEitherLanguage() {
        Map<String, Object> right = Map.of("childName", "张小明", "childGender", "male", "guardianPhone", "13800138000",
                "mother", Map.of("name", "李华"));
        assertThat(validator.validate("test@1", FORM, right, true, Locale.US)).isEmpty();
        assertThat(validator.validate("test@1", FORM, Map.of(), false, Locale.US)).isEqualTo(List.of());
    }

    private static final Map<String, Object> IDS = form("""
            type: object
            properties:
              childIdNumber: { type: string, title: 儿童公民身份号码, x-title: { en-US: "Child's resident ID number" }, pattern: "^[0-9]{17}[0-9X]$", format: cn-resident-id }
              uscc: { type: string, title: 统一社会信用代码, format: cn-uscc }
            """);

    private Map<String, String> idProblems(Map<String, Object> data, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        validator.validate("ids@1", IDS, data, false, locale)
                .forEach(problem -> byField.put(problem.field(), problem.message()));
        return byField;
    }

    @Test
    void identityNumbersAreCheckedToTheirCheckCharacter() {
        // right length and characters, one digit mistyped: the check character no longer matches
        assertThat(idProblems(Map.of("childIdNumber", "110105201905010012", "uscc", "91330106MA2GL5XK01"),
                Locale.SIMPLIFIED_CHINESE)).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "childIdNumber", "“儿童公民身份号码”不是有效的公民身份号码：须为 18 位，最后一位是校验码（数字或 X），请对照证件逐位核对。",
                        "uscc", "“统一社会信用代码”不是有效的统一社会信用代码：须为 18 位，最后一位是校验码，请对照营业执照逐位核对。"));
        assertThat(idProblems(Map.of("childIdNumber", "110105201905010012"), Locale.US))
                .containsEntry("childIdNumber", "“Child's resident ID number” is not a valid resident ID number: it has 18 "
                        + "characters and the last one is a check character (a digit or X); check each digit against the ID card.");
        assertThat(idProblems(Map.of("childIdNumber", "110105201905010013", "uscc", "91330106MA2GL5XK00"),
                Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(idProblems(Map.of("childIdNumber", "11010520190601100X"), Locale.US)).isEmpty();
    }
}
