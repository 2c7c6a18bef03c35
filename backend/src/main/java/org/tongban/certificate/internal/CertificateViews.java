package org.tongban.certificate.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tongban.certificate.Holder;
import org.tongban.certificate.Text;
import org.tongban.identity.Department;
import org.tongban.identity.Departments;

/** The JSON shapes of the certificate API. */
final class CertificateViews {

    private CertificateViews() {
    }

    /** The issuing department by code, with its names. */
    record Issuer(String code, String nameZh, String nameEn) {

        static Issuer of(String code, Departments departments) {
            Optional<Department> department = departments.byCode(code);
            return new Issuer(code, department.map(Department::nameZh).orElse(null),
                    department.map(Department::nameEn).orElse(null));
        }
    }

    /** A certificate in a list. {@code status}: valid, revoked or expired. */
    record Summary(String number, String type, Text typeName, Issuer issuer, Instant issuedAt, LocalDate issuedOn,
            LocalDate validUntil, String status) {

        static Summary of(StoredCertificate certificate, Departments departments, Clock clock) {
            return new Summary(certificate.number(), certificate.type(), certificate.typeName(),
                    Issuer.of(certificate.issuerDepartment(), departments), certificate.issuedAt(),
                    certificate.issuedOn(), certificate.validUntil(), statusOf(certificate, clock));
        }
    }

    record HolderView(String kind, String idNumber, String name) {

        static HolderView of(Holder holder) {
            return new HolderView(kindOf(holder), holder.idNumber(), holder.name());
        }
    }

    record FieldView(String code, Text label, Object value) {
    }

    /**
     * A certificate in full, for its holder: with the QR code's token and link ({@code verificationUrl}), and, when
     * revoked, when and why.
     */
    record Detail(String number, String type, Text typeName, Issuer issuer, HolderView holder, List<FieldView> fields,
            Instant issuedAt, LocalDate issuedOn, LocalDate validUntil, String status, String applicationNumber,
            Instant revokedAt, String revocationReason, String verificationToken, String verificationUrl) {

        static Detail of(StoredCertificate certificate, Departments departments, Clock clock, String verificationUrl) {
            return new Detail(certificate.number(), certificate.type(), certificate.typeName(),
                    Issuer.of(certificate.issuerDepartment(), departments), HolderView.of(certificate.holder()),
                    certificate.fields().stream().map(f -> new FieldView(f.code(), f.label(), f.value())).toList(),
                    certificate.issuedAt(), certificate.issuedOn(), certificate.validUntil(),
                    statusOf(certificate, clock), certificate.applicationNumber(), certificate.revokedAt(),
                    certificate.revocationReason(), certificate.verificationToken(), verificationUrl);
        }
    }

    /** A certificate in the issuing department's list: the holder's resident ID number masked but its last four. */
    record AdminItem(String number, String type, Text typeName, String issuerDepartment, String holderKind,
            String holderName, String holderIdNumber, String applicationNumber, Instant issuedAt,
            LocalDate validUntil, String status, Instant revokedAt) {

        static AdminItem of(StoredCertificate certificate, Clock clock) {
            Holder holder = certificate.holder();
            String id = holder.kind() == Holder.Kind.PERSON ? maskId(holder.idNumber()) : holder.idNumber();
            return new AdminItem(certificate.number(), certificate.type(), certificate.typeName(),
                    certificate.issuerDepartment(), kindOf(holder), holder.name(), id,
                    certificate.applicationNumber(), certificate.issuedAt(), certificate.validUntil(),
                    statusOf(certificate, clock), certificate.revokedAt());
        }
    }

    record AdminPage(List<AdminItem> items, int page, int size, long total) {
    }

    /** An administrator's look-up: the certificate in full, with who revoked it. */
    record AdminDetail(Detail certificate, String revokedBy) {
    }

    /** Public verification's answer. {@code outcome}: valid, revoked, expired or not-genuine. */
    record VerificationView(String outcome, String reason, String number, String type, Text typeName,
            Verification.Issuer issuer, String holderKind, String holderName, LocalDate issuedOn,
            LocalDate validUntil, Instant revokedAt) {

        static VerificationView of(Verification verification) {
            return new VerificationView(verification.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    verification.reason(), verification.number(), verification.type(), verification.typeName(),
                    verification.issuer(), verification.holderKind(), verification.holderName(),
                    verification.issuedOn(), verification.validUntil(), verification.revokedAt());
        }
    }

    static String statusOf(StoredCertificate certificate, Clock clock) {
        return certificate.status(clock).name().toLowerCase(Locale.ROOT);
    }

    static String kindOf(Holder holder) {
        return holder.kind().name().toLowerCase(Locale.ROOT);
    }

    static String maskId(String id) {
        if (id == null || id.length() <= 4) {
            return id;
        }
        return "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
    }
}
