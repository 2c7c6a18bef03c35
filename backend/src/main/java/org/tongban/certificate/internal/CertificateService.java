package org.tongban.certificate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.DataAccessLog;
import org.tongban.audit.DataUse;
import org.tongban.certificate.CertificateIssued;
import org.tongban.certificate.CertificateProblem;
import org.tongban.certificate.CertificateRevoked;
import org.tongban.certificate.Certificates;
import org.tongban.certificate.Field;
import org.tongban.certificate.Holder;
import org.tongban.certificate.IssueRequest;
import org.tongban.certificate.IssuedCertificate;
import org.tongban.identity.Departments;
import org.tongban.identity.Person;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;

/**
 * The rules of certificates: issuing exactly once per application and type, the holder's wallet (only the
 * holder sees a certificate; anyone else is told it does not exist), the PDF made once, revocation by an
 * administrator of the issuing department, and the administrators' search, each certificate shown recorded in
 * the audit log.
 */
@Service
class CertificateService implements Certificates {

    private final CertificateRecords records;
    private final Seals seals;
    private final CertificatePdf pdfs;
    private final PublicAddress address;
    private final Departments departments;
    private final DataAccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;
    private final CertificateNumbers numbers = new CertificateNumbers();

    CertificateService(CertificateRecords records, Seals seals, CertificatePdf pdfs, PublicAddress address,
            Departments departments, DataAccessLog accessLog, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.records = records;
        this.seals = seals;
        this.pdfs = pdfs;
        this.address = address;
        this.departments = departments;
        this.accessLog = accessLog;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.clock = clock;
    }

    // ---- the API for other modules ----

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedCertificate issue(IssueRequest request) {
        check(request);
        // always through the insert: a plain read first could miss a certificate committed after this
        // transaction's snapshot (repeatable read) and would then insert into the duplicate anyway
        for (int attempt = 0; attempt < 5; attempt++) {
            StoredCertificate certificate = seal(request);
            records.insertOrCount(certificate);
            // the row this transaction wrote or counted: ours, or the one a concurrent call committed first
            Optional<StoredCertificate> stored = records.ofApplication(request.applicationId(), request.type());
            if (stored.isEmpty()) {
                continue; // the number belongs to another certificate already: draw another
            }
            if (stored.get().number().equals(certificate.number())) {
                events.publishEvent(new CertificateIssued(certificate.number(), certificate.type(),
                        certificate.typeName(), certificate.holder(), certificate.applicationId(),
                        certificate.applicationNumber()));
            }
            return stored.get().view(clock);
        }
        throw new IllegalStateException("No free certificate number after 5 attempts");
    }

    @Override
    @Transactional(readOnly = true)
    public List<IssuedCertificate> heldBy(Holder holder, String type) {
        if (holder == null || holder.kind() == null || holder.idNumber() == null || type == null) {
            return List.of();
        }
        return records.heldBy(holder.kind(), holder.idNumber(), type, today()).stream().map(c -> c.view(clock))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IssuedCertificate> byNumber(String number) {
        return CertificateNumbers.plausible(number) ? records.find(number).map(c -> c.view(clock)) : Optional.empty();
    }

    private StoredCertificate seal(IssueRequest request) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = numbers.next(issuedAt);
        byte[] content = CanonicalJson.bytes(StoredCertificate.content(number,
                request.type(), request.typeName(), request.issuerDepartment(), request.holder(), request.fields(),
                issuedAt, request.validUntil()));
        Seals.Signed signed = seals.sign(content);
        String token = seals.token(number, request.type(), request.issuerDepartment(),
                issuedAt.atZone(StoredCertificate.ZONE).toLocalDate(), content);
        return new StoredCertificate(number, request.applicationId(), request.applicationNumber(), request.type(),
                request.typeName(), request.issuerDepartment(), request.holder(), request.fields(), issuedAt,
                request.validUntil(), false, null, null, null, signed.compact(), signed.keyId(), token);
    }

    private static void check(IssueRequest request) {
        List<String> wrong = new ArrayList<>();
        if (blank(request.applicationId()) || request.applicationId().length() > 36) {
            wrong.add("applicationId");
        }
        if (request.applicationNumber() != null && request.applicationNumber().length() > 32) {
            wrong.add("applicationNumber");
        }
        if (blank(request.type()) || request.type().length() > 100) {
            wrong.add("type");
        }
        if (request.typeName() == null || blank(request.typeName().zh())) {
            wrong.add("typeName");
        }
        if (blank(request.issuerDepartment()) || request.issuerDepartment().length() > 64) {
            wrong.add("issuerDepartment");
        }
        Holder holder = request.holder();
        if (holder == null || holder.kind() == null || blank(holder.idNumber()) || holder.idNumber().length() > 32
                || blank(holder.name()) || holder.name().length() > 200
                || (holder.subject() != null && holder.subject().length() > 100)) {
            wrong.add("holder");
        }
        Set<String> codes = new HashSet<>();
        for (Field field : request.fields()) {
            if (field == null || blank(field.code()) || !codes.add(field.code()) || field.label() == null
                    || blank(field.label().zh()) || !printable(field.value())) {
                wrong.add("fields");
                break;
            }
        }
        if (!wrong.isEmpty()) {
            throw new DomainException(CertificateProblem.INVALID_ISSUE_REQUEST,
                    wrong.stream().map(name -> Map.<String, Object>of("field", name)).toList(), String.join(", ", wrong));
        }
    }

    private static boolean printable(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof LocalDate) {
            return true;
        }
        if (value instanceof Number number) {
            try {
                CanonicalJson.number(number);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return value instanceof Collection<?> items && items.stream()
                .allMatch(item -> !(item instanceof Collection<?>) && printable(item));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(StoredCertificate.ZONE));
    }

    // ---- the holder's wallet ----

    /** Whose certificates a person holds: a business user their enterprise's, anyone else their own. */
    static Optional<Holder> walletOf(Person person) {
        if (person.hasRole(Role.BUSINESS) && person.enterprise().isPresent()) {
            return person.enterprise().map(e -> Holder.enterprise(e.uscc().value(), e.name(), null));
        }
        return person.nationalId().map(id -> Holder.person(id.value(), person.displayName(), person.subject()));
    }

    @Transactional(readOnly = true)
    List<StoredCertificate> wallet(Person person) {
        return walletOf(person).map(holder -> records.heldBy(holder.kind(), holder.idNumber(), null, null))
                .orElse(List.of());
    }

    /** One of the person's certificates; NOT_FOUND for anyone but the holder, never telling that it exists. */
    @Transactional(readOnly = true)
    StoredCertificate held(Person person, String number) {
        Holder holder = walletOf(person).orElseThrow(() -> new DomainException(CertificateProblem.NOT_FOUND));
        return (CertificateNumbers.plausible(number) ? records.find(number) : Optional.<StoredCertificate>empty())
                .filter(c -> c.holder().kind() == holder.kind() && c.holder().idNumber().equals(holder.idNumber()))
                .orElseThrow(() -> new DomainException(CertificateProblem.NOT_FOUND));
    }

    /**
     * The certificate's PDF: made at the first download and stored, so later downloads and verifications of a
     * copy see the same bytes. Drawn outside any transaction; of two first downloads at once, the first stored
     * wins and both answer its bytes.
     */
    CertificateRecords.Pdf pdf(StoredCertificate certificate) {
        Optional<CertificateRecords.Pdf> stored = reads.execute(status -> records.pdf(certificate.number()));
        if (stored.isPresent()) {
            return stored.get();
        }
        Instant now = clock.instant();
        byte[] content = pdfs.render(certificate, new CertificatePdf.Extras(
                departments.byCode(certificate.issuerDepartment()),
                address.verificationUrl(certificate.verificationToken()), address.base() + "/verify", now));
        CertificateRecords.Pdf pdf = new CertificateRecords.Pdf(content, hex(Seals.digest(content)));
        try {
            transactions.executeWithoutResult(status -> records.insertPdf(certificate.number(), pdf, now));
            return pdf;
        } catch (DuplicateKeyException e) {
            return reads.execute(status -> records.pdf(certificate.number())).orElseThrow(() -> e);
        }
    }

    String verificationUrl(StoredCertificate certificate) {
        return address.verificationUrl(certificate.verificationToken());
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    // ---- the issuing department ----

    /** A page of the certificates the admin's departments issued; every certificate shown is recorded. */
    @Transactional
    AdminPage issued(Person admin, String q, int page, int size) {
        List<String> own = admin.departments();
        if (own.isEmpty()) {
            return new AdminPage(List.of(), page, size, 0);
        }
        List<StoredCertificate> items = records.issuedBy(own, q, page, size);
        long total = items.isEmpty() && page == 0 ? 0 : records.countIssuedBy(own, q);
        items.forEach(certificate -> recordLookup(admin, certificate, "certificate-list"));
        return new AdminPage(items, page, size, total);
    }

    record AdminPage(List<StoredCertificate> items, int page, int size, long total) {
    }

    /** One certificate of the admin's departments, recorded in the audit log. */
    @Transactional
    StoredCertificate lookUp(Person admin, String number) {
        StoredCertificate certificate = existing(number);
        if (!admin.belongsTo(certificate.issuerDepartment())) {
            throw new DomainException(CertificateProblem.NOT_ISSUER);
        }
        recordLookup(admin, certificate, "certificate-lookup");
        return certificate;
    }

    /**
     * Revokes a certificate for the issuing department; the holder hears of it through {@link CertificateRevoked}.
     */
    @Transactional
    StoredCertificate revoke(Person admin, String number, String reason) {
        StoredCertificate certificate = existing(number);
        if (!admin.hasRole(Role.DEPT_ADMIN) || !admin.belongsTo(certificate.issuerDepartment())) {
            throw new DomainException(CertificateProblem.NOT_ISSUER);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new DomainException(CertificateProblem.REASON_REQUIRED);
        }
        if (!records.revoke(number, clock.instant(), admin.subject(), why)) {
            throw new DomainException(CertificateProblem.ALREADY_REVOKED);
        }
        events.publishEvent(new CertificateRevoked(number, certificate.type(), certificate.typeName(),
                certificate.holder(), certificate.issuerDepartment(), why));
        return records.find(number).orElseThrow();
    }

    private StoredCertificate existing(String number) {
        return (CertificateNumbers.plausible(number) ? records.find(number) : Optional.<StoredCertificate>empty())
                .orElseThrow(() -> new DomainException(CertificateProblem.NOT_FOUND));
    }

    private void recordLookup(Person admin, StoredCertificate certificate, String purpose) {
        Holder holder = certificate.holder();
        DataUse.Owner owner = holder.kind() == Holder.Kind.ENTERPRISE ? DataUse.Owner.enterprise(holder.idNumber())
                : DataUse.Owner.person(holder.idNumber(), holder.subject());
        accessLog.record(new DataUse(owner, certificate.applicationId(), certificate.applicationNumber(),
                admin.subject(), admin.displayName(), certificate.issuerDepartment(),
                DataUse.Kind.CERTIFICATE_LOOKUP, purpose, certificate.type(),
                List.of("number", "holder", "status"), null));
    }
}
