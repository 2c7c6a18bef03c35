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

/**
 * {@code import-workflow}, as a department admin runs it on what the department already has: the real
 * DIGIT PGR configuration and a real Camunda process (see src/test/resources/import/README.md), and a
 * small process written for the tests (written-for-tests/shop-permit.bpmn20.xml) for what those two lack: a fork
 * and join, a numeric condition, an untranslatable one.
 */
class ImportWorkflowCommandTest {

    private record Run(int status, String output) {
    }

    private static Run run(String... args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ImportWorkflowCommand.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Run validate(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ValidateWorkflowsCommand.run(List.of(folder.toString(), "--lang=en"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ImportWorkflowCommandTest.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path fixture(Path folder, String name) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, resource(name));
        return file;
    }

    /** The 1-based line of the first line containing all the parts, after a line containing {@code after}. */
    private static int line(String text, String after, String... parts) {
        List<String> lines = text.lines().toList();
        int from = after == null ? 0 : indexOf(lines, 0, after);
        return indexOf(lines, from, parts) + 1;
    }

    private static int indexOf(List<String> lines, int from, String... parts) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (List.of(parts).stream().allMatch(line::contains)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + List.of(parts));
    }

    @Test
    void turnsDigitsGrievanceWorkflowIntoAValidDefinitionAndListsEveryActionItCouldNotConvert(@TempDir Path folder)
            throws IOException {
        String json = resource("PgrWorkflowConfig.json");
        Path out = folder.resolve("out");

        Run run = run(fixture(folder, "PgrWorkflowConfig.json").toString(), "--department=public-security",
                "--category=life-event", "--out=" + out, "--lang=en");

        assertThat(run.status()).as(run.output()).isZero();
        Path written = out.resolve("life-event/pgr.yaml");
        String yaml = Files.readString(written);
        assertThat(yaml).contains("start: pendingforassignment", "next: pendingatlme", "next: approved",
                "# RESOLVE by PGR_LME, PGR_VIEWER -> approved (DIGIT state RESOLVED)",
                "# REJECT by GRO, PGR_VIEWER -> rejected (every task may reject)",
                "department: public-security", "promisedWorkingDays: 5");
        assertThat(run.output()).contains("Wrote " + written, "is valid", "warning: the names",
                // a second way forward, the system's escalations, the citizen's comments and what follows the end
                "unsupported: PgrWorkflowConfig.json:" + line(json, "\"state\": \"PENDINGATLME\"", "\"action\": \"ESCALATE\"")
                        + ": PENDINGATLME/ESCALATE: A second way forward",
                "unsupported: PgrWorkflowConfig.json:" + line(json, "\"state\": \"PENDINGATLME\"", "\"action\": \"FORWARD\"")
                        + ": PENDINGATLME/FORWARD: The system's action FORWARD (AUTO_ESCALATE)",
                "unsupported: PgrWorkflowConfig.json:" + line(json, null, "\"action\": \"ASSIGNEDBYAUTOESCALATION\"")
                        + ": PENDINGFORASSIGNMENT/ASSIGNEDBYAUTOESCALATION:",
                "unsupported: PgrWorkflowConfig.json:" + line(json, "\"state\": \"PENDINGATLME\"", "\"action\": \"COMMENT\"")
                        + ": PENDINGATLME/COMMENT: The action COMMENT (CITIZEN) does not change the state",
                "unsupported: PgrWorkflowConfig.json:" + line(json, "\"state\": \"RESOLVED\"", "\"action\": \"REOPEN\"")
                        + ": RESOLVED/REOPEN: The action REOPEN (CFC, CITIZEN, CSR, PGR_VIEWER) after the end state RESOLVED",
                "RESOLVED/RATE:", "REJECTED/REOPEN:", "REJECTED/RATE:",
                // a return to a state that only it leads to, and the states nothing converted reaches
                "PENDINGATLME/REASSIGN: The return REASSIGN (PGR_LME, PGR_VIEWER) leads to PENDINGFORREASSIGNMENT, which is not an earlier step",
                "unsupported: PgrWorkflowConfig.json:" + line(json, null, "\"state\": \"PENDINGFORREASSIGNMENT\"")
                        + ": PENDINGFORREASSIGNMENT: The state PENDINGFORREASSIGNMENT is reached only through actions that were not converted",
                ": PENDINGATSUPERVISOR: The state PENDINGATSUPERVISOR is reached only",
                ": CANCELLED: The end state CANCELLED", ": RESOLVEDBYSUPERVISOR: The end state", ": CLOSEDAFTERRESOLUTION: The end state",
                "check: PgrWorkflowConfig.json:" + line(json, null, "\"state\": \"PENDINGFORASSIGNMENT\"")
                        + ": PENDINGFORASSIGNMENT: \"PENDINGFORASSIGNMENT\" has no time limit");
        // what it wrote passes the validator as it is
        assertThat(validate(out).status()).isZero();
    }

    @Test
    void turnsCamundasJobAnnouncementIntoAValidDefinitionAndNamesTheServiceTaskAndCallActivityItLeftOut(
            @TempDir Path folder) throws IOException {
        String bpmn = resource("camunda-testing-job-announcement.bpmn");
        Path out = folder.resolve("definitions");

        Run run = run(fixture(folder, "camunda-testing-job-announcement.bpmn").toString(),
                "--department=human-resources-social-security", "--category=social-security", "--out=" + out, "--lang=en");

        assertThat(run.status()).as(run.output()).isZero();
        String yaml = Files.readString(out.resolve("social-security/camunda-testing-job-announcement.yaml"));
        assertThat(yaml).contains("start: edit", "# BPMN userTask edit, lane: HR, candidate groups: engineering",
                "type: decision", "- condition: \"approved == true\"", "next: publish", "otherwise: correct",
                "approved: { type: boolean", "required: [summary]");
        assertThat(run.output()).contains(
                "unsupported: camunda-testing-job-announcement.bpmn:" + line(bpmn, null, "<bpmn:serviceTask id=\"mail\"")
                        + ": mail: serviceTask is not supported and was left out",
                "unsupported: camunda-testing-job-announcement.bpmn:" + line(bpmn, null, "<bpmn:callActivity id=\"publication\"")
                        + ": publication: callActivity is not supported",
                "check: camunda-testing-job-announcement.bpmn:" + line(bpmn, null, "<bpmn:sequenceFlow id=\"Flow_0yjunvn\"")
                        + ": Flow_0yjunvn: Every way out of the exclusive gateway \"Gateway_0o79ay3\" has a condition",
                "is valid (2 element(s) not converted");
        assertThat(validate(out).status()).isZero();
    }


    @Test
    void turnsAForkAndJoinOfUserTasksIntoAParallelStepAndASimpleConditionIntoADecision(@TempDir Path folder)
            throws IOException {
        String process = resource("written-for-tests/shop-permit.bpmn20.xml");
        Path source = folder.resolve("shop-permit.bpmn20.xml");
        Files.writeString(source, process);

        Run run = run(source.toString(), "--department=market-regulation", "--category=enterprise",
                "--out=" + folder.resolve("out/enterprise/shop-permit.yaml"), "--lang=en");

        assertThat(run.status()).as(run.output()).isZero();
        String yaml = Files.readString(folder.resolve("out/enterprise/shop-permit.yaml"));
        assertThat(yaml).contains("code: shop-permit", "start: accept", "timeLimitWorkingDays: 2",
                "- condition: \"amount > 500 and kind == 'food'\"", "next: fork", "otherwise: decide",
                "type: parallel", "onRejection: reject-application", "fire-check-branch:", "hygiene-check-branch:",
                "# BPMN userTask hygieneCheck, potential owners: group(hygiene)",
                "amount: { type: number", "kind: { type: string");
        assertThat(run.output()).contains(
                "unsupported: shop-permit.bpmn20.xml:" + line(process, null, "id=\"f5\"")
                        + ": f5: The condition ${riskService.isRisky(execution)} is more than comparisons",
                "unsupported: shop-permit.bpmn20.xml:" + line(process, null, "<boundaryEvent id=\"reminder\"")
                        + ": reminder: boundaryEvent is not supported",
                "unsupported: shop-permit.bpmn20.xml:" + line(process, null, "<inclusiveGateway id=\"notify\"")
                        + ": notify: inclusiveGateway is not supported",
                "is valid (3 element(s) not converted");
    }

    @Test
    void saysWhatIsMissingBeforeWritingAnything(@TempDir Path folder) throws IOException {
        Path pgr = fixture(folder, "PgrWorkflowConfig.json");

        Run noDepartment = run(pgr.toString(), "--category=life-event", "--lang=en");
        Run unknownCategory = run(pgr.toString(), "--department=tax", "--category=grievances", "--lang=en");

        assertThat(noDepartment.status()).isEqualTo(2);
        assertThat(noDepartment.output()).contains("unsupported: PgrWorkflowConfig.json:", "--department=<code>",
                "human-resources-social-security, market-regulation, medical-insurance");
        assertThat(run(pgr.toString(), "--category=life-event").output())
                .contains("未转换: PgrWorkflowConfig.json:", "请用 --department=<部门代码> 指定负责办理的部门");
        assertThat(unknownCategory.status()).isEqualTo(2);
        assertThat(unknownCategory.output()).contains("There is no category \"grievances\"",
                "education, enterprise, health, life-event, social-security");
        assertThat(run().status()).isEqualTo(2);
        assertThat(run(folder.resolve("missing.json").toString()).status()).isEqualTo(2);
        Path text = folder.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThat(run(text.toString(), "--lang=en").output()).contains("Cannot tell what");
        assertThat(folder.resolve("life-event")).doesNotExist();
    }
}
