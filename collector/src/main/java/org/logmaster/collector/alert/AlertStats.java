package org.logmaster.collector.alert;

import java.util.Map;

/**
 * A reading of the alert stage's counters.
 *
 * @param evaluatedEvents  committed events the rules saw
 * @param skippedEvents    committed events not evaluated because the alert queue was full
 * @param skippedSystem    system alerts not delivered because the queue was full
 * @param queueDepth       batches and system alerts waiting
 * @param raised           alerts raised since start, by severity key
 * @param actionFailures   failed deliveries, by action name
 * @param rules            rules loaded (system rules not included)
 */
public record AlertStats(long evaluatedEvents, long skippedEvents, long skippedSystem, int queueDepth,
                         Map<String, Long> raised, Map<String, Long> actionFailures, int rules) {}
