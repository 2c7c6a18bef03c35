package org.tongban.certificate.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The keys that sign certificates, and every public key that ever did.
 *
 * <p>The private keys come from a JWK set file ({@code tongban.certificate.keys-file}); the demo generates one in
 * the data folder at its first start (portal nodes sharing that folder share the file). At start-up every key of
 * the file has its public half registered in {@code certificate_key}, so every node verifies what any node signed,
 * and a certificate stays verifiable after its key's private half has left the file (rotation: add a new key,
 * make it the active one, later remove the old private key). A key id registered with another public key is a
 * configuration error the portal refuses to start with: it would make old certificates look forged.
 */
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ECKey active;
    private final Map<String, ECKey> registered = new ConcurrentHashMap<>();

    SigningKeys(CertificateProperties properties, String dataDir, JdbcClient jdbc, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Path file = properties.keysFileConfigured() ? Path.of(properties.keysFile())
                : Path.of(dataDir, "certificate-keys.json");
        if (!Files.exists(file)) {
            if (properties.keysFileConfigured()) {
                throw new IllegalStateException("tongban.certificate.keys-file " + file + " does not exist");
            }
            generate(file, clock);
        }
        List<ECKey> keys = read(file);
        this.active = active(keys, properties.activeKey(), file);
        transactions.executeWithoutResult(status -> keys.forEach(key -> register(key.toPublicJWK())));
        log.info("Certificates are signed with key {} of {} ({} key(s) in the file)", active.getKeyID(), file,
                keys.size());
    }

    /** The key that signs new certificates, with its private half. */
    ECKey active() {
        return active;
    }

    /** The registered public key of this id, from any node's keys file, past or present. */
    Optional<ECKey> publicKey(String keyId) {
        if (keyId == null || keyId.length() > 64) {
            return Optional.empty();
        }
        ECKey known = registered.get(keyId);
        if (known != null) {
            return Optional.of(known);
        }
        // registered public keys never change, so a found key may be remembered; an unknown one may appear later
        Optional<ECKey> found = jdbc.sql("SELECT public_jwk FROM certificate_key WHERE key_id = ?").param(keyId)
                .query(String.class).optional().map(SigningKeys::parse);
        found.ifPresent(key -> registered.put(keyId, key));
        return found;
    }

    /** Every registered public key, oldest first: for offline verifiers. */
    List<ECKey> all() {
        return jdbc.sql("SELECT public_jwk FROM certificate_key ORDER BY created_at, key_id").query(String.class)
                .list().stream().map(SigningKeys::parse).toList();
    }

    private void register(ECKey publicKey) {
        String json = publicKey.toJSONString();
        Optional<ECKey> existing = publicKey(publicKey.getKeyID());
        if (existing.isEmpty()) {
            try {
                jdbc.sql("INSERT INTO certificate_key (key_id, public_jwk, created_at) VALUES (?, ?, ?)")
                        .params(publicKey.getKeyID(), json, Timestamp.from(clock.instant())).update();
                registered.put(publicKey.getKeyID(), publicKey);
                log.info("Registered the public key {} for certificate verification", publicKey.getKeyID());
                return;
            } catch (DuplicateKeyException e) {
                // another node registered it at the same moment
                existing = publicKey(publicKey.getKeyID());
            }
        }
        if (!sameKey(existing.orElseThrow(), publicKey)) {
            throw new IllegalStateException("Certificate key " + publicKey.getKeyID()
                    + " is registered with another public key: give a new key a new kid, never reuse one");
        }
    }

    private static boolean sameKey(ECKey a, ECKey b) {
        return a.getCurve().equals(b.getCurve()) && a.getX().equals(b.getX()) && a.getY().equals(b.getY());
    }

    private static ECKey active(List<ECKey> keys, String activeKey, Path file) {
        List<ECKey> privateKeys = keys.stream().filter(ECKey::isPrivate).toList();
        if (activeKey != null && !activeKey.isBlank()) {
            return privateKeys.stream().filter(key -> activeKey.equals(key.getKeyID())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("tongban.certificate.active-key " + activeKey
                            + " is not a private key of " + file));
        }
        if (privateKeys.size() != 1) {
            throw new IllegalStateException(file + " holds " + privateKeys.size()
                    + " private keys: set tongban.certificate.active-key to the kid of the one that signs");
        }
        return privateKeys.get(0);
    }

    private static List<ECKey> read(Path file) {
        try {
            JWKSet set = JWKSet.load(file.toFile());
            if (set.getKeys().isEmpty()) {
                throw new IllegalStateException(file + " holds no key");
            }
            return set.getKeys().stream().map(key -> {
                if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || key.getKeyID() == null
                        || key.getKeyID().isBlank() || key.getKeyID().length() > 64) {
                    throw new IllegalStateException(file + ": every key must be an EC P-256 key (ES256) with a kid "
                            + "of at most 64 characters");
                }
                return ec;
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificate keys " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The certificate keys file " + file + " is not a JWK set", e);
        }
    }

    /** A new key set with one key, written so that a concurrent start of another node keeps either file whole. */
    static void generate(Path file, Clock clock) {
        try {
            ECKey key = newKey(clock);
            String json = new JWKSet(key).toString(false);
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "certificate-keys", ".tmp");
            try {
                restrict(temporary);
                Files.writeString(temporary, json, StandardCharsets.UTF_8);
                try {
                    // a hard link fails when the file exists: the first node's key wins, whole
                    Files.createLink(file, temporary);
                    log.warn("Generated the certificate signing key {} in {}: production configures its own "
                            + "tongban.certificate.keys-file", key.getKeyID(), file);
                } catch (FileAlreadyExistsException e) {
                    log.info("Another node generated {} first", file);
                } catch (UnsupportedOperationException | IOException e) {
                    // no hard links on this file system: a move that refuses to replace an existing file
                    try {
                        Files.move(temporary, file);
                    } catch (FileAlreadyExistsException taken) {
                        log.info("Another node generated {} first", file);
                    }
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the certificate keys " + file, e);
        }
    }

    static ECKey newKey(Clock clock) {
        try {
            SecureRandom random = new SecureRandom();
            StringBuilder kid = new StringBuilder(DateTimeFormatter.ofPattern("yyyyMMdd")
                    .format(clock.instant().atOffset(ZoneOffset.UTC))).append('-');
            for (int i = 0; i < 6; i++) {
                kid.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            return new ECKeyGenerator(Curve.P_256).keyID(kid.toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's permissions protect it
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A registered certificate key is not a JWK", e);
        }
    }

    /** A JWK set of the public keys, as a JSON object. */
    static Map<String, Object> publicJwkSet(List<ECKey> keys) {
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList()).toJSONObject(true);
    }
}
