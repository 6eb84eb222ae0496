package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.List;

/**
 * A station (MAC) attached to an access point from {@code start} to {@code end} (null while
 * open), and the user it authenticated as (802.1X identity), if any.
 */
public record Association(long id, String mac, String deviceId, String iface, String user, Instant start, Instant end,
                          List<Evidence> evidence) {

    public Association {
        evidence = List.copyOf(evidence);
    }

    public boolean covers(Instant at) {
        return Interval.covers(start, end, at);
    }

    Association with(String newUser, Instant newEnd, Evidence proof) {
        return new Association(id, mac, deviceId, iface, newUser != null ? newUser : user, start, newEnd,
                Lease.plus(evidence, proof));
    }
}
