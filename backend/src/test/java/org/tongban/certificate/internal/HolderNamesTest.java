package org.tongban.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verification shows a holder's name masked: the family name of a Chinese name, the first letter of others. */
class HolderNamesTest {

    @Test
    void keepsTheFamilyNameOfAChineseName() {
        assertThat(HolderNames.mask("张三")).isEqualTo("张*");
        assertThat(HolderNames.mask("王小明")).isEqualTo("王**");
        assertThat(HolderNames.mask("欧阳娜娜")).isEqualTo("欧***");
    }

    @Test
    void keepsTheFirstLetterOfOtherNames() {
        assertThat(HolderNames.mask("John Smith")).isEqualTo("J*** *****");
        assertThat(HolderNames.mask(" Müller ")).isEqualTo("M*****");
    }

    @Test
    void countsCharactersNotCodeUnits() {
        assertThat(HolderNames.mask("𠮷野家")).isEqualTo("𠮷**");
    }

    @Test
    void anEmptyNameStaysEmpty() {
        assertThat(HolderNames.mask(null)).isEmpty();
        assertThat(HolderNames.mask("  ")).isEmpty();
    }
}
