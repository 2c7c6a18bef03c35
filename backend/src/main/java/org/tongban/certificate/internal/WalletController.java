package org.tongban.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Departments;
import org.tongban.identity.Person;

/**
 * 我的证照: a citizen's certificates, or a business user's enterprise's. Only the holder sees a certificate;
 * anyone else gets 404, as if it did not exist.
 */
@RestController
@Tag(name = "Certificates")
class WalletController {

    private final CertificateService certificates;
    private final CurrentPerson currentPerson;
    private final Departments departments;
    private final Clock clock;

    WalletController(CertificateService certificates, CurrentPerson currentPerson, Departments departments,
            Clock clock) {
        this.certificates = certificates;
        this.currentPerson = currentPerson;
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/api/v1/certificates")
    @Operation(summary = "My certificates (a business user: the enterprise's), newest first")
    List<CertificateViews.Summary> wallet() {
        Person person = currentPerson.require();
        return certificates.wallet(person).stream()
                .map(certificate -> CertificateViews.Summary.of(certificate, departments, clock)).toList();
    }

    @GetMapping("/api/v1/certificates/{number}")
    @Operation(summary = "One of my certificates, with its fields and the QR code's verification link")
    CertificateViews.Detail detail(@PathVariable String number) {
        StoredCertificate certificate = certificates.held(currentPerson.require(), number);
        return CertificateViews.Detail.of(certificate, departments, clock, certificates.verificationUrl(certificate));
    }

    @GetMapping(value = "/api/v1/certificates/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The PDF of one of my certificates (the same bytes at every download)")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        StoredCertificate certificate = certificates.held(currentPerson.require(), number);
        CertificateRecords.Pdf pdf = certificates.pdf(certificate);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(certificate.typeName().zh() + "-" + certificate.number() + ".pdf",
                                StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .eTag("\"" + pdf.sha256() + "\"")
                .body(pdf.content());
    }

    @GetMapping(value = "/api/v1/certificates/{number}/qr", produces = "image/svg+xml")
    @Operation(summary = "The QR code of one of my certificates, as SVG: it links to the public verification page")
    ResponseEntity<String> qr(@PathVariable String number) {
        StoredCertificate certificate = certificates.held(currentPerson.require(), number);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noStore())
                .body(QrSvg.of(CertificatePdf.matrix(certificates.verificationUrl(certificate))));
    }
}
