package org.tongban.shared;

import java.util.List;
import java.util.Map;

/**
 * A domain rule refused: thrown by modules' services and aggregates, never carrying HTTP. The web
 * module renders it as a problem of the code's type, in the request's language; {@code args} fill the
 * detail text and {@code errors} (field, message) list what exactly is wrong when there is more than
 * one thing.
 */
public class DomainException extends RuntimeException {

    private final ProblemCode code;
    private final transient Object[] args;
    private final transient List<Map<String, Object>> errors;

    public DomainException(ProblemCode code, Object... args) {
        this(code, List.of(), args);
    }

    public DomainException(ProblemCode code, List<Map<String, Object>> errors, Object... args) {
        super(code.slug());
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public ProblemCode code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
