package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Test
    void acceptsTheDemoEnterpriseCodeAndRejectsLettersOutsideTheAlphabet() {
        assertThat(UnifiedSocialCreditCode.isValid("91330106MA2GL5XK00")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91330106MA2GL5XK01")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91330106MA2GL5XKO0")).isFalse(); // O is not in the alphabet
        assertThat(UnifiedSocialCreditCode.parse(" 91330106ma2gl5xk00 ")).contains(
                new UnifiedSocialCreditCode("91330106MA2GL5XK00"));
    }

    @Property
    void everyCodeWithItsCheckCharacterIsValidAndNoOtherIs(@ForAll("first17") String first17,
            @ForAll("alphabet") char check) {
        char right = UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(UnifiedSocialCreditCode.isValid(first17 + right)).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid(first17 + check)).isEqualTo(check == right);
    }

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(17);
    }

    @Provide
    Arbitrary<Character> alphabet() {
        return Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }
}
