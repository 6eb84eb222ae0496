package org.logmaster.console.ui.search;

import java.time.Duration;
import java.time.Instant;

/** The time ranges the Search view offers; {@link #CUSTOM} takes the calendar's bounds. */
enum TimeRangePreset {
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_24_HOURS("Last 24 hours", Duration.ofHours(24)),
    LAST_7_DAYS("Last 7 days", Duration.ofDays(7)),
    CUSTOM("Custom range", null);

    private final String label;
    private final Duration length;

    TimeRangePreset(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    String label() {
        return label;
    }

    /**
     * The range ending now; open at the end ({@code to} is null) so that messages arriving while
     * the operator pages through are not cut off mid-page by a moving bound.
     */
    SearchQuery.Range endingAt(Instant now) {
        if (length == null) {
            throw new IllegalStateException("a custom range has no preset length");
        }
        return new SearchQuery.Range(now.minus(length), null);
    }
}
