package org.tongban.application.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowMigrations;

/**
 * 迁移 over HTTP, beside the workflow administration it belongs to: a department admin moves the running applications
 * of their service from one definition version to a later one — a dry run first, then the migration. It lives in the
 * application module because only the application knows whether an application's answers pass the new version's form.
 */
@RestController
@Tag(name = "Workflow administration")
@PreAuthorize("hasAnyRole('dept-admin', 'admin')")
class VersionMigrationController {

    private final VersionMigrations migrations;
    private final CurrentPerson currentPerson;
    private final MessageSource messages;

    VersionMigrationController(VersionMigrations migrations, CurrentPerson currentPerson, MessageSource messages) {
        this.migrations = migrations;
        this.currentPerson = currentPerson;
        this.messages = messages;
    }

    /**
     * From which version to which later one, and where steps go: old step id → new step id. A waiting step the mapping
     * does not name goes to the step with the same id in the new version.
     */
    record MigrationRequest(@NotNull Integer fromVersion, @NotNull Integer toVersion,
            @Size(max = 200) Map<@NotBlank @Size(max = 100) String, @Size(max = 100) String> stepMapping) {

        WorkflowMigrations.Request request() {
            return new WorkflowMigrations.Request(fromVersion, toVersion, stepMapping);
        }
    }

    /**
     * A step of either version: {@code kind} task (a clerk's), applicant (the applicant's answer, 申请人确认) or
     * parallel; {@code branch} the parallel branch it is in (null at the top level); {@code department} the clerks'
     * (null for the others); {@code target}, for a step of the old version, where applications waiting at it go
     * (null: nowhere, they are blocked).
     */
    record StepView(String id, LocalizedText name, String kind, String branch, String department, String target) {
    }

    /** Where an application waits, or would wait: the step, its branch, its department, whether in correction (补正). */
    record PlacementView(String step, LocalizedText name, String branch, String department, boolean correction) {
    }

    /**
     * Why an application does not move: {@code code} step-removed, not-a-task, kind-changed, parallel-changed,
     * branch-changed, correction-not-allowed, not-waiting, answers-refused (with the {@code field}) or changed-meanwhile;
     * {@code message} says it in the request's language.
     */
    record BlockerView(String code, String step, String target, String field, String message) {
    }

    /**
     * One running application: its id and 办件编号 ({@code reference}); {@code outcome} ready or blocked in a dry run,
     * migrated or blocked in a migration; where it waits ({@code from}) and lands ({@code to}, empty when blocked).
     */
    record ApplicationMove(String applicationId, String reference, String instanceId, String outcome,
            List<PlacementView> from, List<PlacementView> to, List<BlockerView> blockers) {
    }

    /**
     * The answer to a dry run or a migration: the versions, the old version's steps with where they go, the new
     * version's steps to choose from, the applications by outcome ({@code counts}) and each application's move.
     */
    record MigrationReport(String serviceCode, int fromVersion, int toVersion, boolean dryRun, List<StepView> steps,
            List<StepView> targets, Map<String, Long> counts, List<ApplicationMove> applications) {
    }

    @PostMapping("/api/v1/workflow-admin/services/{code}/migrations/dry-run")
    @Operation(summary = "Dry run of moving running applications to a later version: where each would land, what blocks it")
    MigrationReport dryRun(@PathVariable String code, @Valid @RequestBody MigrationRequest request) {
        return view(migrations.dryRun(currentPerson.require(), code, request.request()));
    }

    @PostMapping("/api/v1/workflow-admin/services/{code}/migrations")
    @Operation(summary = "Move running applications to a later version (department admins of the owning department); "
            + "blocked ones stay as they are")
    MigrationReport migrate(@PathVariable String code, @Valid @RequestBody MigrationRequest request) {
        return view(migrations.migrate(currentPerson.require(), code, request.request()));
    }

    private MigrationReport view(VersionMigrations.Report report) {
        Locale locale = LocaleContextHolder.getLocale();
        WorkflowMigrations.Plan plan = report.plan();
        PublishedDefinition from = plan.from();
        PublishedDefinition to = plan.to();
        List<StepView> steps = plan.stepMapping().entrySet().stream()
                .map(entry -> step(from, entry.getKey(), entry.getValue())).toList();
        List<StepView> targets = allSteps(to).stream()
                .filter(step -> step instanceof Step.Task || step instanceof Step.Applicant
                        || step instanceof Step.Parallel)
                .map(step -> step(to, step.id(), null)).toList();
        List<ApplicationMove> moves = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(report.dryRun() ? "ready" : "migrated", 0L);
        counts.put("blocked", 0L);
        for (VersionMigrations.Outcome outcome : report.outcomes()) {
            WorkflowMigrations.Move move = outcome.move();
            String result = outcome.blocked() ? "blocked" : report.dryRun() ? "ready" : "migrated";
            counts.merge(result, 1L, Long::sum);
            List<BlockerView> blockers = new ArrayList<>();
            move.blockers().forEach(blocker -> blockers.add(new BlockerView(blocker.code(), blocker.step(),
                    blocker.target(), null, messages.getMessage("migration.blocked." + blocker.code(),
                            new Object[] {label(from, blocker.step(), locale), label(to, blocker.target(), locale),
                                    to.version()}, blocker.code(), locale))));
            outcome.answers().forEach(problem -> blockers.add(new BlockerView("answers-refused", null, null,
                    problem.field(), messages.getMessage("migration.blocked.answers-refused",
                            new Object[] {to.version(), problem.message()}, problem.message(), locale))));
            if (outcome.stale()) {
                blockers.add(new BlockerView("changed-meanwhile", null, null, null,
                        messages.getMessage("migration.blocked.changed-meanwhile", null, "changed", locale)));
            }
            moves.add(new ApplicationMove(move.applicationId(), move.reference(), move.instance().value(), result,
                    move.from().stream().map(placement -> placement(from, placement)).toList(),
                    outcome.blocked() ? List.of() : move.to().stream().map(placement -> placement(to, placement)).toList(),
                    blockers));
        }
        return new MigrationReport(from.serviceCode(), from.version(), to.version(), report.dryRun(), steps, targets,
                counts, moves);
    }

    private static List<Step> allSteps(PublishedDefinition definition) {
        List<Step> all = new ArrayList<>();
        for (Step step : definition.steps()) {
            all.add(step);
            if (step instanceof Step.Parallel parallel) {
                parallel.branches().values().forEach(all::addAll);
            }
        }
        return all;
    }

    private static StepView step(PublishedDefinition definition, String id, String target) {
        Step step = definition.step(id).orElseThrow();
        String kind = step instanceof Step.Parallel ? "parallel" : step instanceof Step.Applicant ? "applicant" : "task";
        return new StepView(id, step.name(), kind,
                step instanceof Step.Task task ? task.branch() : null,
                step instanceof Step.Task task ? task.department() : null, target);
    }

    private static PlacementView placement(PublishedDefinition definition, WorkflowMigrations.Placement placement) {
        Step step = definition.step(placement.step()).orElse(null);
        return new PlacementView(placement.step(), step == null ? null : step.name(), placement.branch(),
                step instanceof Step.Task task ? task.department() : null, placement.correction());
    }

    /** A step as an admin knows it: its name in the language and its id, which the mapping uses. */
    private static String label(PublishedDefinition definition, String id, Locale locale) {
        if (id == null) {
            return "";
        }
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return definition.step(id).map(step -> english ? "\"" + step.name().in(locale) + "\" (" + id + ")"
                : "“" + step.name().in(locale) + "”（" + id + "）").orElse(id);
    }
}
