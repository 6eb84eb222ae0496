package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.index.schema.Tables.ALERTS;
import static org.logmaster.collector.index.schema.Tables.ALERT_RULES;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.collector.apitest.TestDatabase;

/** The alerts and alert_rules tables, run against H2 and PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertStoreContract {
    private TestDatabase database;
    private AlertStore alerts;
    private RuleStore rules;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(kind());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void empty() {
        database.dsl().deleteFrom(ALERTS).execute();
        database.dsl().deleteFrom(ALERT_RULES).execute();
        alerts = new AlertStore(database.dsl());
        rules = new RuleStore(database.dsl());
    }

    private Alert raise(String rule) {
        RuleEngine engine = RuleEngineTest.engine(RuleEngineTest.sshBruteForce());
        Alert fired = null;
        for (int i = 0; i < 6; i++) {
            var raised = engine.evaluate(TestEvents.failedLogin("203.0.113.7", i));
            if (!raised.isEmpty()) fired = raised.getFirst();
        }
        Alert a = fired;
        return alerts.record(new Alert(0, rule, a.severity(), a.raisedAt(), a.groupKey(), a.matches(), a.summary(),
                List.of(a.evidence().getFirst(), "quote \" newline \n tab \t NUL-free ümlaut"), a.trigger(), null, null));
    }

    @Test
    void aStoredAlertReadsBackWithItsEvidenceUnchanged() {
        Alert stored = raise("ssh-brute-force");
        assertThat(stored.id()).isPositive();
        var read = alerts.list(10, 0, false);
        assertThat(read).singleElement().satisfies(s -> {
            assertThat(s.deviceId()).isEqualTo("gw1");
            assertThat(s.alert().evidence()).isEqualTo(stored.evidence());
            assertThat(s.alert().raisedAt()).isEqualTo(stored.raisedAt());
            assertThat(s.alert().severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(s.alert().groupKey()).isEqualTo("203.0.113.7");
        });
    }

    @Test
    void pagesGoBackwardsFromAnId() {
        long a = raise("a").id();
        long b = raise("b").id();
        raise("c");
        assertThat(alerts.list(2, 0, false)).extracting(s -> s.alert().rule()).containsExactly("c", "b");
        assertThat(alerts.list(2, b, false)).extracting(s -> s.alert().id()).containsExactly(a);
    }

    @Test
    void theFirstAcknowledgementWins() {
        long id = raise("a").id();
        alerts.acknowledge(List.of(id), "alice", Instant.parse("2026-03-01T11:00:00Z"));
        var again = alerts.acknowledge(List.of(id), "bob", Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(again).singleElement().satisfies(s -> {
            assertThat(s.alert().acknowledgedBy()).isEqualTo("alice");
            assertThat(s.alert().acknowledgedAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        });
        assertThat(alerts.list(10, 0, true)).isEmpty();
    }

    @Test
    void anUnknownIdAcknowledgesNothing() {
        long id = raise("a").id();
        assertThatThrownBy(() -> alerts.acknowledge(List.of(id, id + 1), "alice", Instant.now()))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining(Long.toString(id + 1));
        assertThat(alerts.list(10, 0, true)).hasSize(1);
    }

    @Test
    void aPutRuleReadsBackEqualAndIsReplacedByName() {
        RuleSpec spec = RuleEngineTest.sshBruteForce();
        rules.put(spec, "admin", Instant.now());
        assertThat(rules.list()).containsExactly(spec);
        RuleSpec changed = new RuleSpec(spec.name(), "changed", "warning", false, spec.match(), spec.condition(), null);
        rules.put(changed, "admin", Instant.now());
        assertThat(rules.list()).containsExactly(changed);
        assertThat(rules.delete(spec.name())).isTrue();
        assertThat(rules.delete(spec.name())).isFalse();
    }
}
