package org.logmaster.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlertsConfigTest {
    private final ConfigLoader loader = new ConfigLoader();

    private static final String RULES = """
            alerts:
              rules:
                - name: ssh-brute-force
                  severity: critical
                  match: { text: 'Failed password for \\S+ from (?<ip>\\S+)' }
                  condition: { at-least: 6, window: 10m, group-by: ip }
                  suppress: 30m
            """;

    @Test
    void rulesAreReadFromTheAlertsSection() throws Exception {
        CollectorConfig c = loader.parse(RULES, "c.yaml");
        assertThat(c.alerts().rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("ssh-brute-force");
            assertThat(r.condition().atLeast()).isEqualTo(6);
            assertThat(r.condition().window()).isEqualTo("10m");
        });
        assertThat(c.metrics().bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void aBadRuleIsNamedWithItsIndexAndKey() {
        assertThatThrownBy(() -> loader.parse(RULES.replace("window: 10m", "window: 10 minutes"), "c.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.yaml: alerts.rules[0].condition.window: '10 minutes' is not a duration");
    }

    @Test
    void anUnknownRuleKeyIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.parse(RULES.replace("suppress: 30m", "supress: 30m"), "c.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.rules[0].supress");
    }

    @Test
    void twoRulesOfOneNameAreRefused() {
        String twice = RULES + RULES.substring(RULES.indexOf("    - name"));
        assertThatThrownBy(() -> loader.parse(twice, "c.yaml"))
                .hasMessageContaining("alerts.rules[1].name: 'ssh-brute-force' is used twice");
    }

    @Test
    void mailWithoutRecipientsIsRefused() {
        assertThatThrownBy(() -> loader.parse("alerts: { mail: { host: mx, from: a@b.c } }", "c.yaml"))
                .hasMessageContaining("alerts.mail.to: needs at least one address");
    }

    @Test
    void aPasswordOverPlainSmtpIsRefused() {
        assertThatThrownBy(() -> loader.parse(
                "alerts: { mail: { host: mx, from: a@b.c, to: [n@b.c], username: u, password: p, starttls: off } }",
                "c.yaml")).hasMessageContaining("alerts.mail.starttls");
    }
}
