package org.logmaster.console.ui.live;

import java.util.Objects;

import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;

/**
 * What the operator asked to see: events at least as severe as {@code minimum} whose device, host,
 * app or message contains {@code text}, ignoring case.
 */
record LiveEventFilter(String text, Severity minimum) {

    static final LiveEventFilter ALL = new LiveEventFilter("", Severity.SEVERITY_DEBUG);

    LiveEventFilter {
        text = text == null ? "" : text.strip();
        Objects.requireNonNull(minimum, "minimum");
    }

    boolean matches(LiveEvent event) {
        return SeverityRank.of(event.severity()) <= SeverityRank.of(minimum) && matchesText(event);
    }

    private boolean matchesText(LiveEvent event) {
        return text.isEmpty()
                || containsIgnoreCase(event.message(), text)
                || containsIgnoreCase(event.host(), text)
                || containsIgnoreCase(event.app(), text)
                || containsIgnoreCase(event.device(), text);
    }

    /** Without lower-casing copies: this runs for every held row when the filter changes. */
    static boolean containsIgnoreCase(String haystack, String needle) {
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
