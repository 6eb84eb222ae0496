package org.logmaster.console.ui.live;

import java.time.Instant;

import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;

/** Events with predictable content: event n has message "message n" and time base + n ms. */
final class TestEvents {

    static final Instant BASE = Instant.parse("2026-03-01T10:15:30Z");

    private TestEvents() {
    }

    static LiveEvent event(int n) {
        return event(n, Severity.SEVERITY_INFORMATIONAL, "filterlog");
    }

    static LiveEvent event(int n, Severity severity, String app) {
        return new LiveEvent(BASE.plusMillis(n), "fw-" + (n % 3), severity, "10.0.0." + (n % 250), app, "message " + n);
    }
}
