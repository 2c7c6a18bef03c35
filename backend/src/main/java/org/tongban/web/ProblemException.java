package org.tongban.web;

import org.springframework.http.HttpStatus;

/**
 * Thrown by any module to answer with a problem of a stable type; the web module renders it in the
 * request's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;
    private final transient Object[] detailArgs;

    public ProblemException(HttpStatus status, ProblemType type, Object... detailArgs) {
        super(type.name());
        this.status = status;
        this.type = type;
        this.detailArgs = detailArgs;
    }

    public static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public Object[] detailArgs() {
        return detailArgs;
    }
}
