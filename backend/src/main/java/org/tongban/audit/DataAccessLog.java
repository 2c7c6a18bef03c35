package org.tongban.audit;

import java.time.Instant;
import java.util.List;

/** Records and lists openings of personal data. */
public interface DataAccessLog {

    /** Records that an official opened an application's data for a purpose (e.g. "process-step"). */
    void record(String applicationId, String actor, String actorName, String actorDepartment, String purpose,
            String step, List<String> fields);

    List<Access> of(String applicationId);

    /** One recorded opening. */
    record Access(String applicationId, String actor, String actorName, String actorDepartment, String purpose,
            String step, String fields, Instant at) {
    }
}
