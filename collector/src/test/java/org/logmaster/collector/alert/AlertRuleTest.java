package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
    private static RuleSpec rule(RuleSpec.Match match, RuleSpec.Condition condition) {
        return new RuleSpec("r1", null, null, null, match, condition, null);
    }

    private static final RuleSpec.Match TEXT = new RuleSpec.Match(null, null, null, "denied");

    @Test
    void aBadRegularExpressionNamesMatchText() {
        assertThatThrownBy(() -> AlertRule.compile(rule(new RuleSpec.Match(null, null, null, "(unclosed"), null),
                AlertRule.Origin.CONFIG))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.key()).isEqualTo("match.text"));
    }

    @Test
    void anUnknownFieldIsNamedWithItsKey() {
        assertThatThrownBy(() -> AlertRule.compile(rule(new RuleSpec.Match(null, null, Map.of("srcip", "1"), null),
                null), AlertRule.Origin.CONFIG))
                .isInstanceOfSatisfying(InvalidRuleException.class,
                        e -> assertThat(e.key()).isEqualTo("match.fields.srcip"))
                .hasMessageContaining("src_ip");
    }

    @Test
    void aCountWithoutWindowIsRefused() {
        assertThatThrownBy(() -> AlertRule.compile(rule(TEXT, new RuleSpec.Condition(5, null, null)),
                AlertRule.Origin.CONFIG))
                .isInstanceOfSatisfying(InvalidRuleException.class,
                        e -> assertThat(e.key()).isEqualTo("condition.window"));
    }

    @Test
    void groupingByAnUnknownNameIsRefused() {
        assertThatThrownBy(() -> AlertRule.compile(rule(TEXT, new RuleSpec.Condition(5, "1m", "ip")),
                AlertRule.Origin.CONFIG))
                .isInstanceOfSatisfying(InvalidRuleException.class,
                        e -> assertThat(e.key()).isEqualTo("condition.group-by"));
    }

    @Test
    void aRuleWithoutMatchIsRefused() {
        assertThatThrownBy(() -> AlertRule.compile(rule(null, null), AlertRule.Origin.CONFIG))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.key()).isEqualTo("match"));
    }

    @Test
    void aBadDeviceIdIsNamedWithItsIndex() {
        assertThatThrownBy(() -> AlertRule.compile(rule(new RuleSpec.Match(List.of("ok", "../etc"), null, null, null),
                null), AlertRule.Origin.CONFIG))
                .isInstanceOfSatisfying(InvalidRuleException.class,
                        e -> assertThat(e.key()).isEqualTo("match.devices[1]"));
    }

    @Test
    void theConditionReadsAsOperatorsWriteIt() throws Exception {
        AlertRule r = AlertRule.compile(RuleEngineTest.sshBruteForce(), AlertRule.Origin.CONFIG);
        assertThat(r.conditionText()).isEqualTo("at least 6 within 10m per ip");
        assertThat(r.suppress()).hasMinutes(30);
    }
}
