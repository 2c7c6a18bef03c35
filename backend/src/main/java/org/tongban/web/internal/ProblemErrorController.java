package org.tongban.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.web.ProblemType;
import org.tongban.web.Problems;

/**
 * Replaces Spring Boot's /error page: whatever failed outside Spring MVC (a filter, the container)
 * is still answered with a problem and never with a stack trace or server details.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemErrorController.class);

    private final Problems problems;
    private final RequestLimits limits;

    ProblemErrorController(Problems problems, RequestLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemType type = switch (status) {
            case UNAUTHORIZED -> ProblemType.UNAUTHENTICATED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && DatabaseUnavailable.causedBy(t)) {
            // e.g. the session could not be read: the database is down, not the request wrong
            log.warn("Database unavailable on {}: {}", uri, DatabaseUnavailable.describe(t));
            long seconds = limits.retryAfter().toSeconds();
            ProblemDetail problem = problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    seconds);
            if (uri instanceof String path) {
                problem.setInstance(java.net.URI.create(path));
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(problem);
        }
        ProblemDetail problem;
        if (type == ProblemType.INTERNAL) {
            // the text quotes an incident id: the same one is in the log, with the failure if there was one
            String incident = java.util.UUID.randomUUID().toString();
            log.error("Unexpected failure outside Spring MVC, incident {} on {}", incident, uri,
                    failure instanceof Throwable t ? t : null);
            problem = problems.create(status, type, incident);
            problem.setProperty("incidentId", incident);
        } else {
            problem = problems.create(status, type);
        }
        if (uri instanceof String path) {
            problem.setInstance(java.net.URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
