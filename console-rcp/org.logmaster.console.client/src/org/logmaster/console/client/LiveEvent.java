package org.logmaster.console.client;

import java.time.Instant;
import java.util.Objects;

import org.logmaster.api.v1.Severity;

/**
 * One log event as the live views show it. Missing text fields are empty strings, never null, so
 * that views and filters need no null checks.
 */
public record LiveEvent(Instant time, String device, Severity severity, String host, String app, String message) {

    public LiveEvent {
        Objects.requireNonNull(time, "time");
        severity = severity == null ? Severity.SEVERITY_UNSPECIFIED : severity;
        device = device == null ? "" : device;
        host = host == null ? "" : host;
        app = app == null ? "" : app;
        message = message == null ? "" : message;
    }
}
