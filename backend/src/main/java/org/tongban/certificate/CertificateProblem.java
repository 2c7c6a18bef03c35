package org.tongban.certificate;

import org.tongban.shared.ProblemCode;

/** Why the certificate module refused something. */
public enum CertificateProblem implements ProblemCode {
    /** No such certificate, or not one the caller may know of. */
    NOT_FOUND("not-found", Kind.NOT_FOUND),
    /** Only an administrator of the issuing department may revoke a certificate. */
    NOT_ISSUER("certificate-not-issuer", Kind.FORBIDDEN),
    /** The certificate is already revoked. */
    ALREADY_REVOKED("certificate-already-revoked", Kind.CONFLICT),
    /** A revocation needs a reason (at most 500 characters). */
    REASON_REQUIRED("certificate-reason-required", Kind.INVALID),
    /** The file to verify is empty, or neither a certificate PDF nor a signature file. */
    UNREADABLE_FILE("certificate-unreadable-file", Kind.INVALID),
    /** The file to verify is larger than any certificate PDF. */
    FILE_TOO_LARGE("certificate-file-too-large", Kind.TOO_LARGE),
    /** An issue request without what a certificate needs (a programming error of the caller). */
    INVALID_ISSUE_REQUEST("certificate-invalid-issue-request", Kind.INVALID);

    private final String slug;
    private final Kind kind;

    CertificateProblem(String slug, Kind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
