package org.tongban.web.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tongban.shared.DomainException;
import org.tongban.shared.Localizable;
import org.springframework.context.MessageSourceResolvable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;
import org.tongban.web.Problems;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem with a stable type and a
 * localized message a person can act on. Unexpected failures are logged with an incident id that
 * the answer repeats, so support can find the log line; the answer never carries a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;
    private final MessageSource messages;

    private final int maxErrors;

    private final java.time.Duration retryAfter;

    ProblemHandler(Problems problems, MessageSource messages, RequestLimits limits) {
        this.problems = problems;
        this.messages = messages;
        this.maxErrors = limits.problemErrors();
        this.retryAfter = limits.retryAfter();
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e, HttpServletRequest request) {
        return respond(problems.create(e.status(), e.type(), e.detailArgs()), request);
    }

    /** A module's domain rule said no: the code's kind decides the status, its slug the type and texts. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> handleDomain(DomainException e, HttpServletRequest request) {
        HttpStatus status = switch (e.code().kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        ProblemDetail problem = problems.create(status, e.code(), e.args());
        if (!e.errors().isEmpty()) {
            Locale locale = LocaleContextHolder.getLocale();
            // texts in the errors are resolved in the reader's language here, where the language is known
            problem.setProperty("errors", e.errors().stream().map(error -> {
                Map<String, Object> resolved = new LinkedHashMap<>();
                error.forEach((key, value) -> resolved.put(key, value instanceof MessageSourceResolvable text
                        ? messages.getMessage(text, locale)
                        : value instanceof Localizable localizable ? localizable.in(locale) : value));
                return resolved;
            }).toList());
        }
        return respond(problem, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.create(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST), request);
    }

    // Method security throws these after the filters ran; keep the same answers as the filters.
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problems.create(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException e, HttpServletRequest request) {
        return respond(problems.create(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED), request);
    }

    /**
     * A multipart body the server cannot parse (truncated, a NUL byte in a file name, not multipart at all)
     * is the sender's fault: a 400, logged as a warning with the cause's message, without a stack trace.
     * (Too large is {@link MaxUploadSizeExceededException}, a subclass, answered with 413 below.)
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMalformedMultipart(MultipartException e, HttpServletRequest request) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        log.warn("Malformed multipart request on {} {}: {} ({})", request.getMethod(), request.getRequestURI(),
                e.getMessage(), cause == e ? "no cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return respond(problems.create(HttpStatus.BAD_REQUEST, ProblemType.MULTIPART_MALFORMED), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseUnavailable.describe(e));
            ProblemDetail problem = problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                    retryAfter.toSeconds());
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds())).body(problem);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problems.create(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL, incident);
        problem.setProperty("incidentId", incident);
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION_FAILED);
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messages.getMessage(error, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return asObject(respond(problem, request));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION_FAILED);
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                error instanceof FieldError field ? field.getField()
                                        : result.getMethodParameter().getParameterName(),
                                messages.getMessage(error, locale))))
                .toList();
        problem.setProperty("errors", errors);
        return asObject(respond(problem, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                // a body without a declared length that went on beyond the limit
                return asObject(respond(problems.create(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE),
                        request));
            }
        }
        return asObject(respond(problems.create(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(problems.create(HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE), request));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return asObject(respond(problems.create(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND), request));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return asObject(respond(problems.create(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND), request));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(problems.create(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE), request));
    }

    // Anything else Spring MVC raises (missing parameter, not acceptable, ...): keep Spring's status,
    // but give it our type and a localized text instead of Spring's English defaults.
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && !problem.getType().toString().startsWith("urn:tongban:")) {
            ProblemType type = switch (statusCode.value()) {
                case 404 -> ProblemType.NOT_FOUND;
                case 405 -> ProblemType.METHOD_NOT_ALLOWED;
                case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> statusCode.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
            };
            body = problems.create(statusCode, type);
            ((ProblemDetail) body).setInstance(instance(request));
        }
        if (body instanceof ProblemDetail problem) {
            capErrors(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static URI instance(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? URI.create(servlet.getRequest().getRequestURI()) : null;
    }

    /**
     * One problem lists at most {@code tongban.limits.problem-errors} errors (a broken file can have
     * thousands); {@code errorsOmitted} counts the rest.
     */
    void capErrors(ProblemDetail problem) {
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors
                && errors.size() > maxErrors) {
            problem.setProperty("errors", List.copyOf(errors.subList(0, maxErrors)));
            problem.setProperty("errorsOmitted", errors.size() - maxErrors);
        }
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, WebRequest request) {
        capErrors(problem);
        problem.setInstance(instance(request));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        capErrors(problem);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    /** One invalid field: where, and what to do about it. */
    record FieldProblem(String field, String message) {
    }
}
