package org.logmaster.collector.attribution;

import java.time.Duration;
import java.util.Map;

import org.logmaster.collector.parse.Field;

/**
 * Turns parsed events into attribution records, by their normalised {@code event} field:
 * DHCP ACK/RELEASE/expiry into leases, session and translation starts/ends (and logged
 * packets) with NAT fields into translations, Wi-Fi connects, identities and disconnects into
 * associations. Events without those fields are ignored. Feed it the events of each device
 * in file order; not thread-safe (one indexer thread feeds it).
 */
public final class AttributionRecorder {
    private final AttributionStore store;
    private final LeaseRecorder leases;
    private final TranslationRecorder translations;
    private final AssociationRecorder associations;

    public AttributionRecorder(AttributionStore store) {
        this(store, Map.of());
    }

    /**
     * @param configuredLeaseTimes lease length per DHCP server device id, for servers that do
     *                             not log it (ISC dhcpd, dnsmasq, MikroTik): the operator's
     *                             statement of the server's configuration
     */
    public AttributionRecorder(AttributionStore store, Map<String, Duration> configuredLeaseTimes) {
        this.store = store;
        this.leases = new LeaseRecorder(store, configuredLeaseTimes);
        this.translations = new TranslationRecorder(store);
        this.associations = new AssociationRecorder(store);
    }

    public void record(ObservedEvent e) {
        String kind = e.field(Field.EVENT);
        if (kind == null) {
            return;
        }
        String ip = e.field(Field.SRC_IP);
        String mac = e.field(Field.MAC);
        switch (kind) {
            case "dhcp_ack" -> {
                if (ip != null && mac != null) {
                    leases.ack(e, ip, mac);
                }
            }
            case "dhcp_release" -> {
                if (ip != null) {
                    leases.end(e, ip, mac, LeaseEnd.RELEASED);
                }
            }
            case "dhcp_expire" -> {
                if (ip != null) {
                    leases.end(e, ip, mac, LeaseEnd.EXPIRED);
                }
            }
            case "session_start", "nat_start" -> translations.start(e);
            case "session_end", "nat_end" -> translations.end(e);
            case "packet" -> translations.observed(e);
            case "wifi_connect", "wifi_auth" -> {
                if (mac != null) {
                    associations.connect(e, mac);
                }
            }
            case "wifi_disconnect" -> {
                if (mac != null) {
                    associations.disconnect(e, mac);
                }
            }
            default -> { }
        }
    }

    /** An operator's fixed address: a registered device or a DHCP reservation. */
    public void register(StaticAssignment assignment) {
        store.save(assignment);
    }
}
