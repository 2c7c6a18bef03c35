package org.tongban.rating.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.application.ApplicationSummary;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Departments;
import org.tongban.identity.Person;
import org.tongban.rating.Ratings.Satisfaction;
import org.tongban.rating.internal.RatingRepository.StoredRating;
import org.tongban.rating.internal.RatingRepository.StoredRectification;
import org.tongban.rating.internal.RatingService.RatingInput;
import org.tongban.shared.DomainException;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinitions;

/**
 * 好差评 for the applicant: what they may rate on an application, their ratings with the department's answer to a
 * bad one; and each service's satisfaction for its guidance page (public).
 */
@RestController
@Tag(name = "Ratings")
class RatingController {

    private final RatingService service;
    private final CurrentPerson currentPerson;
    private final WorkflowDefinitions definitions;
    private final Departments departments;

    RatingController(RatingService service, CurrentPerson currentPerson, WorkflowDefinitions definitions,
            Departments departments) {
        this.service = service;
        this.currentPerson = currentPerson;
        this.definitions = definitions;
        this.departments = departments;
    }

    /** A step, or a department, with its names. */
    record Named(String code, String nameZh, String nameEn) {
    }

    /**
     * The department's answer to a bad rating, as the applicant sees it (the official is not named).
     *
     * @param status open, answered, disputed or closed
     * @param light  green, yellow or red while it waits for the department
     */
    record RectificationForApplicant(String status, Named department, Instant dueAt, String light, String answerKind,
            String answer, Instant answeredAt, String disputeDecision, String disputeNote) {
    }

    record RatingView(String id, String scope, Named step, Named department, int level, int firstLevel,
            List<String> reasons, String comment, Instant firstRatedAt, Instant ratedAt, Instant changeableUntil,
            boolean mayChange, boolean ratedAgain, boolean excluded, RectificationForApplicant rectification) {
    }

    /**
     * @param mayRateApplication the application has ended and is not rated yet
     * @param steps              the steps a department handled that may be rated while the application runs
     */
    record ApplicantRatings(boolean mayRateApplication, List<Named> steps, List<RatingView> ratings,
            List<String> goodReasons, List<String> badReasons, int commentLimit, long changeDays) {
    }

    record RatingRequest(Integer level, List<String> reasons, String comment, String step) {
    }

    record SatisfactionView(String serviceCode, long ratings, long good, Double goodShare, double score, int months) {
    }

    @GetMapping("/api/v1/applications/{id}/rating")
    @Operation(summary = "My ratings of an application (好差评): what I may rate, what I rated, the departments' answers")
    ApplicantRatings ratings(@PathVariable String id) {
        Person person = currentPerson.require();
        ApplicationSummary application = service.application(person, id)
                .orElseThrow(() -> new DomainException(RatingProblem.NOT_FOUND));
        List<StoredRating> existing = service.ratingsOf(id);
        Optional<PublishedDefinition> definition = definitions.version(application.serviceCode(),
                application.definitionVersion());
        return new ApplicantRatings(service.mayRateApplication(application, existing),
                service.ratableSteps(application, existing).stream()
                        .map(step -> step(definition, step.step())).toList(),
                existing.stream().map(rating -> view(rating, definition)).toList(), RatingReason.codes(true),
                RatingReason.codes(false), service.commentLimit(), service.changePeriod().toDays());
    }

    @PostMapping("/api/v1/applications/{id}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate my application (once it has ended) or a handled step of it (while it runs): level 1 (非常不满意) to 5 (非常满意), reasons, comment")
    RatingView rate(@PathVariable String id, @RequestBody RatingRequest request) {
        Person person = currentPerson.require();
        StoredRating rating = service.rate(person, id, input(request));
        return view(rating, definition(rating));
    }

    @PutMapping("/api/v1/applications/{id}/ratings/{ratingId}")
    @Operation(summary = "Change my rating within the platform's period, or rate once more after the department answered")
    RatingView change(@PathVariable String id, @PathVariable String ratingId, @RequestBody RatingRequest request) {
        Person person = currentPerson.require();
        StoredRating rating = service.change(person, id, ratingId, input(request));
        return view(rating, definition(rating));
    }

    @GetMapping("/api/v1/catalog/services/{code}/satisfaction")
    @Operation(summary = "A service's satisfaction over the last twelve months: share of good ratings, their count, the average level")
    SatisfactionView satisfaction(@PathVariable String code) {
        if (definitions.latest(code).isEmpty()) {
            throw new DomainException(RatingProblem.NOT_FOUND);
        }
        Satisfaction satisfaction = service.lastTwelveMonths(code);
        return new SatisfactionView(code, satisfaction.ratings(), satisfaction.good(), satisfaction.goodShare(),
                Math.round(satisfaction.score() * 100) / 100.0, 12);
    }

    private static RatingInput input(RatingRequest request) {
        RatingRequest body = request == null ? new RatingRequest(null, null, null, null) : request;
        return new RatingInput(body.level(), body.reasons(), body.comment(), body.step());
    }

    private Optional<PublishedDefinition> definition(StoredRating rating) {
        return definitions.version(rating.serviceCode(), rating.definitionVersion());
    }

    private RatingView view(StoredRating rating, Optional<PublishedDefinition> definition) {
        Optional<StoredRectification> rectification = service.rectificationOf(rating);
        return new RatingView(rating.id(), rating.scope(), rating.step() == null ? null : step(definition, rating.step()),
                department(rating.department()), rating.level(), rating.firstLevel(), rating.reasons(),
                rating.comment(), rating.firstRatedAt(), rating.ratedAt(), service.changeableUntil(rating),
                service.mayChange(rating, rectification), rating.rerated(), rating.excluded(),
                rectification.map(r -> new RectificationForApplicant(r.status(), department(r.department()),
                        r.dueAt(), RectificationController.light(r, service.now()), r.answerKind(), r.answer(),
                        r.answeredAt(), r.disputeDecision(),
                        "upheld".equals(r.disputeDecision()) ? r.disputeNote() : null)).orElse(null));
    }

    private static Named step(Optional<PublishedDefinition> definition, String step) {
        LocalizedText name = definition.flatMap(d -> d.step(step)).map(Step::name).orElse(null);
        return new Named(step, name == null ? step : name.zh(), name == null ? step : name.en());
    }

    Named department(String code) {
        return departments.byCode(code).map(d -> new Named(code, d.nameZh(), d.nameEn()))
                .orElse(new Named(code, code, code));
    }
}
