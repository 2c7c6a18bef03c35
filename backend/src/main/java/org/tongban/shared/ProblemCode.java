package org.tongban.shared;

/**
 * A reason a domain rule refused something, as a stable code: the {@code slug} names the problem
 * ({@code urn:tongban:problem:<slug>}, texts under {@code problem.<slug>.title/detail} in both
 * languages), the {@link Kind} says what sort of refusal it is. Each module lists its own codes in an
 * enum implementing this.
 */
public interface ProblemCode {

    /** What sort of refusal: the web module maps it to an HTTP status. */
    enum Kind {
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The caller may not do this. */
        FORBIDDEN,
        /** Not possible in the thing's current state, or someone else acted first. */
        CONFLICT,
        /** The request itself is wrong; the caller can correct it. */
        INVALID,
        /** Too large. */
        TOO_LARGE,
        /** Content of a kind that is not accepted here. */
        UNSUPPORTED_TYPE
    }

    String slug();

    Kind kind();
}
