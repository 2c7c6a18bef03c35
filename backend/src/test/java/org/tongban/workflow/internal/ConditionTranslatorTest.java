package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** BPMN conditions that compare variables become definition conditions; anything more is left to a person. */
class ConditionTranslatorTest {

    @Test
    void translatesComparisonsOfVariablesWithValues() {
        assertThat(ConditionTranslator.translate("${amount > 500}").condition()).isEqualTo("amount > 500");
        ConditionTranslator.Translation food = ConditionTranslator.translate("${kind == \"food\" && area >= 50}");
        assertThat(food.condition()).isEqualTo("kind == 'food' and area >= 50");
        assertThat(food.fields()).isEqualTo(Map.of("kind", "string", "area", "number"));
        assertThat(ConditionTranslator.translate("#{!approved}").condition()).isEqualTo("not (approved == true)");
        assertThat(ConditionTranslator.translate("${approved}").fields()).isEqualTo(Map.of("approved", "boolean"));
        assertThat(ConditionTranslator.translate("${days gt 3 or (urgent eq true)}").condition())
                .isEqualTo("days > 3 or (urgent == true)");
        assertThat(ConditionTranslator.translate(" ${resendRequest == 'Yes'} ").condition()).isEqualTo("resendRequest == 'Yes'");
    }

    @Test
    void leavesCallsArithmeticPropertiesAndScriptsUntranslated() {
        assertThat(ConditionTranslator.translate("${riskService.isRisky(execution)}")).isNull();
        assertThat(ConditionTranslator.translate("${isRisky(execution)}")).isNull();
        assertThat(ConditionTranslator.translate("${order.amount > 1}")).isNull();
        assertThat(ConditionTranslator.translate("${amount * 2 > 1000}")).isNull();
        assertThat(ConditionTranslator.translate("${1 == 1}")).isNull();
        assertThat(ConditionTranslator.translate("${Amount > 1}")).isNull();
        assertThat(ConditionTranslator.translate("return amount > 1;")).isNull();
        assertThat(ConditionTranslator.translate("${}")).isNull();
    }
}
