package org.logmaster.collector.enrich;

import java.net.InetAddress;
import java.time.Instant;

/**
 * A registered device.
 *
 * @param id        "mac-" + the MAC's 12 hex digits: stable, and the folder of its daily files
 * @param staticIp  an address that identifies the device when its MAC cannot be seen, or null
 * @param retiredAt set when the device was taken out of service
 */
public record Device(DeviceId id, MacAddress mac, String name, String location, String deviceType,
                     InetAddress staticIp, Instant registeredAt, Instant updatedAt, Instant retiredAt) {

    public boolean active() {
        return retiredAt == null;
    }

    /** The id a device with {@code mac} has. */
    public static DeviceId idFor(MacAddress mac) {
        return new DeviceId("mac-" + mac.hex());
    }
}
