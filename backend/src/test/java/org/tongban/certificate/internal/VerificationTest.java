package org.tongban.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.certificate.IssuedCertificate;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Public verification: a genuine certificate is valid, revoked or expired; anything else — a changed byte, a
 * forged signature, another key under a registered key's id, a number that was never issued, a changed row — is
 * not genuine. Keys rotate without invalidating what they signed.
 */
class VerificationTest {

    private final CertificateFixture fixture = new CertificateFixture();

    private Verification verify(String token) {
        return fixture.transactions.execute(status -> fixture.verifier.token(token));
    }

    private String tokenOf(IssuedCertificate certificate) {
        return fixture.stored(certificate.number()).verificationToken();
    }

    @Test
    void aGenuineCertificateIsValidWithWhatItSaysAndTheHolderMasked() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));

        Verification verification = verify(tokenOf(issued));

        assertThat(verification.outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(verification.reason()).isNull();
        assertThat(verification.number()).isEqualTo(issued.number());
        assertThat(verification.typeName().zh()).isEqualTo("义务教育入学通知书");
        assertThat(verification.issuer()).isEqualTo(new Verification.Issuer("education", "教育局", "Education Bureau"));
        assertThat(verification.holderName()).isEqualTo("张*");
        assertThat(verification.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(verification.validUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(verification.revokedAt()).isNull();
    }

    @Test
    void anEnterprisesNameIsPublicAndShownInFull() {
        IssuedCertificate licence = fixture.issue(CertificateFixture.licence("application-1"));

        assertThat(verify(tokenOf(licence)).holderName()).isEqualTo("杭州通达科技有限公司");
    }

    @Test
    void theTokenCarriesNoPersonalData() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        String payload = new String(Base64.getUrlDecoder().decode(tokenOf(issued).split("\\.")[1]),
                StandardCharsets.UTF_8);

        assertThat(payload).doesNotContain("张", CertificateFixture.ZHANGSAN, "小明").contains(issued.number());
        assertThat(tokenOf(issued).length()).as("short enough for an easily scanned QR code").isLessThan(400);
    }

    @Test
    void aRevokedCertificateSaysSoWithTheDateButNotTheReason() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        fixture.clock.advance(Duration.ofDays(3));
        fixture.revoke(issued.number());

        Verification verification = verify(tokenOf(issued));

        assertThat(verification.outcome()).isEqualTo(Verification.Outcome.REVOKED);
        assertThat(verification.revokedAt()).isEqualTo(fixture.clock.instant());
        assertThat(verification.toString()).doesNotContain("信息有误");
    }

    @Test
    void aCertificatePastItsLastDayIsExpired() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));

        fixture.clock.advance(Duration.between(fixture.clock.instant(),
                LocalDate.of(2026, 9, 30).atTime(23, 59).atZone(StoredCertificate.ZONE).toInstant()));
        assertThat(verify(tokenOf(issued)).outcome()).as("valid through its last day, Beijing time")
                .isEqualTo(Verification.Outcome.VALID);
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(verify(tokenOf(issued)).outcome()).isEqualTo(Verification.Outcome.EXPIRED);
    }

    @Test
    void everyChangedCharacterOfTheTokenMakesItNotGenuine() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        String token = tokenOf(issued);

        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            char changed = original == 'A' ? 'B' : original == '.' ? 'x' : 'A';
            String altered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThat(verify(altered).outcome()).as("character %d changed", i)
                    .isEqualTo(Verification.Outcome.NOT_GENUINE);
        }
        assertThat(verify("not a token").reason()).isEqualTo("malformed");
        assertThat(verify(token + "x").outcome()).isEqualTo(Verification.Outcome.NOT_GENUINE);
    }

    @Test
    void aTokenSignedByAKeyThePortalNeverHadIsNotGenuine() throws Exception {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        ECKey stranger = SigningKeys.newKey(fixture.clock);

        Verification verification = verify(forge(tokenOf(issued), stranger, stranger.getKeyID()));

        assertThat(verification.outcome()).isEqualTo(Verification.Outcome.NOT_GENUINE);
        assertThat(verification.reason()).isEqualTo("unknown-key");
        assertThat(verification.number()).isNull();
    }

    @Test
    void aTokenUnderARegisteredKeyIdButSignedByAnotherKeyIsNotGenuine() throws Exception {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        ECKey forger = SigningKeys.newKey(fixture.clock);

        Verification verification = verify(forge(tokenOf(issued), forger, fixture.keys.active().getKeyID()));

        assertThat(verification.outcome()).isEqualTo(Verification.Outcome.NOT_GENUINE);
        assertThat(verification.reason()).isEqualTo("bad-signature");
    }

    @Test
    void aGenuinelySignedTokenNamingANumberNeverIssuedIsNotGenuine() {
        String token = fixture.seals.token("TB-20260302-NOSUCHNO", "enrolment-notice", "education",
                LocalDate.of(2026, 3, 2), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(verify(token).reason()).isEqualTo("unknown-certificate");
    }

    @Test
    void aGenuineTokenForOtherContentIsNotGenuine() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        String token = fixture.seals.token(issued.number(), issued.type(), issued.issuerDepartment(),
                LocalDate.of(2026, 3, 2), "{\"other\":\"content\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(verify(token).reason()).isEqualTo("content-mismatch");
    }

    @Test
    void aCertificateWhoseStoredDataWasChangedIsNotGenuine() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        fixture.jdbc.sql("UPDATE certificate SET holder_name = '李四' WHERE number = ?").param(issued.number()).update();

        assertThat(verify(tokenOf(issued)).reason()).isEqualTo("content-mismatch");
    }

    @Test
    void theCertificatesOwnSignatureFileVerifies_andAnAlteredOneDoesNot() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        String jws = fixture.stored(issued.number()).signature();
        String[] parts = jws.split("\\.");
        String content = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changedContent = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(content.replace("张小明", "张大明").getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.verifier.file(jws.getBytes(StandardCharsets.US_ASCII)).outcome())
                .isEqualTo(Verification.Outcome.VALID);
        assertThat(fixture.verifier.file((parts[0] + "." + changedContent + "." + parts[2])
                .getBytes(StandardCharsets.US_ASCII)).reason()).isEqualTo("bad-signature");
        assertThat(fixture.verifier.file(tokenOf(issued).getBytes(StandardCharsets.US_ASCII)).reason())
                .as("a QR token is not a certificate signature").isEqualTo("malformed");
    }

    @Test
    void theCanonicalContentIsWhatTheSignatureCovers() {
        IssuedCertificate issued = fixture.issue(CertificateFixture.enrolment("application-1"));
        StoredCertificate stored = fixture.stored(issued.number());
        String content = new String(Base64.getUrlDecoder().decode(stored.signature().split("\\.")[1]),
                StandardCharsets.UTF_8);

        assertThat(content).startsWith("{\"fields\":{\"boarding\":false,\"childBirthDate\":\"2019-06-01\","
                + "\"childName\":\"张小明\",\"grade\":1,").doesNotContain(" :", ": ", ", ")
                .contains("\"holder\":{\"id\":\"" + CertificateFixture.ZHANGSAN + "\",\"kind\":\"person\",\"name\":\"张三\"}")
                .contains("\"issuedAt\":\"2026-03-02T01:00:00Z\"", "\"issuer\":\"education\"",
                        "\"number\":\"" + issued.number() + "\"", "\"validUntil\":\"2026-09-30\"");
        assertThat(content.getBytes(StandardCharsets.UTF_8)).isEqualTo(stored.canonicalContent());
    }

    @Test
    void aRotatedKeyKeepsVerifyingWhatItSigned_evenAfterItsPrivateHalfIsGone() throws Exception {
        IssuedCertificate before = fixture.issue(CertificateFixture.enrolment("application-1"));
        ECKey old = fixture.keys.active();
        ECKey next = SigningKeys.newKey(fixture.clock.withZone(StoredCertificate.ZONE));

        // rotation: the new key signs, the old one stays in the file to verify
        Path rotated = fixture.folder.resolve("rotated.json");
        Files.writeString(rotated, new JWKSet(java.util.List.of(old, next)).toString(false));
        fixture.start(new CertificateProperties(rotated.toString(), next.getKeyID()));
        IssuedCertificate after = fixture.issue(CertificateFixture.enrolment("application-2"));

        assertThat(fixture.stored(after.number()).keyId()).isEqualTo(next.getKeyID());
        assertThat(verify(tokenOf(before)).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(verify(tokenOf(after)).outcome()).isEqualTo(Verification.Outcome.VALID);

        // later the old private key leaves the file altogether: its public half is in the database
        Path onlyNext = fixture.folder.resolve("only-next.json");
        Files.writeString(onlyNext, new JWKSet(next).toString(false));
        fixture.start(new CertificateProperties(onlyNext.toString(), ""));
        assertThat(verify(tokenOf(before)).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(fixture.verifier.file(fixture.stored(before.number()).signature()
                .getBytes(StandardCharsets.US_ASCII)).outcome()).isEqualTo(Verification.Outcome.VALID);
        assertThat(SigningKeys.publicJwkSet(fixture.keys.all()).toString()).contains(old.getKeyID(), next.getKeyID())
                .doesNotContain("\"d\"");
    }

    @Test
    void aKeyIdRegisteredWithAnotherPublicKeyStopsTheStart() throws Exception {
        ECKey impostor = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(fixture.keys.active().getKeyID()).generate();
        Path file = fixture.folder.resolve("impostor.json");
        Files.writeString(file, new JWKSet(impostor).toString(false));

        assertThatThrownBy(() -> fixture.start(new CertificateProperties(file.toString(), "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered with another public key");
    }

    @Test
    void aConfiguredKeysFileMustExistAndNameItsSigningKey() throws Exception {
        assertThatThrownBy(() -> fixture.start(new CertificateProperties("/nonexistent/keys.json", "")))
                .hasMessageContaining("does not exist");
        Path two = fixture.folder.resolve("two.json");
        Files.writeString(two, new JWKSet(java.util.List.of(SigningKeys.newKey(fixture.clock),
                SigningKeys.newKey(fixture.clock))).toString(false));
        assertThatThrownBy(() -> fixture.start(new CertificateProperties(two.toString(), "")))
                .hasMessageContaining("tongban.certificate.active-key");
    }

    /** The token's own claims, signed by another key and naming the given kid. */
    private static String forge(String token, ECKey key, String kid) throws Exception {
        JWSObject original = JWSObject.parse(token);
        Map<String, Object> claims = original.getPayload().toJSONObject();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("tongban-verify")).keyID(kid).build(), new Payload(claims));
        forged.sign(new ECDSASigner(key));
        return forged.serialize();
    }
}
