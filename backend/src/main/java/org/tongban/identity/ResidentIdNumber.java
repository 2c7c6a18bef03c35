package org.tongban.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland resident identity card number (居民身份证号码, GB 11643-1999): 17 digits and an ISO 7064
 * MOD 11-2 check character (0-9 or X).
 */
public record ResidentIdNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    public ResidentIdNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
    }

    public static Optional<ResidentIdNumber> parse(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String normalized = candidate.trim().toUpperCase();
        return isValid(normalized) ? Optional.of(new ResidentIdNumber(normalized)) : Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches()
                && candidate.charAt(17) == checkCharacter(candidate.substring(0, 17));
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Everything but the last four characters hidden: {@code **************1234}. */
    public String masked() {
        return "*".repeat(14) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
