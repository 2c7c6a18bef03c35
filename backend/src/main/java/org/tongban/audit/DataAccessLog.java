package org.tongban.audit;

import java.time.Instant;
import java.util.List;

/**
 * The record of every use of people's and enterprises' data. Callers record a use in the transaction that
 * reads the data, before the data leaves the server; nothing recorded is changed or removed.
 */
public interface DataAccessLog {

    /** Records one use, in the caller's transaction. */
    void record(DataUse use);

    /** Every use of one application's data, oldest first (for officials' and tests' eyes). */
    List<Recorded> ofApplication(String applicationId);

    /**
     * The uses of a person's data (their resident ID number or portal subject) and of their enterprise's, newest
     * first, within [from, to) and, when given, by one department.
     */
    List<Recorded> ofOwner(String nationalId, String subject, String enterprise, Instant from, Instant to,
            String department, int limit);

    /** A recorded use. */
    record Recorded(long id, Instant at, DataUse use) {
    }
}
