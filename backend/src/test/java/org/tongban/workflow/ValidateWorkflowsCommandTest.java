package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate-workflows}, as a department admin runs it on a folder before publishing. */
class ValidateWorkflowsCommandTest {

    private record Run(int status, String output) {
    }

    private static Run run(String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ValidateWorkflowsCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void findsNothingToReportInTheShippedDefinitions() throws IOException {
        Run run = run("../workflows", "--lang=en");

        assertThat(run.status()).isZero();
        assertThat(run.output()).doesNotContain("warning:").contains("6 file(s), 0 with errors");
    }

    @Test
    void tellsWhereAFormTitleLacksItsEnglishAndHowToAddIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("enterprise/food-licence.yaml");
        Files.createDirectories(file.getParent());
        String base;
        try (InputStream in = getClass().getResourceAsStream("/workflows-broken/enterprise/food-licence.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(file, base.replace(", x-title: { en-US: Address of the premises }", ""));
        int line = base.lines().toList().indexOf(base.lines().filter(l -> l.startsWith("      premisesAddress:"))
                .findFirst().orElseThrow()) + 1;

        Run english = run(folder.toString(), "--lang=en");
        Run chinese = run(folder.toString());

        // a warning: the file is still valid and the command succeeds
        assertThat(english.status()).isZero();
        assertThat(english.output()).contains("warning: enterprise/food-licence.yaml:" + line
                + ": /form/schema/properties/premisesAddress/title: The form field \"premisesAddress\" (“经营场所地址”)"
                + " has no English title — Add x-title next to the title",
                "title: 经营场所地址, x-title: { en-US: English title }",
                "OK enterprise/food-licence.yaml", "1 file(s), 0 with errors, 1 with warnings only");
        assertThat(chinese.output()).contains("warning: enterprise/food-licence.yaml:" + line
                + ": /form/schema/properties/premisesAddress/title: 表单字段“premisesAddress”的标题“经营场所地址”没有英文 — ");
        // a CI job that keeps definitions clean fails on it
        assertThat(run(folder.toString(), "--strict").status()).isEqualTo(1);
        assertThat(run("../workflows", "--strict").status()).isZero();
    }

    @Test
    void saysSoWhenAFolderHoldsNoDefinitionFileInsteadOfSucceedingOnNothing(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("notes.txt"), "not a definition");
        Files.createDirectories(folder.resolve("calendar"));
        Files.writeString(folder.resolve("calendar/cn-holidays.yaml"), "timezone: Asia/Shanghai\n");

        Run english = run(folder.toString(), "--lang=en");
        Run chinese = run(folder.toString());

        // the same status as a missing argument: the command was pointed at the wrong place
        assertThat(english.status()).isEqualTo(2);
        assertThat(english.output()).contains("Found no definition file to read under \""
                + folder.toAbsolutePath().normalize() + "\"", "*.yaml and *.yml", "except those under calendar/ and catalogue/")
                .doesNotContain("0 file(s)");
        assertThat(chinese.status()).isEqualTo(2);
        assertThat(chinese.output()).contains("没有找到可读取的流程定义文件", "*.yaml 和 *.yml");
        assertThat(run().status()).isEqualTo(2);
    }

    @Test
    void saysSoWhenTheFolderDoesNotExist(@TempDir Path folder) throws IOException {
        Run run = run(folder.resolve("workflow").toString(), "--lang=en");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("does not exist: give the folder that holds the definition files");
    }
}
