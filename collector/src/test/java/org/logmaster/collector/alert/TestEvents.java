package org.logmaster.collector.alert;

import java.time.Instant;
import org.logmaster.collector.parse.Field;
import org.logmaster.collector.parse.Fields;

/** Events as the engine sees them, for rule tests. */
final class TestEvents {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestEvents() {}

    /** An sshd "Failed password" line from {@code ip}, {@code seconds} after T0. */
    static ObservedEvent failedLogin(String ip, long seconds) {
        return new ObservedEvent("gw1", T0.plusSeconds(seconds), "192.0.2.1", 4, "sshd",
                Fields.EMPTY, "Failed password for root from " + ip + " port 22 ssh2");
    }

    static ObservedEvent withFields(long seconds, Field f1, String v1, Field f2, String v2) {
        return new ObservedEvent("fw1", T0.plusSeconds(seconds), "192.0.2.2", 5, null,
                Fields.builder().put(f1, v1).put(f2, v2).build(), "login failed");
    }

    static ObservedEvent line(String device, int severity, String message) {
        return new ObservedEvent(device, T0, "192.0.2.3", severity, null, Fields.EMPTY, message);
    }
}
