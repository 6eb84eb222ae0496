package org.logmaster.collector.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All rules in force: the configuration file's (read-only here) and those put over the API
 * (stored in the index). Every change is stored first, then loaded into the engine.
 */
public final class AlertRuleBook {
    private static final Logger log = LoggerFactory.getLogger(AlertRuleBook.class);

    private final List<AlertRule> configured;
    private final RuleStore store;
    private final RuleEngine engine;
    private final Clock clock;

    /** Compiles the configured rules (already validated with the configuration) and the stored ones. */
    public AlertRuleBook(List<RuleSpec> configuredSpecs, RuleStore store, RuleEngine engine, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        List<AlertRule> rules = new ArrayList<>();
        for (RuleSpec spec : configuredSpecs) {
            try {
                rules.add(AlertRule.compile(spec, AlertRule.Origin.CONFIG));
            } catch (InvalidRuleException e) {
                throw new IllegalArgumentException("alert rule " + spec.name() + ": " + e.getMessage(), e);
            }
        }
        this.configured = List.copyOf(rules);
        reload();
    }

    /** Every rule but the system rules, sorted by name. */
    public synchronized List<AlertRule> rules() {
        List<AlertRule> all = new ArrayList<>(configured);
        for (RuleSpec spec : store.list()) {
            if (configured.stream().anyMatch(r -> r.name().equals(spec.name()))) {
                log.warn("alert rule {} is in the configuration file and in the index; the file's is used", spec.name());
                continue;
            }
            try {
                all.add(AlertRule.compile(spec, AlertRule.Origin.API));
            } catch (InvalidRuleException e) {
                log.error("stored alert rule {} is invalid and not used: {}", spec.name(), e.getMessage());
            }
        }
        all.sort(Comparator.comparing(AlertRule::name));
        return all;
    }

    /** Checks, stores and loads an API rule; IllegalArgumentException names the bad key. */
    public synchronized AlertRule put(RuleSpec spec, String user) {
        AlertRule rule;
        try {
            rule = AlertRule.compile(spec, AlertRule.Origin.API);
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        requireApiName(spec.name());
        store.put(spec, user, clock.instant());
        reload();
        return rule;
    }

    public synchronized void delete(String name) {
        requireApiName(name);
        if (!store.delete(name)) throw new NoSuchElementException("no alert rule named " + name);
        reload();
    }

    private void requireApiName(String name) {
        if (name.startsWith("system.")) {
            throw new IllegalStateException(name + " is a built-in system rule; its thresholds are in alerts.system");
        }
        if (configured.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalStateException(name + " comes from the configuration file; change it there");
        }
    }

    private void reload() {
        engine.load(rules());
    }
}
