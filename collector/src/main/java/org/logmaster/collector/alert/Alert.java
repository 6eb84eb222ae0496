package org.logmaster.collector.alert;

import java.time.Instant;
import java.util.List;

/**
 * One raised alert. {@code id} is 0 until the alert is stored.
 *
 * @param rule       the rule's name ({@code system.*} for built-in rules)
 * @param groupKey   the value the rule grouped by (a source address, a device), or empty
 * @param matches    how many matches made the alert (1 for every-match and system rules)
 * @param summary    one line saying what happened
 * @param evidence   the matching lines (at most {@link RuleState#MAX_EVIDENCE}, the latest ones), or for a
 *                   system rule the readings that tripped it
 * @param trigger    the event that completed the condition, or null for system rules
 */
public record Alert(long id, String rule, AlertSeverity severity, Instant raisedAt, String groupKey, int matches,
                    String summary, List<String> evidence, ObservedEvent trigger, Instant acknowledgedAt,
                    String acknowledgedBy) {

    public Alert {
        evidence = List.copyOf(evidence);
        groupKey = groupKey == null ? "" : groupKey;
    }

    public static Alert raised(String rule, AlertSeverity severity, Instant at, String groupKey, int matches,
                               String summary, List<String> evidence, ObservedEvent trigger) {
        return new Alert(0, rule, severity, at, groupKey, matches, summary, evidence, trigger, null, null);
    }

    public Alert withId(long newId) {
        return new Alert(newId, rule, severity, raisedAt, groupKey, matches, summary, evidence, trigger,
                acknowledgedAt, acknowledgedBy);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
