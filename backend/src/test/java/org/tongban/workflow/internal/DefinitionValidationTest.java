package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tongban.workflow.internal.DefinitionProblem.Severity;

/**
 * The definition validator, seen from the department admin who writes a definition: every shipped
 * definition passes, and each broken one is rejected at the right place (JSON pointer and line) with an
 * English message that names the file and what is wrong.
 *
 * <p>The broken definitions live in {@code src/test/resources/workflows-broken/<category>/<name>.yaml}.
 * Each is {@code enterprise/food-licence.yaml} (a trimmed-down food business licence with a decision, a
 * parallel step and an automatic step) with one thing broken; the file's comment says what.
 */
class DefinitionValidationTest {

    private static final Set<String> DEPARTMENTS = Set.of("education", "health", "market-regulation",
            "public-security", "tax", "human-resources-social-security", "medical-insurance");

    private final DefinitionParser parser = new DefinitionParser(DEPARTMENTS);
    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    // ---- the shipped definitions ----

    static List<String> shippedDefinitions() throws IOException {
        List<String> files = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:workflows/*/*.yaml")) {
            String url = resource.getURL().toString();
            String relative = url.substring(url.lastIndexOf("workflows/") + "workflows/".length());
            if (!relative.startsWith("calendar/") && !relative.startsWith("catalogue/")) {
                files.add(relative);
            }
        }
        return files.stream().sorted().toList();
    }

    @Test
    void findsTheShippedDefinitions() throws IOException {
        assertThat(shippedDefinitions()).contains("enterprise/food-business-licence.yaml",
                "enterprise/enterprise-establishment.yaml", "education/primary-school-enrolment.yaml",
                "health/birth-medical-certificate.yaml", "life-event/newborn.yaml",
                "social-security/unemployment-insurance-benefit.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedDefinitions")
    void acceptsEveryShippedDefinition(String file) {
        ValidationReport report = parser.parse(file, read("/workflows/" + file));

        // not even a warning: every field, group and option has its English title
        assertThat(report.problems()).as(() -> describe(report)).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.definition()).hasValueSatisfying(definition ->
                assertThat(file).isEqualTo(definition.service().category() + "/" + definition.service().code() + ".yaml"));
    }

    // ---- the base the broken definitions are made from, and what the language allows ----

    @Test
    void acceptsTheBaseOfTheBrokenDefinitionsWithoutAnyProblem() {
        ValidationReport report = validate("enterprise/food-licence.yaml");

        assertThat(report.problems()).as(() -> describe(report)).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void acceptsEveryElementOfTheConditionLanguage() {
        ValidationReport report = validate("enterprise/condition-language.yaml");

        assertThat(report.problems()).as(() -> describe(report)).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    // ---- the file as a whole ----

    @Test
    void rejectsAFileThatIsNotValidYaml() {
        String file = "enterprise/yaml-syntax.yaml";
        DefinitionProblem problem = onlyError(validate(file));

        assertThat(problem.code()).isEqualTo("yaml-syntax");
        assertThat(problem.path()).isEmpty();
        assertThat(problem.line()).isNotNull();
        assertThat(problem.describe(messages, Locale.US))
                .startsWith(file + ":" + problem.line() + ": /: Not valid YAML: ");
    }

    @Test
    void rejectsAKeyGivenTwice() {
        String file = "enterprise/duplicate-key.yaml";
        DefinitionProblem problem = onlyError(validate(file));

        assertThat(problem.code()).isEqualTo("yaml-syntax");
        assertThat(problem.path()).isEmpty();
        assertThat(problem.describe(messages, Locale.US))
                .startsWith(file + ":" + problem.line() + ": /: Not valid YAML: ")
                .contains("Duplicate", "\"timeLimitWorkingDays\"");
    }

    @Test
    void rejectsAServiceCodeThatIsNotTheFileName() {
        assertOnlyError("enterprise/food-licence-copy.yaml", "code-file-mismatch", "/service/code",
                "  code: food-licence", "\"food-licence\"", "\"food-licence-copy.yaml\"");
    }

    @Test
    void rejectsACategoryThatIsNotTheFolder() {
        assertOnlyError("health/food-licence.yaml", "category-folder-mismatch", "/service/category",
                "  category: enterprise", "\"enterprise\"", "\"health\"");
    }

    @Test
    void rejectsAnUnknownKey() {
        assertOnlyError("enterprise/unknown-key.yaml", "schema-unknown-key", "/workflow/steps/acceptance/corection",
                "      corection: true", "\"corection\"");
    }

    @Test
    void warnsWhenThePromisedWorkingDaysAreShorterThanTheLongestPathButStillAccepts() {
        String file = "enterprise/promised-days-too-short.yaml";
        ValidationReport report = validate(file);

        assertThat(report.valid()).isTrue();
        assertThat(report.definition()).isPresent();
        assertThat(report.errors()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertProblem(file, problem, "promised-days-too-short", "/service/promisedWorkingDays",
                    "  promisedWorkingDays: 5", "promised 5 working days", "(9 working days)");
            assertThat(problem.args()).containsExactly("5", "9");
            assertThat(problem.describe(messages, Locale.US)).startsWith("warning: " + file + ":");
        });
    }

    // ---- tasks ----

    @Test
    void rejectsATaskOfADepartmentThatDoesNotExist() {
        // departments come from the portal (the platform admin adds them), so the validator names the known ones
        DefinitionProblem problem = assertOnlyError("enterprise/unknown-department.yaml", "unknown-department",
                "/workflow/steps/acceptance/department", "      department: market-supervision",
                "There is no department \"market-supervision\"", "market-regulation");
        assertThat(problem.args()).first().isEqualTo("market-supervision");
    }

    @Test
    void rejectsATaskOfADepartmentThatNoLongerExists() {
        // a department in the format's list that the portal does not have (any more)
        DefinitionParser withoutPublicSecurity = new DefinitionParser(Set.of("education", "health",
                "market-regulation", "tax", "human-resources-social-security", "medical-insurance"));
        String file = "enterprise/food-licence.yaml";
        ValidationReport report = withoutPublicSecurity.parse(file, read("/workflows-broken/" + file));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(problem -> assertProblem(file, problem,
                "unknown-department", "/workflow/steps/joint-inspection/branches/fire-safety/steps/fire-check/department",
                "              department: public-security", "There is no department \"public-security\""));
    }

    @Test
    void rejectsAnUnknownRole() {
        DefinitionProblem problem = assertOnlyError("enterprise/unknown-role.yaml", "unknown-role",
                "/workflow/steps/review/role", "      role: section-chief",
                "Department \"market-regulation\" has no role \"section-chief\"", "clerk, dept-admin");
        assertThat(problem.args()).first().isEqualTo("section-chief");
    }

    @Test
    void rejectsATaskWithoutATimeLimit() {
        DefinitionProblem problem = assertOnlyError("enterprise/missing-time-limit.yaml", "schema-required",
                "/workflow/steps/review", "    review:", "\"timeLimitWorkingDays\" is missing");
        assertThat(problem.args()).containsExactly("timeLimitWorkingDays");
    }

    @Test
    void rejectsAVisibleFieldTheFormDoesNotHave() {
        assertOnlyError("enterprise/visible-field-unknown.yaml", "visible-field-unknown",
                "/workflow/steps/review/visibleFields/2",
                "      visibleFields: [enterpriseName, businessArea, legalRepresentative]",
                "\"legalRepresentative\"", "Fields: businessArea, businessEntityType, enterpriseName, premisesAddress");
    }

    // ---- where steps lead ----

    @Test
    void rejectsANextThatNamesNoStep() {
        assertOnlyError("enterprise/unknown-next.yaml", "unknown-step", "/workflow/steps/review/next",
                "      next: issue-license", "There is no step \"issue-license\"");
    }

    @Test
    void rejectsAStartThatNamesNoStep() {
        assertOnlyError("enterprise/unknown-start.yaml", "unknown-step", "/workflow/start",
                "  start: reception", "There is no step \"reception\"");
    }

    @Test
    void rejectsAJumpIntoAParallelBranch() {
        assertOnlyError("enterprise/next-into-branch.yaml", "target-inside-branch", "/workflow/steps/area-check/otherwise",
                "      otherwise: fire-check", "\"fire-check\" is a task inside a parallel branch");
    }

    @Test
    void rejectsWithdrawnAsATarget() {
        // the schema's nextTarget excludes rejected and withdrawn, so the schema check reports it (with the
        // schema's wording: "withdrawn" appears only in the quoted enum, the validator's withdrawn-not-a-target
        // message is never reached)
        assertOnlyError("enterprise/next-withdrawn.yaml", "schema-other", "/workflow/steps/review/next",
                "      next: withdrawn", "\"withdrawn\"");
    }

    @Test
    void rejectsAStepNothingLeadsTo() {
        assertOnlyError("enterprise/unreachable-step.yaml", "unreachable-step", "/workflow/steps/second-review",
                "    second-review:", "Step \"second-review\" can never run");
    }

    @Test
    void rejectsALoopWithNoWayToApproval() {
        String file = "enterprise/no-way-out.yaml";
        ValidationReport report = validate(file);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).as(() -> describe(report)).hasSize(2);
        assertProblem(file, report.errors().get(0), "no-way-out", "/workflow/steps/joint-inspection",
                "    joint-inspection:", "From step \"joint-inspection\" an application can never be approved");
        assertProblem(file, report.errors().get(1), "no-way-out", "/workflow/steps/re-inspection",
                "    re-inspection:", "From step \"re-inspection\" an application can never be approved");
    }

    // ---- shared data (免提交) and what certificates carry ----

    @Test
    void rejectsASourceTheDataCatalogueDoesNotHave() {
        assertOnlyError("enterprise/source-unknown-dataset.yaml", "source-unknown-dataset",
                "/form/schema/properties/enterpriseName/x-source", "      enterpriseName: {", "land-registry",
                "business-registration");
    }

    @Test
    void rejectsASourceFieldTheDatasetDoesNotHave() {
        assertOnlyError("enterprise/source-unknown-field.yaml", "source-unknown-field",
                "/form/schema/properties/enterpriseName/x-source", "      enterpriseName: {", "nickname",
                "legalRepresentative");
    }

    @Test
    void rejectsASourceOfAnotherType() {
        assertOnlyError("enterprise/source-type-mismatch.yaml", "source-type-mismatch",
                "/form/schema/properties/businessArea/x-source", "      businessArea: {", "businessArea", "number",
                "business-registration.name", "string");
    }

    @Test
    void rejectsASourceReadWithoutAPurpose() {
        assertOnlyError("enterprise/source-not-declared.yaml", "source-not-declared",
                "/form/schema/properties/enterpriseName/x-source", "      enterpriseName: {", "business-registration",
                "purpose");
    }

    @Test
    void rejectsASourceTheServicesDepartmentMayNotRead() {
        assertOnlyError("enterprise/source-not-readable.yaml", "source-not-readable",
                "/service/dataSources/household-register", "    household-register:", "market-regulation",
                "household-register", "public-security");
    }

    @Test
    void rejectsACertificateFieldTheTypeDoesNotHave() {
        assertOnlyError("enterprise/certificate-field-unknown.yaml", "certificate-field-unknown",
                "/workflow/steps/issue-licence/certificate/fields/nickname", "        fields: {", "nickname",
                "food-business-licence");
    }

    @Test
    void rejectsAReturnToALaterStep() {
        assertOnlyError("enterprise/return-to-later-step.yaml", "return-not-earlier", "/workflow/steps/acceptance/returnTo",
                "      returnTo: [review]", "\"review\" does not come before \"acceptance\"");
    }

    // ---- step ids ----

    @Test
    void rejectsAStepIdUsedInABranchAndAtTheTopLevel() {
        assertOnlyError("enterprise/duplicate-step.yaml", "duplicate-step", "/workflow/steps/review",
                "    review:", "The step id \"review\" is used twice");
    }

    @Test
    void rejectsAnOutcomeAsAStepId() {
        // the schema's propertyNames rule reports it, on the steps map that holds the id
        assertOnlyError("enterprise/reserved-step-id.yaml", "schema-other", "/workflow/steps",
                "  steps:", "'approved'");
    }

    // ---- parallel steps ----

    @Test
    void rejectsATaskInABranchThatHasANext() {
        // the schema has no next for branch tasks, so it reports an unknown key where the validator
        // would otherwise report branch-never-joins
        assertOnlyError("enterprise/branch-task-with-next.yaml", "schema-unknown-key",
                "/workflow/steps/joint-inspection/branches/fire-safety/steps/fire-check/next",
                "              next: review", "Unknown key \"next\"");
    }

    @Test
    void rejectsAParallelStepWithASingleBranch() {
        // the schema's minProperties reports it, before the validator's parallel-single-branch
        assertOnlyError("enterprise/single-branch.yaml", "schema-range", "/workflow/steps/joint-inspection/branches",
                "      branches:", "hygiene", "at least 2");
    }

    // ---- conditions ----

    @Test
    void rejectsAConditionThatDoesNotParse() {
        assertOnlyError("enterprise/condition-syntax.yaml", "condition-syntax", "/workflow/steps/area-check/when/0/condition",
                "        - condition: \"businessArea >\"", "The condition \"businessArea >\" cannot be read");
    }

    @Test
    void rejectsAConditionThatCallsAMethod() {
        assertOnlyError("enterprise/condition-calls-method.yaml", "condition-forbidden",
                "/workflow/steps/area-check/when/0/condition", "        - condition: \"enterpriseName.length() > 3\"",
                "The condition \"enterpriseName.length() > 3\" uses something conditions may not use");
    }

    @Test
    void rejectsAConditionThatUsesAJavaType() {
        assertOnlyError("enterprise/condition-uses-type.yaml", "condition-forbidden",
                "/workflow/steps/area-check/when/0/condition",
                "        - condition: \"T(java.lang.Runtime).getRuntime() != null\"",
                "The condition \"T(java.lang.Runtime).getRuntime() != null\" uses something conditions may not use");
    }

    @Test
    void rejectsAConditionOnAFieldTheFormDoesNotHave() {
        DefinitionProblem problem = assertOnlyError("enterprise/condition-unknown-field.yaml", "condition-unknown-field",
                "/workflow/steps/area-check/when/0/condition",
                "        - condition: \"businessArea > 500 or creditScore < 60\"",
                "The condition reads \"creditScore\"", "Fields: businessArea, businessEntityType");
        assertThat(problem.args()).first().isEqualTo("creditScore");
    }

    // ---- rules docs/workflows.md promises (each once a validator bug) ----

    @Test
    void reportsTheLineOfAYamlSyntaxError() {
        String file = "enterprise/yaml-syntax.yaml";
        assertThat(onlyError(validate(file)).line()).isBetween(
                lineOf(file, "      name: { zh-CN: 受理, en-US: Acceptance"), lineOf(file, "      department: market-regulation"));
        String duplicate = "enterprise/duplicate-key.yaml";
        assertThat(onlyError(validate(duplicate)).line()).isEqualTo(lineOf(duplicate, "      timeLimitWorkingDays: 2"));
    }

    @Test
    void rejectsAReturnToALaterStepThatMayItselfReturnHere() {
        assertOnlyError("enterprise/return-to-later-step-that-returns-here.yaml", "return-not-earlier",
                "/workflow/steps/acceptance/returnTo", "      returnTo: [review]", "\"review\" does not come before \"acceptance\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"enterprise/certificate-missing.yaml", "enterprise/certificate-never-issued.yaml"})
    void rejectsAnIssueCertificateStepAndACertificateThatDoNotGoTogether(String file) {
        ValidationReport report = validate(file);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(problem -> assertThat(problem.path())
                .isIn("/service/certificate", "/service", "/workflow/steps/issue-licence/action"));
    }

    @Test
    void acceptsANegativeNumberInACondition() {
        ValidationReport report = validate("enterprise/condition-negative-number.yaml");

        assertThat(report.problems()).as(() -> describe(report)).isEmpty();
    }

    @Test
    void rejectsDoubleQuotedTextInACondition() {
        DefinitionProblem problem = onlyError(validate("enterprise/condition-double-quotes.yaml"));

        assertThat(problem.code()).isIn("condition-syntax", "condition-forbidden");
        assertThat(problem.path()).isEqualTo("/workflow/steps/area-check/when/0/condition");
    }

    @Test
    void rejectsAFormThatIsNotValidJsonSchema() {
        DefinitionProblem problem = onlyError(validate("enterprise/form-schema-invalid.yaml"));

        assertThat(problem.path()).startsWith("/form/schema");
    }

    // ---- the form's texts in English ----

    @Test
    void warnsAboutAFieldTitleWithoutEnglishButStillAccepts() {
        String file = "enterprise/form-field-title-untranslated.yaml";
        ValidationReport report = validate(file);

        assertThat(report.valid()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertProblem(file, problem, "form-field-title-untranslated", "/form/schema/properties/premisesAddress/title",
                    "      premisesAddress:", "\"premisesAddress\"", "经营场所地址", "no English title",
                    "x-title: { en-US: English title }");
            assertThat(problem.describe(messages, Locale.US)).startsWith("warning: " + file + ":");
            assertThat(problem.describe(messages, Locale.SIMPLIFIED_CHINESE))
                    .contains("表单字段“premisesAddress”的标题“经营场所地址”没有英文", "x-title: { en-US: 英文标题 }");
        });
    }

    @Test
    void warnsAboutAnOptionWhoseTitleHasNoEnglish() {
        String file = "enterprise/form-option-title-untranslated.yaml";
        ValidationReport report = validate(file);

        assertThat(report.valid()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertProblem(file, problem, "form-option-title-untranslated",
                    "/form/schema/properties/businessEntityType/oneOf/1/title", "          - { const: catering",
                    "option \"catering\"", "餐饮服务经营者", "\"businessEntityType\"",
                    "{ const: catering, title: 餐饮服务经营者, x-title: { en-US: English label } }");
        });
    }

    @Test
    void rejectsTranslationsThatAreNotAMapOfLanguages() {
        DefinitionProblem problem = onlyError(validate("enterprise/form-title-translations-not-a-map.yaml"));

        assertThat(problem.path()).isEqualTo("/form/schema/properties/enterpriseName/x-title");
        assertThat(problem.code()).isEqualTo("schema-type");
    }

    @Test
    void looksAtGroupsListsAndOptionsButNotAtSchemasOnlyConditionsRead() {
        // a group without English, a list of groups whose choices lack titles, and conditional schemas
        // (their properties are no questions, so they need no titles)
        String yaml = read("/workflows-broken/enterprise/food-licence.yaml")
                .replace("    properties:\n      enterpriseName:", """
                    allOf:
                      - if: { properties: { businessArea: { const: 1 } } }
                        then: { required: [enterpriseName] }
                    dependentSchemas:
                      enterpriseName: { properties: { businessArea: { minimum: 2 } } }
                    properties:
                      enterpriseName:
                """.stripTrailing())
                .replace("      businessEntityType:", """
                      owner:
                        type: object
                        title: 负责人
                        properties:
                          name: { type: string, title: 姓名, description: 与身份证件一致 }
                          phone: { type: string }
                      shops:
                        type: array
                        title: 门店
                        x-title: { en-US: Shops }
                        items:
                          type: object
                          properties:
                            kind:
                              type: string
                              title: 类型
                              x-title: { en-US: Kind }
                              oneOf:
                                - { const: kiosk }
                                - { const: stall, title: 摊位 }
                      businessEntityType:
                """.stripTrailing());

        ValidationReport report = parser.parse("enterprise/food-licence.yaml", yaml);

        assertThat(report.errors()).as(() -> describe(report)).isEmpty();
        assertThat(report.problems()).extracting(DefinitionProblem::code, DefinitionProblem::path, DefinitionProblem::args)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("form-field-title-untranslated",
                                "/form/schema/properties/owner/title", List.of("owner", "负责人")),
                        org.assertj.core.groups.Tuple.tuple("form-field-title-untranslated",
                                "/form/schema/properties/owner/properties/name/title", List.of("owner.name", "姓名")),
                        org.assertj.core.groups.Tuple.tuple("form-description-untranslated",
                                "/form/schema/properties/owner/properties/name/description",
                                List.of("owner.name", "与身份证件一致")),
                        org.assertj.core.groups.Tuple.tuple("form-field-title-missing",
                                "/form/schema/properties/owner/properties/phone", List.of("owner.phone")),
                        org.assertj.core.groups.Tuple.tuple("form-option-title-missing",
                                "/form/schema/properties/shops/items/properties/kind/oneOf/0", List.of("shops.kind", "kiosk")),
                        org.assertj.core.groups.Tuple.tuple("form-option-title-untranslated",
                                "/form/schema/properties/shops/items/properties/kind/oneOf/1/title",
                                List.of("shops.kind", "stall", "摊位")));
        assertThat(report.problems()).allSatisfy(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.line()).isNotNull();
            assertThat(problem.describe(messages, Locale.US)).doesNotContain("workflow.validation.");
            assertThat(problem.describe(messages, Locale.SIMPLIFIED_CHINESE)).doesNotContain("workflow.validation.");
        });
    }

    // ---- helpers ----

    private ValidationReport validate(String file) {
        return parser.parse(file, read("/workflows-broken/" + file));
    }

    /** The report rejects the file with exactly one error, which is returned. */
    private DefinitionProblem onlyError(ValidationReport report) {
        assertThat(report.valid()).isFalse();
        assertThat(report.definition()).isEmpty();
        assertThat(report.errors()).as(() -> describe(report)).hasSize(1);
        return report.errors().get(0);
    }

    /** The broken file is rejected with exactly this one error. */
    private DefinitionProblem assertOnlyError(String file, String code, String path, String lineStartingWith,
            String... inMessage) {
        ValidationReport report = validate(file);
        DefinitionProblem problem = onlyError(report);
        assertProblem(file, problem, code, path, lineStartingWith, inMessage);
        return problem;
    }

    /**
     * The problem has the code and path, its line is the first line of the file that starts with
     * {@code lineStartingWith} (indentation included), and its English text names the file, the line,
     * the path and the offending values.
     */
    private void assertProblem(String file, DefinitionProblem problem, String code, String path,
            String lineStartingWith, String... inMessage) {
        int line = lineOf(file, lineStartingWith);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.path()).isEqualTo(path);
        assertThat(problem.line()).isEqualTo(line);
        String described = problem.describe(messages, Locale.US);
        assertThat(described)
                .contains(file + ":" + line + ": " + path + ": ")
                .doesNotContain("workflow.validation.")
                .contains(inMessage);
    }

    private static int lineOf(String file, String lineStartingWith) {
        List<String> lines = read("/workflows-broken/" + file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(lineStartingWith)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line starting with '" + lineStartingWith + "'");
    }

    private String describe(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        report.problems().forEach(problem -> text.append('\n').append(problem.describe(messages, Locale.US)));
        return text.toString();
    }

    private static String read(String resource) {
        try (InputStream in = DefinitionValidationTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
