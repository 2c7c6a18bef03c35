package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    @Test
    void acceptsAKnownValidNumberAndMasksAllButTheLastFour() {
        ResidentIdNumber id = new ResidentIdNumber("11010519491231002X");
        assertThat(id.masked()).isEqualTo("**************002X");
        assertThat(id.toString()).doesNotContain("110105");
    }

    @Test
    void rejectsAWrongCheckDigitAndWrongShapes() {
        assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
        assertThat(ResidentIdNumber.isValid("11010519491231002x")).isFalse();
        assertThat(ResidentIdNumber.parse("11010519491231002x")).isPresent(); // normalised to upper case
        assertThat(ResidentIdNumber.isValid("1101051949123100")).isFalse();
        assertThat(ResidentIdNumber.isValid(null)).isFalse();
        assertThatThrownBy(() -> new ResidentIdNumber("123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everyNumberWithItsCheckCharacterIsValid(@ForAll("first17") String first17) {
        String number = first17 + ResidentIdNumber.checkCharacter(first17);
        assertThat(ResidentIdNumber.isValid(number)).isTrue();
        assertThat(new ResidentIdNumber(number).masked()).endsWith(number.substring(14)).startsWith("*".repeat(14));
    }

    @Property
    void anyOtherCheckCharacterIsRejected(@ForAll("first17") String first17,
            @ForAll("checkCharacters") char other) {
        char right = ResidentIdNumber.checkCharacter(first17);
        String number = first17 + other;
        assertThat(ResidentIdNumber.isValid(number)).isEqualTo(other == right);
    }

    @Property
    void aSingleChangedDigitIsDetected(@ForAll("first17") String first17, @ForAll("positions") int position,
            @ForAll("digits") char replacement) {
        String valid = first17 + ResidentIdNumber.checkCharacter(first17);
        String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
        assertThat(ResidentIdNumber.isValid(changed)).isEqualTo(changed.equals(valid));
    }

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.strings().numeric().ofLength(17);
    }

    @Provide
    Arbitrary<Character> checkCharacters() {
        return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');
    }

    @Provide
    Arbitrary<Character> digits() {
        return Arbitraries.chars().numeric();
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 16);
    }
}
