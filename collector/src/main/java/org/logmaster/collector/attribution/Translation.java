package org.logmaster.collector.attribution;

import java.time.Instant;
import java.util.List;

/**
 * An inside address (and port) that a NAT device showed as an outside address and port, or
 * port block, over {@code [start, end)}.
 *
 * @param deviceId        the NAT device
 * @param sessionKey      the device's session id, or protocol and both addresses when it logs none
 * @param insidePort      null when the translation is for the whole address
 * @param outsidePortLow  first outside port (0 with {@code outsidePortHigh} 65535: every port)
 * @param user            the user the device named for the session, or null
 * @param end             null while no end was observed
 */
public record Translation(long id, String deviceId, String sessionKey, String protocol, String insideIp, Integer insidePort,
                          String outsideIp, int outsidePortLow, int outsidePortHigh, String user, Instant start,
                          Bound startBound, Instant end, Bound endBound, List<Evidence> evidence) {

    public Translation {
        evidence = List.copyOf(evidence);
    }

    public boolean covers(Instant at) {
        return Interval.covers(start, end, at);
    }

    /** True when the translation includes this outside port (any port when {@code port} is null). */
    public boolean hasOutsidePort(Integer port) {
        return port == null || port >= outsidePortLow && port <= outsidePortHigh;
    }

    Translation closed(Instant newEnd, Evidence proof, String lateUser) {
        return new Translation(id, deviceId, sessionKey, protocol, insideIp, insidePort, outsideIp, outsidePortLow,
                outsidePortHigh, user != null ? user : lateUser, start, startBound, newEnd, Bound.OBSERVED,
                Lease.plus(evidence, proof));
    }
}
