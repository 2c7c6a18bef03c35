package org.tongban.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * What to issue, for which application.
 *
 * @param type             the certificate type of the service's definition ({@code service.certificate})
 * @param issuerDepartment the code of the issuing department (the service's department)
 * @param fields           the answers the definition puts on the certificate, in the order to print them
 * @param validUntil       the last day of validity, or null when the certificate does not expire
 */
public record IssueRequest(String applicationId, String applicationNumber, String type, Text typeName,
        String issuerDepartment, Holder holder, List<Field> fields, LocalDate validUntil) {

    public IssueRequest {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
