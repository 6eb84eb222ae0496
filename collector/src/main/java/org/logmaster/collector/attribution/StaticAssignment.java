package org.logmaster.collector.attribution;

import java.time.Instant;

/**
 * An address fixed to a MAC by the operator (a registered device, a DHCP reservation, a
 * server's configured address), valid from {@code from} until {@code until} (null: open).
 *
 * @param label  the registered device's name, or null
 * @param source where the registration comes from (device registry, configuration file), for the evidence
 */
public record StaticAssignment(String ip, String mac, String label, Instant from, Instant until, String source) {

    public boolean covers(Instant at) {
        return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
    }

    Evidence evidence() {
        return new Evidence(null, from, "static: " + source);
    }
}
