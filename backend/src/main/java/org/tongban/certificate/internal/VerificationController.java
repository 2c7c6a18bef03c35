package org.tongban.certificate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.certificate.CertificateProblem;
import org.tongban.shared.DomainException;

/**
 * Public verification, without signing in: anyone holding a QR code, a PDF copy or a signature file can learn
 * whether the certificate is genuine and still valid. Answers carry no personal data beyond a masked name.
 */
@RestController
@Tag(name = "Certificate verification")
class VerificationController {

    private final Verifier verifier;
    private final SigningKeys keys;

    VerificationController(Verifier verifier, SigningKeys keys) {
        this.verifier = verifier;
        this.keys = keys;
    }

    /** The token of a QR code (the part after {@code #t=} of its link). */
    record TokenRequest(@NotBlank @Size(max = 2000) String token) {
    }

    @PostMapping("/api/v1/certificates/verification")
    @Operation(summary = "Verify a certificate's QR code token: valid, revoked, expired or not-genuine")
    CertificateViews.VerificationView verifyToken(@Valid @RequestBody TokenRequest request) {
        return CertificateViews.VerificationView.of(verifier.token(request.token()));
    }

    @PostMapping(value = "/api/v1/certificates/verification/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify a certificate PDF (its attached signature, and that it is the unaltered PDF) "
            + "or its certificate.jws file")
    CertificateViews.VerificationView verifyFile(@RequestParam("file") MultipartFile file) {
        if (file.getSize() > Verifier.MAX_FILE) {
            throw new DomainException(CertificateProblem.FILE_TOO_LARGE);
        }
        try {
            return CertificateViews.VerificationView.of(verifier.file(file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/certificates/verification/keys")
    @Operation(summary = "Every public key that has signed certificates (JWK set), for offline verification")
    Map<String, Object> keys() {
        return SigningKeys.publicJwkSet(keys.all());
    }
}
