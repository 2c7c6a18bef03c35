package org.tongban.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An issued certificate as the portal holds it.
 *
 * @param status           {@code EXPIRED} is computed from {@code validUntil} against the portal's clock
 * @param revokedAt        when the issuing department revoked it, else null
 * @param revocationReason why, as the department wrote it, else null
 */
public record IssuedCertificate(String number, String type, Text typeName, String issuerDepartment, Holder holder,
        List<Field> fields, Instant issuedAt, LocalDate validUntil, Status status, String applicationId,
        String applicationNumber, Instant revokedAt, String revocationReason) {

    public IssuedCertificate {
        fields = List.copyOf(fields);
    }

    /** Valid; revoked by the issuing department; or past its last day of validity. */
    public enum Status {
        VALID, REVOKED, EXPIRED
    }
}
