package org.tongban.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.workflow.Actor;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.WorkflowMigrations;
import org.tongban.workflow.WorkflowProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Moving running applications to a later version of their service's workflow (迁移), for the service's department
 * admins. The workflow module decides where each application's waiting steps land and moves its workflow; this adds
 * what only the application knows — whether its answers pass the new version's form, checked as a submission is — and
 * moves each application in a transaction of its own, so one that cannot move (or that someone acts on meanwhile)
 * holds up no other. The application's own copy of the version follows through the workflow's event.
 */
@Service
class VersionMigrations {

    private final WorkflowMigrations migrations;
    private final ApplicationRepository applications;
    private final FormValidator validator;
    private final TransactionTemplate transactions;

    VersionMigrations(WorkflowMigrations migrations, ApplicationRepository applications, JsonMapper json,
            MessageSource messages, PlatformTransactionManager transactions) {
        this.migrations = migrations;
        this.applications = applications;
        this.validator = new FormValidator(json, messages);
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * What became, or would become, of one application: the workflow's move, the answers the new version's form
     * refuses, and whether it was moved. {@code stale}: someone acted on it while it was being moved (nothing changed).
     */
    record Outcome(WorkflowMigrations.Move move, List<FormValidator.FieldProblem> answers, boolean stale,
            boolean migrated) {

        boolean blocked() {
            return move.blocked() || !answers.isEmpty() || stale;
        }
    }

    /** A dry run's or a migration's answer: the plan it followed and every running application's outcome. */
    record Report(WorkflowMigrations.Plan plan, List<Outcome> outcomes, boolean dryRun) {
    }

    /** Where every running application of the old version would land, and what blocks it; changes nothing. */
    Report dryRun(Person person, String serviceCode, WorkflowMigrations.Request request) {
        WorkflowMigrations.Plan plan = migrations.plan(serviceCode, request, actor(person));
        Locale locale = LocaleContextHolder.getLocale();
        List<Outcome> outcomes = plan.moves().stream()
                .map(move -> new Outcome(move, answers(move, plan.to(), locale), false, false)).toList();
        return new Report(plan, outcomes, true);
    }

    /**
     * Moves every running application of the old version that can move, each checked again at that moment in its own
     * transaction; the others are left as they are and reported with the reasons.
     */
    Report migrate(Person person, String serviceCode, WorkflowMigrations.Request request) {
        Actor actor = actor(person);
        WorkflowMigrations.Plan plan = migrations.plan(serviceCode, request, actor);
        Locale locale = LocaleContextHolder.getLocale();
        List<Outcome> outcomes = new ArrayList<>();
        for (WorkflowMigrations.Move planned : plan.moves()) {
            outcomes.add(migrate(serviceCode, request, planned, plan.to(), actor, locale));
        }
        return new Report(plan, outcomes, false);
    }

    private Outcome migrate(String serviceCode, WorkflowMigrations.Request request, WorkflowMigrations.Move planned,
            PublishedDefinition to, Actor actor, Locale locale) {
        if (planned.blocked()) {
            return new Outcome(planned, answers(planned, to, locale), false, false);
        }
        try {
            return transactions.execute(status -> {
                List<FormValidator.FieldProblem> answers = answers(planned, to, locale);
                if (!answers.isEmpty()) {
                    return new Outcome(planned, answers, false, false);
                }
                WorkflowMigrations.Move moved = migrations.migrate(serviceCode, request, planned.instance(),
                        planned.version(), actor);
                return new Outcome(moved, List.of(), false, !moved.blocked());
            });
        } catch (DomainException e) {
            if (e.code() == WorkflowProblem.STALE || e.code() == ApplicationProblem.EDITED_ELSEWHERE
                    || e.code() == WorkflowProblem.NOT_FOUND || e.code() == ApplicationProblem.NOT_IN_CORRECTION) {
                // changed (or ended) since the plan: the transaction rolled back, the application is as it was
                return new Outcome(planned, List.of(), true, false);
            }
            throw e;
        }
    }

    /** The answers the new version's form refuses, as a submission would be refused: complete and valid. */
    private List<FormValidator.FieldProblem> answers(WorkflowMigrations.Move move, PublishedDefinition to,
            Locale locale) {
        if (move.applicationId() == null) {
            return List.of();
        }
        return applications.find(move.applicationId())
                .map(application -> validator.validate(to.serviceCode() + "@" + to.version(), to.formSchema(),
                        application.formData(), true, locale))
                .orElse(List.of());
    }

    private static Actor actor(Person person) {
        Set<String> roles = person.roles().stream().map(Role::code).collect(Collectors.toSet());
        return new Actor(person.subject(), roles, Set.copyOf(person.departments()));
    }
}
