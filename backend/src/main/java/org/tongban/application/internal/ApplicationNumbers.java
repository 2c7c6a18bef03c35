package org.tongban.application.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * 办件编号: the submission date and six characters that cannot be misread when spoken or copied
 * (no I, L, O, U, 0 or 1), e.g. {@code 20261127-7KQ2M9}. Unique by the database constraint.
 */
final class ApplicationNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ApplicationNumbers(Clock clock) {
        this.clock = clock;
    }

    String next() {
        StringBuilder number = new StringBuilder(clock.instant().atZone(BEIJING).format(DAY)).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
