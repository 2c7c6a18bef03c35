package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-workflow}, as a department admin runs it on what the department already has. */
class ImportWorkflowCommandTest {

    private record Run(int status, String output) {
    }

    private static Run run(String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ImportWorkflowCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    static Path fixture(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = ImportWorkflowCommandTest.class.getResourceAsStream("/import/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void explore(@TempDir Path folder) throws IOException {
        Run digit = run(fixture(folder, "PgrWorkflowConfig.json").toString(), "--department=public-security",
                "--category=life-event", "--out=" + folder.resolve("out"), "--lang=en");
        System.out.println(digit.output());
        System.out.println(Files.readString(folder.resolve("out/life-event/pgr.yaml")));
        Run bpmn = run(fixture(folder, "camunda-testing-job-announcement.bpmn").toString(), "--department=human-resources-social-security",
                "--category=social-security", "--out=" + folder.resolve("out"), "--lang=en");
        System.out.println(bpmn.output());
        System.out.println(Files.readString(folder.resolve("out/social-security/camunda-testing-job-announcement.yaml")));
    }
}
