package org.tongban.rating.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.rating.internal.RatingController.Named;
import org.tongban.rating.internal.RatingRepository.Page;
import org.tongban.rating.internal.RatingRepository.StoredRating;
import org.tongban.rating.internal.RatingRepository.StoredRectification;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.workflow.LocalizedText;
import org.tongban.workflow.PublishedDefinition;
import org.tongban.workflow.Step;
import org.tongban.workflow.WorkflowDefinitions;

/**
 * 整改: the rectifications bad ratings opened, for the department admins of the rated departments (who answer them)
 * and the platform admin (who sees them all, overdue ones in red, and decides disputes). Applicants are not named:
 * the application's number leads to them where the department may read it.
 */
@RestController
@Tag(name = "Rectifications")
class RectificationController {

    private static final Set<String> STATUSES = Set.of("open", "answered", "disputed", "closed");

    private final RatingService service;
    private final RatingRepository ratings;
    private final CurrentPerson currentPerson;
    private final WorkflowDefinitions definitions;
    private final RatingController names;

    RectificationController(RatingService service, RatingRepository ratings, CurrentPerson currentPerson,
            WorkflowDefinitions definitions, RatingController names) {
        this.service = service;
        this.ratings = ratings;
        this.currentPerson = currentPerson;
        this.definitions = definitions;
        this.names = names;
    }

    /**
     * @param light        green, yellow (the last day) or red (overdue) while it waits for the department; else null
     * @param currentLevel the rating as it stands now (changed, or rated again after the answer)
     */
    record RectificationView(String id, String applicationId, String applicationNumber, Named service,
            Named department, Named step, int level, List<String> reasons, String comment, Instant openedAt,
            Instant dueAt, String light, String status, String answerKind, String answer, String answeredByName,
            Instant answeredAt, String disputeDecision, String disputeNote, Instant decidedAt, int currentLevel,
            boolean ratedAgain, boolean mayAnswer, boolean mayDecide) {
    }

    record RectificationPage(List<RectificationView> items, long total, int page, int size) {
    }

    record AnswerRequest(String kind, String answer) {
    }

    record DisputeDecision(Boolean upheld, String note) {
    }

    @GetMapping("/api/v1/rectifications")
    @Operation(summary = "Rectifications of my departments (department admin) or all (platform admin): waiting ones first, by due date; status open, answered, disputed or closed")
    RectificationPage list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if ((status != null && !STATUSES.contains(status)) || page < 0 || size < 1 || size > 100) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        Page<StoredRectification> found = service.rectifications(currentPerson.require(), status, page, size);
        return new RectificationPage(found.items().stream().map(this::view).toList(), found.total(), page, size);
    }

    @GetMapping("/api/v1/rectifications/{id}")
    @Operation(summary = "One rectification, for its department's admins and the platform admin")
    RectificationView one(@PathVariable String id) {
        return view(service.rectification(currentPerson.require(), id));
    }

    @PostMapping("/api/v1/rectifications/{id}/answer")
    @Operation(summary = "The department admin answers: kind rectified (核实整改), explained (解释说明) or disputed (申诉, decided by the platform admin)")
    RectificationView answer(@PathVariable String id, @RequestBody AnswerRequest request) {
        AnswerRequest body = request == null ? new AnswerRequest(null, null) : request;
        return view(service.answer(currentPerson.require(), id, body.kind(), body.answer()));
    }

    @PostMapping("/api/v1/admin/rectifications/{id}/dispute-decision")
    @Operation(summary = "The platform admin decides a dispute: upheld (the rating no longer counts) or rejected (the department answers again), with a note")
    RectificationView decide(@PathVariable String id, @RequestBody DisputeDecision request) {
        DisputeDecision body = request == null ? new DisputeDecision(null, null) : request;
        return view(service.decideDispute(currentPerson.require(), id, body.upheld(), body.note()));
    }

    private RectificationView view(StoredRectification r) {
        java.util.Optional<PublishedDefinition> definition = definitions.version(r.serviceCode(),
                r.definitionVersion());
        LocalizedText serviceName = definition.map(d -> d.service().name()).orElse(null);
        LocalizedText stepName = r.step() == null ? null
                : definition.flatMap(d -> d.step(r.step())).map(Step::name).orElse(null);
        StoredRating rating = ratings.rating(r.ratingId()).orElseThrow();
        var person = currentPerson.require();
        boolean mayAnswer = RatingService.OPEN.equals(r.status())
                && person.hasRole(org.tongban.identity.Role.DEPT_ADMIN) && person.belongsTo(r.department());
        boolean mayDecide = RatingService.DISPUTED.equals(r.status())
                && person.hasRole(org.tongban.identity.Role.ADMIN);
        return new RectificationView(r.id(), r.applicationId(), r.applicationNumber(),
                new Named(r.serviceCode(), serviceName == null ? r.serviceCode() : serviceName.zh(),
                        serviceName == null ? r.serviceCode() : serviceName.en()),
                names.department(r.department()),
                r.step() == null ? null : new Named(r.step(), stepName == null ? r.step() : stepName.zh(),
                        stepName == null ? r.step() : stepName.en()),
                r.level(), r.reasons(), r.comment(), r.openedAt(), r.dueAt(), light(r, service.now()), r.status(),
                r.answerKind(), r.answer(), r.answeredByName(), r.answeredAt(), r.disputeDecision(), r.disputeNote(),
                r.decidedAt(), rating.level(), rating.rerated(), mayAnswer, mayDecide);
    }

    /** The same lights as a step's limit, while the department owes the answer. */
    static String light(StoredRectification r, Instant now) {
        if (!RatingService.OPEN.equals(r.status())) {
            return null;
        }
        if (!now.isBefore(r.dueAt())) {
            return "red";
        }
        return now.isBefore(r.warnAt()) ? "green" : "yellow";
    }
}
