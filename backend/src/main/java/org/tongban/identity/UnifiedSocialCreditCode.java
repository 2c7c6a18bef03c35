package org.tongban.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters of the code alphabet
 * (digits and capital letters without I, O, S, V, Z) and a MOD 31 check character.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid unified social credit code");
        }
    }

    public static Optional<UnifiedSocialCreditCode> parse(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String normalized = candidate.trim().toUpperCase();
        return isValid(normalized) ? Optional.of(new UnifiedSocialCreditCode(normalized)) : Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches()
                && candidate.charAt(17) == checkCharacter(candidate.substring(0, 17));
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public String toString() {
        return value;
    }
}
