package org.logmaster.collector.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates every enabled rule against each committed event, in order, and says which alerts
 * that raises. Windows and suppression run on the events' arrival times, so evaluation gives the
 * same answer however late the events are evaluated. Single-threaded: {@link AlertDispatcher}'s
 * worker is the only caller of {@link #evaluate}; {@link #load} may be called from any thread.
 */
public final class RuleEngine {
    private static final int SWEEP_EVERY = 65_536;

    private volatile List<AlertRule> rules = List.of();
    private final Map<String, RuleState> states = new HashMap<>();
    /** Rules whose definition changed: their state is dropped by the worker, which owns it. */
    private final Set<String> pendingReset = ConcurrentHashMap.newKeySet();
    private long evaluated;

    /** Replaces the rules; a rule kept with an unchanged definition keeps its windows and suppression. */
    public synchronized void load(List<AlertRule> newRules) {
        Map<String, AlertRule> previous = new HashMap<>();
        for (AlertRule r : rules) previous.put(r.name(), r);
        List<AlertRule> kept = new ArrayList<>();
        for (AlertRule r : newRules) {
            AlertRule old = previous.get(r.name());
            if (old != null && !old.spec().equals(r.spec())) pendingReset.add(r.name());
            kept.add(r);
        }
        rules = List.copyOf(kept);
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /** The alerts {@code e} raises (usually none). */
    public List<Alert> evaluate(ObservedEvent e) {
        List<Alert> raised = null;
        List<AlertRule> current = rules;
        for (int i = 0, n = current.size(); i < n; i++) {
            AlertRule rule = current.get(i);
            if (!rule.enabled()) continue;
            String key = rule.matcher().match(e);
            if (key == null) continue;
            RuleState.Fired fired = state(rule).count(rule, key, e);
            if (fired == null) continue;
            if (raised == null) raised = new ArrayList<>(1);
            raised.add(Alert.raised(rule.name(), rule.severity(), e.arrival(), key, fired.matches(),
                    summary(rule, key, fired.matches()), fired.evidence(), e));
        }
        if (++evaluated % SWEEP_EVERY == 0) sweep(e.arrival());
        return raised == null ? List.of() : raised;
    }

    /** Alerts held back by suppression, per rule. */
    public Map<String, Long> suppressed() {
        Map<String, Long> out = new HashMap<>();
        states.forEach((name, s) -> out.put(name, s.suppressed()));
        return out;
    }

    private RuleState state(AlertRule rule) {
        if (!pendingReset.isEmpty() && pendingReset.remove(rule.name())) states.remove(rule.name());
        return states.computeIfAbsent(rule.name(), k -> new RuleState());
    }

    private void sweep(Instant now) {
        Map<String, AlertRule> byName = new HashMap<>();
        for (AlertRule r : rules) byName.put(r.name(), r);
        states.keySet().retainAll(byName.keySet());
        states.forEach((name, s) -> s.sweep(now, byName.get(name).window()));
    }

    static String summary(AlertRule rule, String key, int matches) {
        StringBuilder b = new StringBuilder(rule.name());
        if (!key.isEmpty()) b.append(" [").append(key).append(']');
        b.append(": ").append(matches).append(matches == 1 ? " match" : " matches");
        if (!rule.window().isZero()) b.append(" within ").append(DurationText.format(rule.window()));
        String d = rule.spec().description();
        if (d != null && !d.isBlank()) b.append(" - ").append(d.strip());
        return b.toString();
    }
}
