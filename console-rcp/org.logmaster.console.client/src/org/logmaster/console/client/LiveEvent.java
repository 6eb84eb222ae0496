package org.logmaster.console.client;

import java.time.Instant;
import java.util.Objects;

import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.Severity;

/**
 * One log event as the live views show it. Missing text fields are empty strings, never null, so
 * that views and filters need no null checks.
 *
 * @param stored the collector's whole index row (every parsed field, the daily file line) for an
 *               event from its stream; null for generated demo events
 */
public record LiveEvent(Instant time, String device, Severity severity, String host, String app, String message,
        Event stored) {

    /** An event that is not from a collector (demo traffic, tests). */
    public LiveEvent(Instant time, String device, Severity severity, String host, String app, String message) {
        this(time, device, severity, host, app, message, null);
    }

    public LiveEvent {
        Objects.requireNonNull(time, "time");
        severity = severity == null ? Severity.SEVERITY_UNSPECIFIED : severity;
        device = device == null ? "" : device;
        host = host == null ? "" : host;
        app = app == null ? "" : app;
        message = message == null ? "" : message;
    }
}
