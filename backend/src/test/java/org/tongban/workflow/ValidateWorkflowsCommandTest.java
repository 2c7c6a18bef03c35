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
}
