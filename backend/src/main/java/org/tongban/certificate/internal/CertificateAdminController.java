package org.tongban.certificate.internal;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Departments;
import org.tongban.identity.Person;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;

/**
 * The issuing department's side: its administrators find the certificates their departments issued (each one
 * shown is recorded in the audit log) and revoke one, with a reason the holder is told.
 */
@RestController
@Tag(name = "Certificate administration")
@PreAuthorize("hasRole('dept-admin')")
class CertificateAdminController {

    private final CertificateService certificates;
    private final CurrentPerson currentPerson;
    private final Departments departments;
    private final Clock clock;

    CertificateAdminController(CertificateService certificates, CurrentPerson currentPerson, Departments departments,
            Clock clock) {
        this.certificates = certificates;
        this.currentPerson = currentPerson;
        this.departments = departments;
        this.clock = clock;
    }

    record Revocation(String reason) {
    }

    @GetMapping("/api/v1/certificate-admin/certificates")
    @Operation(summary = "Certificates issued by my departments, newest first; q finds a number or a holder's name")
    CertificateViews.AdminPage issued(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000 || size < 1 || size > 100 || (q != null && q.length() > 100)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST);
        }
        CertificateService.AdminPage result = certificates.issued(currentPerson.require(), q, page, size);
        return new CertificateViews.AdminPage(result.items().stream()
                .map(certificate -> CertificateViews.AdminItem.of(certificate, clock)).toList(), result.page(),
                result.size(), result.total());
    }

    @GetMapping("/api/v1/certificate-admin/certificates/{number}")
    @Operation(summary = "One certificate my departments issued, in full")
    CertificateViews.AdminDetail lookUp(@PathVariable String number) {
        return detail(certificates.lookUp(currentPerson.require(), number));
    }

    @PostMapping("/api/v1/certificate-admin/certificates/{number}/revocation")
    @Operation(summary = "Revoke a certificate my department issued; the reason is told to the holder")
    CertificateViews.AdminDetail revoke(@PathVariable String number, @RequestBody Revocation revocation) {
        Person admin = currentPerson.require();
        return detail(certificates.revoke(admin, number, revocation.reason()));
    }

    private CertificateViews.AdminDetail detail(StoredCertificate certificate) {
        return new CertificateViews.AdminDetail(CertificateViews.Detail.of(certificate, departments, clock,
                certificates.verificationUrl(certificate)), certificate.revokedBy());
    }
}
