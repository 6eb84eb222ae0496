package org.logmaster.collector.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory of one rule: per group, the arrival times of the matches inside the sliding window
 * (with the latest lines as evidence), and until when the group is suppressed. Bounded: at most
 * {@link #MAX_GROUPS} groups are tracked; the least recently matched one is forgotten first.
 * Not thread-safe: the engine's one thread owns it.
 */
final class RuleState {
    static final int MAX_EVIDENCE = 20;
    static final int MAX_GROUPS = 100_000;

    private final Map<String, Group> groups = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Group> eldest) {
            return size() > MAX_GROUPS;
        }
    };
    private long suppressed;

    private static final class Group {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        final ArrayDeque<String> evidence = new ArrayDeque<>();
        Instant suppressedUntil = Instant.MIN;
    }

    /**
     * Counts one match of {@code key} at {@code at}; returns the evidence when the condition is now
     * met and the group is not suppressed (the window then starts afresh), else null.
     */
    Fired count(AlertRule rule, String key, ObservedEvent e) {
        Instant at = e.arrival();
        Group g = groups.computeIfAbsent(key, k -> new Group());
        if (!rule.window().isZero()) {
            Instant oldest = at.minus(rule.window());
            while (!g.times.isEmpty() && !g.times.peekFirst().isAfter(oldest)) {
                g.times.pollFirst();
            }
        }
        g.times.addLast(at);
        g.evidence.addLast(e.evidenceLine());
        while (g.evidence.size() > Math.min(MAX_EVIDENCE, g.times.size())) {
            g.evidence.pollFirst();
        }
        if (g.times.size() < rule.atLeast()) return null;
        List<String> evidence = new ArrayList<>(g.evidence);
        int matches = g.times.size();
        g.times.clear();
        g.evidence.clear();
        if (at.isBefore(g.suppressedUntil)) {
            suppressed++;
            return null;
        }
        g.suppressedUntil = at.plus(rule.suppress());
        return new Fired(matches, evidence);
    }

    /** The condition was met by {@code matches} matches; {@code evidence} holds the latest lines. */
    record Fired(int matches, List<String> evidence) {}

    /** Alerts held back by suppression since the rule was loaded. */
    long suppressed() {
        return suppressed;
    }

    /** Forgets groups with nothing in their window and no suppression running at {@code now}. */
    void sweep(Instant now, Duration window) {
        Iterator<Group> it = groups.values().iterator();
        Instant oldest = now.minus(window);
        while (it.hasNext()) {
            Group g = it.next();
            boolean windowEmpty = g.times.isEmpty() || !g.times.peekLast().isAfter(oldest);
            if (windowEmpty && !now.isBefore(g.suppressedUntil)) it.remove();
        }
    }

    int groups() {
        return groups.size();
    }
}
