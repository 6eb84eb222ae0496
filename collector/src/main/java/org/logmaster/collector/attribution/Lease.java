package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An address held by one client: granted at {@code start}, renewed by later ACKs, ended at
 * {@code end} (null when no end was observed, see {@link LeaseEnd}).
 *
 * @param server     device id of the DHCP server whose log proves it
 * @param clientHost the host name the client gave, or null
 * @param evidence   every event that proves it, in the order recorded
 */
public record Lease(long id, String ip, String mac, String clientHost, String server, Instant start, Instant end,
                    LeaseEnd endReason, List<Evidence> evidence) {

    public Lease {
        evidence = List.copyOf(evidence);
    }

    public boolean covers(Instant at) {
        return Interval.covers(start, end, at);
    }

    Lease endingAt(Instant newEnd, LeaseEnd reason, Evidence proof) {
        return new Lease(id, ip, mac, clientHost, server, start, newEnd, reason, plus(evidence, proof));
    }

    Lease renewed(Instant newEnd, LeaseEnd reason, String host, Evidence proof) {
        return new Lease(id, ip, mac, clientHost != null ? clientHost : host, server, start, newEnd, reason,
                plus(evidence, proof));
    }

    static List<Evidence> plus(List<Evidence> list, Evidence e) {
        List<Evidence> copy = new ArrayList<>(list);
        copy.add(e);
        return copy;
    }
}
