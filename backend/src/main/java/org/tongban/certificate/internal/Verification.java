package org.tongban.certificate.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.tongban.certificate.Text;

/**
 * What public verification tells: the outcome and, for a genuine certificate, what it says, with the holder's
 * name masked. A revoked certificate shows when it was revoked, not why: the department's reason may be about the
 * holder, and it is told to the holder only.
 *
 * @param outcome valid, revoked, expired or not genuine
 * @param reason  for a certificate that is not genuine, why (a stable code: {@code malformed}, {@code unknown-key},
 *                {@code bad-signature}, {@code unknown-certificate}, {@code content-mismatch}, {@code altered-copy},
 *                {@code no-signature}); null otherwise
 */
record Verification(Outcome outcome, String reason, String number, String type, Text typeName, Issuer issuer,
        String holderKind, String holderName, LocalDate issuedOn, LocalDate validUntil, Instant revokedAt) {

    /** The four answers of verification. */
    enum Outcome {
        VALID, REVOKED, EXPIRED, NOT_GENUINE
    }

    /** The issuing department, by code and name. */
    record Issuer(String code, String nameZh, String nameEn) {
    }

    static Verification notGenuine(String reason) {
        return new Verification(Outcome.NOT_GENUINE, reason, null, null, null, null, null, null, null, null, null);
    }
}
