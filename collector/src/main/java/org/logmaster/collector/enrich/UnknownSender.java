package org.logmaster.collector.enrich;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A sender not attributed to a registered device.
 *
 * @param deviceId the id its messages are filed under meanwhile ("ip-192-0-2-7")
 * @param mac      its MAC when the neighbour table knows it, else null
 */
public record UnknownSender(InetAddress address, DeviceId deviceId, MacAddress mac, Instant firstSeen,
                            Instant lastSeen, long messageCount) {}
