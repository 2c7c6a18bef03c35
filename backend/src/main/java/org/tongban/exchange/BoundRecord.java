package org.tongban.exchange;

import java.time.Instant;

/**
 * A record bound to an application: read with the applicant's consent ({@code shared}) or written by one of its
 * steps ({@code written}), as it was then — the provenance the clerk and the applicant see.
 *
 * @param department the department it was read for (or that wrote it)
 * @param purpose    why, as the definition declared it
 */
public record BoundRecord(SharedRecord record, String origin, String department, String purpose, Instant boundAt) {

    public static final String SHARED = "shared";
    public static final String WRITTEN = "written";
}
