package org.tongban.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The canonical form: the same content always gives the same bytes, whatever order or number type it came in. */
class CanonicalJsonTest {

    @Test
    void sortsKeysAndWritesNoWhitespace() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("z", 1);
        content.put("a", Map.of("y", true, "b", List.of("x", 2)));
        content.put("m", null);

        assertThat(CanonicalJson.write(content)).isEqualTo("{\"a\":{\"b\":[\"x\",2],\"y\":true},\"m\":null,\"z\":1}");
    }

    @Test
    void writesEqualNumbersAlike() {
        assertThat(List.of(5, 5L, 5.0, new BigDecimal("5.00"), new BigDecimal("5E0")))
                .extracting(CanonicalJson::number).containsOnly("5");
        assertThat(CanonicalJson.number(new BigDecimal("120.50"))).isEqualTo("120.5");
        assertThat(CanonicalJson.number(1.0E20)).isEqualTo("100000000000000000000");
        assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.write("张三 \"引号\" \\ \n\t\u0001/é"))
                .isEqualTo("\"张三 \\\"引号\\\" \\\\ \\n\\t\\u0001/é\"");
    }

    @Test
    void writesDatesAsIsoDays() {
        assertThat(CanonicalJson.write(LocalDate.of(2026, 3, 2))).isEqualTo("\"2026-03-02\"");
    }

    @Test
    void refusesWhatIsNotACertificateValue() {
        assertThatThrownBy(() -> CanonicalJson.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
