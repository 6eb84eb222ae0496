package org.logmaster.collector.attribution;

import java.time.Instant;

import org.logmaster.collector.parse.Field;
import org.logmaster.collector.parse.LogEvent;

/**
 * A parsed event as the attribution sees it: where it is, when it arrived, what it says.
 * Its time is the device's own when the message carries one (the DHCP server's or
 * firewall's clock is what its lease and session times refer to), else the arrival time.
 */
public record ObservedEvent(EvidenceRef ref, Instant arrival, LogEvent event) {

    public Instant time() {
        return event.deviceTime() != null ? event.deviceTime() : arrival;
    }

    public String field(Field f) {
        return event.fields().get(f);
    }

    Evidence evidence() {
        String kind = field(Field.EVENT);
        return new Evidence(ref, time(), kind != null ? kind : "event");
    }
}
