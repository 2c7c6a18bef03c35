package org.tongban.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.audit.DataUse;

/**
 * The data exchange between departments. Reads for an application happen with the applicant's consent and are
 * recorded in the person's data-use record in the caller's transaction; a person looking at their own records is not
 * a department's read and is not recorded.
 */
public interface DataExchange {

    /** A dataset's records about a person or an enterprise, for that person to see and choose from. */
    List<SharedRecord> recordsAbout(String dataset, Subject subject);

    /**
     * Reads one record for an application on behalf of the department that processes it, with the applicant's
     * consent: recorded as that department's read, and bound to the application.
     *
     * @param key the record chosen (null when the subject has exactly one)
     * @throws org.tongban.shared.DomainException when there is no such record for the subject
     */
    BoundRecord bind(Use use, String dataset, Subject subject, String key);

    /**
     * Writes a record into a department's register for an application (a workflow's record step), bound to the
     * application as written.
     */
    BoundRecord write(Use use, String dataset, Map<String, Object> values);

    /** What is bound to an application, newest binding of each dataset, for the applicant's own pages. */
    List<BoundRecord> boundTo(String applicationId);

    /**
     * What is bound to an application, as an official opens it: only these datasets, each opening recorded.
     */
    List<BoundRecord> open(Use use, Set<String> datasets);

    /**
     * Who uses the data for which application and why: the official (or "system" for an automatic step), their
     * department, whose data it is.
     */
    record Use(String applicationId, String applicationNumber, DataUse.Owner owner, String actor, String actorName,
            String department, String purpose, String step) {
    }
}
