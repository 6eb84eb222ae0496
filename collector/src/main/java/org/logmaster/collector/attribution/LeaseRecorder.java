package org.logmaster.collector.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.logmaster.collector.parse.Field;

/**
 * Builds leases from DHCP server events ({@code src_ip} is the leased address):
 * <ul>
 *   <li>an ACK for an address the same MAC holds renews the lease: its end moves to the ACK
 *       plus the lease length (never earlier), the ACK joins the evidence;</li>
 *   <li>an ACK for an address nobody holds starts a lease; its end is the ACK plus the logged
 *       lease length, else plus the length the operator configured for that server, else unknown;</li>
 *   <li>an ACK for an address another MAC holds without a known end ends that lease
 *       ({@link LeaseEnd#SUPERSEDED}): a server hands an address to one client at a time.
 *       A lease with a known end is left alone, and the overlap is reported by {@link WhoHad};</li>
 *   <li>a RELEASE or an expiry ends the holder's lease at that time.</li>
 * </ul>
 * Events must come in time order per server (as they are in its daily file).
 */
final class LeaseRecorder {
    private final AttributionStore store;
    private final Map<String, Duration> configuredLeaseTimes;

    LeaseRecorder(AttributionStore store, Map<String, Duration> configuredLeaseTimes) {
        this.store = store;
        this.configuredLeaseTimes = Map.copyOf(configuredLeaseTimes);
    }

    void ack(ObservedEvent e, String ip, String mac) {
        Instant t = e.time();
        Evidence proof = e.evidence();
        String server = e.ref().deviceId();
        String host = e.field(Field.CLIENT_HOST);
        Instant end = null;
        LeaseEnd reason = LeaseEnd.NOT_OBSERVED;
        String logged = e.field(Field.LEASE_SECONDS);
        if (logged != null) {
            end = t.plusSeconds(Long.parseLong(logged));
            reason = LeaseEnd.LEASE_TIME;
        } else if (configuredLeaseTimes.containsKey(server)) {
            end = t.plus(configuredLeaseTimes.get(server));
            reason = LeaseEnd.CONFIGURED_LEASE_TIME;
        }
        List<Lease> current = store.leases(ip, t, t).stream().filter(l -> l.covers(t)).toList();
        for (Lease held : current) {
            if (held.mac().equals(mac)) {
                boolean later = end != null && (held.end() == null || end.isAfter(held.end()));
                store.save(held.renewed(later ? end : held.end(), later ? reason : held.endReason(), host, proof));
                return;
            }
        }
        for (Lease held : current) {
            if (held.end() == null) {
                store.save(held.endingAt(t, LeaseEnd.SUPERSEDED, proof));
            }
        }
        store.save(new Lease(store.nextId(), ip, mac, host, server, t, end, reason, List.of(proof)));
    }

    /** RELEASE or expiry: the holder's lease ends now; without a MAC, whoever holds the address. */
    void end(ObservedEvent e, String ip, String mac, LeaseEnd reason) {
        Instant t = e.time();
        for (Lease held : store.leases(ip, t, t)) {
            if (held.covers(t) && (mac == null || held.mac().equals(mac))) {
                store.save(held.endingAt(t, reason, e.evidence()));
            }
        }
    }
}
