package org.tongban.certificate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.certificate.Text;

/** A certificate as stored, with its seal. */
record StoredCertificate(String number, String applicationId, String applicationNumber, String type, Text typeName,
        String issuerDepartment, Holder holder, List<Field> fields, Instant issuedAt, LocalDate validUntil,
        boolean revoked, Instant revokedAt, String revokedBy, String revocationReason, String signature, String keyId,
        String verificationToken) {

    /** Certificates are Chinese documents: their dates are Beijing's. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The signed content format; a new format gets a new number, old certificates keep theirs. */
    static final int FORMAT = 1;

    LocalDate issuedOn() {
        return issuedAt.atZone(ZONE).toLocalDate();
    }

    IssuedCertificate.Status status(Clock clock) {
        if (revoked) {
            return IssuedCertificate.Status.REVOKED;
        }
        return expired(clock) ? IssuedCertificate.Status.EXPIRED : IssuedCertificate.Status.VALID;
    }

    /** Valid through its last day, Beijing time. */
    boolean expired(Clock clock) {
        return validUntil != null && LocalDate.now(clock.withZone(ZONE)).isAfter(validUntil);
    }

    IssuedCertificate view(Clock clock) {
        return new IssuedCertificate(number, type, typeName, issuerDepartment, holder, fields, issuedAt, validUntil,
                status(clock), applicationId, applicationNumber, revokedAt, revocationReason);
    }

    /** What the seal covers, as the canonical form writes it. */
    byte[] canonicalContent() {
        return CanonicalJson.bytes(content(number, type, typeName, issuerDepartment, holder, fields, issuedAt,
                validUntil));
    }

    static Map<String, Object> content(String number, String type, Text typeName, String issuerDepartment,
            Holder holder, List<Field> fields, Instant issuedAt, LocalDate validUntil) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : fields) {
            values.put(field.code(), field.value());
        }
        Map<String, Object> holderContent = new LinkedHashMap<>();
        holderContent.put("kind", holder.kind().name().toLowerCase(Locale.ROOT));
        holderContent.put("id", holder.idNumber());
        holderContent.put("name", holder.name());
        Map<String, Object> typeNames = new LinkedHashMap<>();
        typeNames.put("zh", typeName.zh());
        typeNames.put("en", typeName.en());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("format", FORMAT);
        content.put("number", number);
        content.put("type", type);
        content.put("typeName", typeNames);
        content.put("issuer", issuerDepartment);
        content.put("holder", holderContent);
        content.put("issuedAt", issuedAt.toString());
        content.put("validUntil", validUntil);
        content.put("fields", values);
        return content;
    }
}
