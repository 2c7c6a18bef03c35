package org.tongban;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Personal data is read only along paths that record the read: the tables that hold people's data are named in SQL
 * only by the repository that owns them, and the module APIs that hand such data to officials are called only by
 * the services that check the official and record the use in the same transaction. (That each of those paths does
 * record is proven by {@code EveryOfficialReadIsRecordedIT}.)
 */
class PersonalDataAccessTest {

    /** Table → the only classes whose SQL may name it. */
    private static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("application", Set.of("ApplicationRepository")),
            Map.entry("application_correction", Set.of("ApplicationRepository")),
            Map.entry("application_source", Set.of("ApplicationRepository")),
            Map.entry("attachment", Set.of("AttachmentRepository")),
            Map.entry("exchange_binding", Set.of("Bindings")),
            Map.entry("certificate", Set.of("CertificateRecords")),
            Map.entry("personal_data_access", Set.of("JdbcDataAccessLog")),
            Map.entry("ex_household", Set.of("HouseholdRegisters", "DemoRegisters", "Registers")),
            Map.entry("ex_household_member", Set.of("HouseholdRegisters", "DemoRegisters", "Registers")),
            Map.entry("ex_business_registration", Set.of("DemoRegisters", "Registers")),
            Map.entry("ex_medical_insurance", Set.of("DemoRegisters", "Registers")),
            Map.entry("ex_social_insurance", Set.of("DemoRegisters", "Registers")),
            Map.entry("ex_vaccination", Set.of("DemoRegisters", "Registers")),
            // the workflow's copy of the answers, read by the engine for its decisions only (a migration reads the
            // instances' state and version, not the answers)
            Map.entry("workflow_instance", Set.of("JdbcWorkflowEngine", "JdbcWorkflowQueries", "DeadlineTimers",
                    "WorkflowAdminController", "InstanceMigration")));

    private static final Pattern SQL_TABLE = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.tongban");

    @Test
    void tablesOfPersonalDataAreNamedOnlyByTheirRepositories() throws IOException {
        List<String> strays = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String className = source.getFileName().toString().replace(".java", "");
                Matcher matcher = SQL_TABLE.matcher(Files.readString(source));
                while (matcher.find()) {
                    String table = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
                    Set<String> owners = OWNERS.get(table);
                    if (owners != null && !owners.contains(className)) {
                        strays.add(className + " names " + table);
                    }
                }
            }
        }
        assertThat(strays).isEmpty();
    }

    @Test
    void theApplicantsAnswersAndDocumentsReachOfficialsOnlyThroughTheWorkbenchWhichRecordsTheRead() {
        noClasses().that().resideOutsideOfPackages("org.tongban.application..", "org.tongban.workbench..")
                .should().callMethod(org.tongban.application.Applications.class, "formData", String.class)
                .orShould().callMethod(org.tongban.application.Applications.class, "attachment", String.class,
                        String.class)
                .check(classes);
        noClasses().that().resideInAPackage("org.tongban.workbench..")
                .and().doNotHaveSimpleName("WorkbenchService")
                .should().callMethod(org.tongban.application.Applications.class, "formData", String.class)
                .orShould().callMethod(org.tongban.application.Applications.class, "attachment", String.class,
                        String.class)
                .check(classes);
    }

    @Test
    void sharedRecordsReachOfficialsOnlyThroughTheExchangesRecordedReads() {
        // open and bind record the read; the applicant's own view (recordsAbout) is only for the application module
        noClasses().that().resideOutsideOfPackages("org.tongban.application..", "org.tongban.exchange..")
                .should().callMethod(org.tongban.exchange.DataExchange.class, "recordsAbout", String.class,
                        org.tongban.exchange.Subject.class)
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.tongban.application..", "org.tongban.exchange..")
                .should().callMethod(org.tongban.exchange.DataExchange.class, "boundTo", String.class)
                .check(classes);
    }
}
