package org.tongban.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * The portal's seal on a certificate: an ES256 JWS over the canonical content (kept with the certificate and
 * embedded in its PDF), and a short JWS for the QR code that names the certificate and carries the SHA-256 of
 * that content, no personal data. Each kind has its own {@code typ}, so one cannot stand in for the other.
 */
class Seals {

    static final JOSEObjectType CERTIFICATE = new JOSEObjectType("tongban-certificate+jws");
    static final JOSEObjectType TOKEN = new JOSEObjectType("tongban-verify");

    private final SigningKeys keys;

    Seals(SigningKeys keys) {
        this.keys = keys;
    }

    /** A compact JWS and the key that made it. */
    record Signed(String compact, String keyId) {
    }

    /** The outcome of checking a JWS: genuine with its payload, or not, with why. */
    sealed interface Check permits Genuine, NotGenuine {
    }

    record Genuine(byte[] payload, String keyId) implements Check {
    }

    record NotGenuine(String reason) implements Check {
    }

    Signed sign(byte[] canonicalContent) {
        return sign(CERTIFICATE, canonicalContent);
    }

    /** The QR code's token: short, so the code stays easy to scan. */
    String token(String number, String type, String issuer, LocalDate issuedOn, byte[] canonicalContent) {
        Map<String, Object> claims = Map.of("n", number, "t", type, "i", issuer, "d", issuedOn,
                "h", sha256(canonicalContent).toString());
        return sign(TOKEN, CanonicalJson.bytes(claims)).compact();
    }

    private Signed sign(JOSEObjectType type, byte[] payload) {
        ECKey key = keys.active();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID())
                .build(), new Payload(payload));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a certificate", e);
        }
        return new Signed(jws.serialize(), key.getKeyID());
    }

    /**
     * Whether a compact JWS of the given kind was signed by a registered key: parsed, of the kind, ES256, with the
     * id of a registered key, and its signature verifying with that key.
     */
    Check check(String compact, JOSEObjectType expectedType) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.trim());
        } catch (ParseException | IllegalArgumentException e) {
            return new NotGenuine("malformed");
        }
        JWSHeader header = jws.getHeader();
        // base64url leaves spare bits in the last character: a changed character there decodes to the same
        // signature, so only the one canonical spelling is accepted
        Base64URL signature = jws.getSignature();
        if (signature == null || !Base64URL.encode(signature.decode()).toString().equals(signature.toString())) {
            return new NotGenuine("malformed");
        }
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !expectedType.equals(header.getType())
                || !header.getCustomParams().isEmpty() || header.getCriticalParams() != null) {
            return new NotGenuine("malformed");
        }
        ECKey key = keys.publicKey(header.getKeyID()).orElse(null);
        if (key == null) {
            return new NotGenuine("unknown-key");
        }
        try {
            if (!jws.verify(new ECDSAVerifier(key))) {
                return new NotGenuine("bad-signature");
            }
        } catch (JOSEException | IllegalStateException e) {
            return new NotGenuine("bad-signature");
        }
        return new Genuine(jws.getPayload().toBytes(), key.getKeyID());
    }

    static Base64URL sha256(byte[] content) {
        return Base64URL.encode(digest(content));
    }

    static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
