package org.tongban.exchange.internal;

import org.tongban.shared.ProblemCode;

/** Why the exchange refused. */
enum ExchangeProblem implements ProblemCode {
    /** The catalogue has no such dataset. */
    UNKNOWN_DATASET("exchange-unknown-dataset", Kind.NOT_FOUND),
    /** The person or enterprise has no such record (any more). */
    NO_SUCH_RECORD("exchange-no-record", Kind.CONFLICT),
    /** A value names a field the dataset does not have. */
    UNKNOWN_FIELD("exchange-unknown-field", Kind.INVALID),
    /** A required field is missing. */
    RECORD_INCOMPLETE("exchange-record-incomplete", Kind.INVALID),
    /** A value does not fit its field (a date that is not a date). */
    BAD_VALUE("exchange-bad-value", Kind.INVALID),
    /** The record exists already. */
    ALREADY_RECORDED("exchange-already-recorded", Kind.CONFLICT),
    /** The dataset is not written through the exchange (certificates are issued, not written). */
    NOT_WRITABLE("exchange-not-writable", Kind.CONFLICT),
    /** Only the department that holds the dataset keeps it. */
    NOT_YOUR_DATASET("exchange-not-your-dataset", Kind.FORBIDDEN);

    private final String slug;
    private final Kind kind;

    ExchangeProblem(String slug, Kind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
