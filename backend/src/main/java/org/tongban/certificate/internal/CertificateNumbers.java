package org.tongban.certificate.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * 证照编号: {@code TB-}, the issue date and eight characters that cannot be misread when spoken or copied (no I,
 * L, O, U, 0 or 1), e.g. {@code TB-20261205-7KQ2M9XH}. Unique by the database constraint.
 */
final class CertificateNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SecureRandom random = new SecureRandom();

    String next(Instant issuedAt) {
        StringBuilder number = new StringBuilder("TB-").append(issuedAt.atZone(StoredCertificate.ZONE).format(DAY))
                .append('-');
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }

    /** Whether a text could be a certificate number at all (before any database look-up). */
    static boolean plausible(String number) {
        return number != null && number.length() <= 32 && number.matches("[A-Za-z0-9-]+");
    }
}
