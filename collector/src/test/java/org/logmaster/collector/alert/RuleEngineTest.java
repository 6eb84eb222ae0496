package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logmaster.collector.alert.TestEvents.failedLogin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.parse.Field;

class RuleEngineTest {
    /** More than 5 failed logins per source address within 10 minutes, then quiet for 30 minutes. */
    static RuleSpec sshBruteForce() {
        return new RuleSpec("ssh-brute-force", "failed SSH logins from one address", "critical", null,
                new RuleSpec.Match(null, null, null, "Failed password for \\S+ from (?<ip>[0-9a-f.:]+)"),
                new RuleSpec.Condition(6, "10m", "ip"), "30m");
    }

    private final RuleEngine engine = engine(sshBruteForce());

    static RuleEngine engine(RuleSpec... specs) {
        RuleEngine e = new RuleEngine();
        List<AlertRule> rules = new ArrayList<>();
        for (RuleSpec s : specs) {
            try {
                rules.add(AlertRule.compile(s, AlertRule.Origin.CONFIG));
            } catch (InvalidRuleException ex) {
                throw new AssertionError(ex);
            }
        }
        e.load(rules);
        return e;
    }

    private List<Alert> feed(ObservedEvent... events) {
        List<Alert> out = new ArrayList<>();
        for (ObservedEvent ev : events) out.addAll(engine.evaluate(ev));
        return out;
    }

    @Test
    void fiveFailedLoginsRaiseNothing() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) alerts.addAll(engine.evaluate(failedLogin("203.0.113.7", i)));
        assertThat(alerts).isEmpty();
    }

    @Test
    void theSixthFailedLoginRaisesOneAlertNamingTheAddress() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) alerts.addAll(engine.evaluate(failedLogin("203.0.113.7", i)));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("ssh-brute-force");
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.groupKey()).isEqualTo("203.0.113.7");
            assertThat(a.matches()).isEqualTo(6);
            assertThat(a.evidence()).hasSize(6).allMatch(l -> l.contains("Failed password for root from 203.0.113.7"));
            assertThat(a.raisedAt()).isEqualTo(TestEvents.T0.plusSeconds(5));
        });
    }

    @Test
    void addressesAreCountedSeparately() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.addAll(engine.evaluate(failedLogin("203.0.113.7", i)));
            alerts.addAll(engine.evaluate(failedLogin("198.51.100.9", i)));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void matchesOlderThanTheWindowSlideOut() {
        // five at minute 0..4, the sixth at 10:01 after the first: the first has left the window
        List<Alert> alerts = feed(failedLogin("203.0.113.7", 0), failedLogin("203.0.113.7", 60),
                failedLogin("203.0.113.7", 120), failedLogin("203.0.113.7", 180), failedLogin("203.0.113.7", 240),
                failedLogin("203.0.113.7", 601));
        assertThat(alerts).isEmpty();
        // one more inside the window of the second: six within 10 minutes
        assertThat(feed(failedLogin("203.0.113.7", 602))).singleElement()
                .satisfies(a -> assertThat(a.matches()).isEqualTo(6));
    }

    @Test
    void aMatchExactlyOneWindowOldNoLongerCounts() {
        for (int i = 0; i < 5; i++) feed(failedLogin("203.0.113.7", 0));
        assertThat(feed(failedLogin("203.0.113.7", 600))).isEmpty();
    }

    @Test
    void suppressionHoldsBackTheNextAlertOfTheSameGroup() {
        for (int i = 0; i < 6; i++) feed(failedLogin("203.0.113.7", i));
        List<Alert> during = new ArrayList<>();
        for (int i = 0; i < 12; i++) during.addAll(engine.evaluate(failedLogin("203.0.113.7", 60 + i)));
        assertThat(during).isEmpty();
        assertThat(engine.suppressed()).containsEntry("ssh-brute-force", 2L);
    }

    @Test
    void afterTheSuppressionTheGroupAlertsAgain() {
        for (int i = 0; i < 6; i++) feed(failedLogin("203.0.113.7", i));
        List<Alert> after = new ArrayList<>();
        for (int i = 0; i < 6; i++) after.addAll(engine.evaluate(failedLogin("203.0.113.7", 31 * 60 + i)));
        assertThat(after).hasSize(1);
    }

    @Test
    void suppressionOfOneGroupLeavesOthersFree() {
        for (int i = 0; i < 6; i++) feed(failedLogin("203.0.113.7", i));
        List<Alert> other = new ArrayList<>();
        for (int i = 0; i < 6; i++) other.addAll(engine.evaluate(failedLogin("198.51.100.9", 10 + i)));
        assertThat(other).singleElement().satisfies(a -> assertThat(a.groupKey()).isEqualTo("198.51.100.9"));
    }

    @Test
    void anEveryMatchRuleFiresOnEachMatchingEvent() {
        RuleEngine e = engine(new RuleSpec("emergencies", null, "critical", null,
                new RuleSpec.Match(null, 0, null, null), null, null));
        assertThat(e.evaluate(TestEvents.line("gw1", 0, "kernel panic"))).hasSize(1);
        assertThat(e.evaluate(TestEvents.line("gw1", 1, "alert only"))).isEmpty();
        assertThat(e.evaluate(TestEvents.line("gw1", 0, "kernel panic again"))).hasSize(1);
    }

    @Test
    void parsedFieldsMatchAndGroup() {
        RuleEngine e = engine(new RuleSpec("vpn-login-failures", null, null, null,
                new RuleSpec.Match(null, null, Map.of("event", "login", "action", "deny"), null),
                new RuleSpec.Condition(2, "1m", "src_ip"), null));
        var denied = TestEvents.withFields(0, Field.EVENT, "login", Field.ACTION, "deny");
        var allowed = TestEvents.withFields(1, Field.EVENT, "login", Field.ACTION, "allow");
        assertThat(e.evaluate(denied)).isEmpty();
        assertThat(e.evaluate(allowed)).isEmpty();
        // no src_ip field: the event cannot be grouped and is not counted
        assertThat(e.evaluate(denied)).isEmpty();
        var fromA = new ObservedEvent("fw1", TestEvents.T0, "192.0.2.2", 5, null,
                denied.fields().toBuilder().put(Field.SRC_IP, "203.0.113.7").build(), "login failed");
        assertThat(e.evaluate(fromA)).isEmpty();
        assertThat(e.evaluate(fromA)).singleElement().satisfies(a -> assertThat(a.groupKey()).isEqualTo("203.0.113.7"));
    }

    @Test
    void aDeviceListRestrictsTheRule() {
        RuleEngine e = engine(new RuleSpec("core-errors", null, null, null,
                new RuleSpec.Match(List.of("core1"), 3, null, null), null, null));
        assertThat(e.evaluate(TestEvents.line("edge1", 3, "link down"))).isEmpty();
        assertThat(e.evaluate(TestEvents.line("core1", 3, "link down"))).hasSize(1);
    }

    @Test
    void aDisabledRuleRaisesNothing() {
        RuleEngine e = engine(new RuleSpec("off", null, null, false,
                new RuleSpec.Match(null, null, null, "x"), null, null));
        assertThat(e.evaluate(TestEvents.line("gw1", 6, "x"))).isEmpty();
    }

    @Test
    void reloadingAnUnchangedRuleKeepsItsWindow() {
        for (int i = 0; i < 5; i++) feed(failedLogin("203.0.113.7", i));
        engine.load(List.copyOf(engine.rules()));
        assertThat(feed(failedLogin("203.0.113.7", 5))).hasSize(1);
    }

    @Test
    void changingARuleStartsItsWindowsAfresh() throws Exception {
        for (int i = 0; i < 5; i++) feed(failedLogin("203.0.113.7", i));
        RuleSpec s = sshBruteForce();
        engine.load(List.of(AlertRule.compile(new RuleSpec(s.name(), "changed", s.severity(), null, s.match(),
                s.condition(), s.suppress()), AlertRule.Origin.API)));
        assertThat(feed(failedLogin("203.0.113.7", 5))).isEmpty();
    }
}
