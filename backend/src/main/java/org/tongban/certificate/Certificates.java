package org.tongban.certificate;

import java.util.List;
import java.util.Optional;

/** The certificate module's API for other modules: issue, and find what a holder already has. */
public interface Certificates {

    /**
     * Issues a certificate for an application, in the caller's transaction (there must be one). Idempotent per
     * (applicationId, type): a second call — a retry, a concurrent approval — answers the certificate already
     * issued and issues nothing. Publishes {@link CertificateIssued} in the same transaction when it issues.
     *
     * @throws org.tongban.shared.DomainException ({@link CertificateProblem#INVALID_ISSUE_REQUEST}) when the
     *                                            request lacks what a certificate needs
     */
    IssuedCertificate issue(IssueRequest request);

    /**
     * The valid (not revoked, not expired) certificates of a type held by a person (by resident ID number) or an
     * enterprise (by unified social credit code), newest first. Only the holder's kind and ID number are used.
     */
    List<IssuedCertificate> heldBy(Holder holder, String type);

    Optional<IssuedCertificate> byNumber(String number);
}
