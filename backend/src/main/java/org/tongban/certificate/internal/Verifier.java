package org.tongban.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.certificate.CertificateProblem;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.identity.Departments;
import org.tongban.shared.DomainException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public verification of a QR code's token, a certificate's JWS or a copy of its PDF. A certificate is genuine
 * when its seal verifies with a registered key of the kid it names, the certificate it names exists, and what the
 * portal holds of it still matches what was sealed (a changed row is caught too); a PDF copy must moreover be
 * byte for byte the PDF the holder downloaded. Only then do revocation and expiry count.
 */
@Component
class Verifier {

    static final int MAX_FILE = 5 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Seals seals;
    private final CertificateRecords records;
    private final Departments departments;
    private final Clock clock;

    Verifier(Seals seals, CertificateRecords records, Departments departments, Clock clock) {
        this.seals = seals;
        this.records = records;
        this.departments = departments;
        this.clock = clock;
    }

    /** A QR code's token. */
    @Transactional(readOnly = true)
    Verification token(String token) {
        if (token == null || token.isBlank() || token.length() > 2000) {
            return Verification.notGenuine("malformed");
        }
        Seals.Check check = seals.check(token, Seals.TOKEN);
        if (check instanceof Seals.NotGenuine not) {
            return Verification.notGenuine(not.reason());
        }
        Seals.Genuine genuine = (Seals.Genuine) check;
        Map<String, Object> claims = json(genuine.payload());
        if (claims == null || !(claims.get("n") instanceof String number) || !(claims.get("h") instanceof String hash)) {
            return Verification.notGenuine("malformed");
        }
        Optional<StoredCertificate> certificate = CertificateNumbers.plausible(number) ? records.find(number)
                : Optional.empty();
        if (certificate.isEmpty()) {
            return Verification.notGenuine("unknown-certificate");
        }
        StoredCertificate stored = certificate.get();
        byte[] sealed = sealedContent(stored);
        if (sealed == null) {
            return Verification.notGenuine("content-mismatch");
        }
        boolean sameCertificate = hash.equals(Seals.sha256(sealed).toString())
                && stored.type().equals(claims.get("t")) && stored.issuerDepartment().equals(claims.get("i"))
                && stored.issuedOn().toString().equals(claims.get("d"));
        return sameCertificate ? outcome(stored) : Verification.notGenuine("content-mismatch");
    }

    /** A certificate PDF (its attached JWS, and its bytes against the stored PDF's) or a bare JWS file. */
    @Transactional(readOnly = true)
    Verification file(byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException(CertificateProblem.UNREADABLE_FILE);
        }
        if (content.length > MAX_FILE) {
            throw new DomainException(CertificateProblem.FILE_TOO_LARGE);
        }
        if (startsWith(content, "%PDF-")) {
            return pdf(content);
        }
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty() || text.length() > 64 * 1024 || !text.matches("[A-Za-z0-9_.-]+")) {
            throw new DomainException(CertificateProblem.UNREADABLE_FILE);
        }
        return signature(text);
    }

    private Verification pdf(byte[] content) {
        String sha256 = CertificateService.hex(Seals.digest(content));
        Optional<String> copyOf = records.numberOfPdf(sha256);
        Optional<String> attached = CertificatePdf.attachedSignature(content);
        if (attached.isEmpty()) {
            return Verification.notGenuine(copyOf.isPresent() ? "content-mismatch" : "no-signature");
        }
        Verification verification = signature(attached.get());
        if (verification.outcome() == Verification.Outcome.NOT_GENUINE) {
            return verification;
        }
        // the signature is genuine, but is the rest of the file the PDF the portal made?
        return copyOf.filter(verification.number()::equals).isPresent() ? verification
                : Verification.notGenuine("altered-copy");
    }

    /** A certificate's full JWS. */
    private Verification signature(String compact) {
        Seals.Check check = seals.check(compact, Seals.CERTIFICATE);
        if (check instanceof Seals.NotGenuine not) {
            return Verification.notGenuine(not.reason());
        }
        Seals.Genuine genuine = (Seals.Genuine) check;
        Map<String, Object> content = json(genuine.payload());
        if (content == null || !(content.get("number") instanceof String number)) {
            return Verification.notGenuine("malformed");
        }
        Optional<StoredCertificate> certificate = CertificateNumbers.plausible(number) ? records.find(number)
                : Optional.empty();
        if (certificate.isEmpty()) {
            return Verification.notGenuine("unknown-certificate");
        }
        byte[] sealed = sealedContent(certificate.get());
        return sealed != null && Arrays.equals(sealed, genuine.payload()) ? outcome(certificate.get())
                : Verification.notGenuine("content-mismatch");
    }

    /**
     * The content the stored certificate's own seal covers, when that seal verifies and still matches the stored
     * row; null otherwise.
     */
    private byte[] sealedContent(StoredCertificate stored) {
        if (!(seals.check(stored.signature(), Seals.CERTIFICATE) instanceof Seals.Genuine genuine)) {
            return null;
        }
        return Arrays.equals(genuine.payload(), stored.canonicalContent()) ? genuine.payload() : null;
    }

    private Verification outcome(StoredCertificate certificate) {
        IssuedCertificate.Status status = certificate.status(clock);
        Verification.Outcome outcome = switch (status) {
            case VALID -> Verification.Outcome.VALID;
            case REVOKED -> Verification.Outcome.REVOKED;
            case EXPIRED -> Verification.Outcome.EXPIRED;
        };
        Verification.Issuer issuer = departments.byCode(certificate.issuerDepartment())
                .map(d -> new Verification.Issuer(d.code(), d.nameZh(), d.nameEn()))
                .orElse(new Verification.Issuer(certificate.issuerDepartment(), null, null));
        Holder holder = certificate.holder();
        String name = holder.kind() == Holder.Kind.PERSON ? HolderNames.mask(holder.name()) : holder.name();
        LocalDate validUntil = certificate.validUntil();
        return new Verification(outcome, null, certificate.number(), certificate.type(), certificate.typeName(),
                issuer, holder.kind().name().toLowerCase(java.util.Locale.ROOT), name, certificate.issuedOn(),
                validUntil, certificate.revoked() ? certificate.revokedAt() : null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] payload) {
        try {
            return JSON.readValue(payload, Map.class);
        } catch (JacksonException | ClassCastException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
        return content.length >= expected.length
                && Arrays.equals(Arrays.copyOf(content, expected.length), expected);
    }
}
