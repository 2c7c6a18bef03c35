/**
 * Certificate (电子证照): the e-certificates the portal issues when an application's workflow reaches an
 * {@code issue-certificate} step. Owns issuing (exactly once per application and type, in the caller's
 * transaction), the portal's signature over each certificate (ES256 JWS over a canonical form, with rotating
 * keys whose public halves are kept for good), the PDF with its QR code, public verification (valid / revoked /
 * expired / not genuine, the holder's name masked), the holder's wallet (我的证照) and revocation by the issuing
 * department.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificate",
        allowedDependencies = { "identity", "audit", "web", "shared" })
package org.tongban.certificate;
