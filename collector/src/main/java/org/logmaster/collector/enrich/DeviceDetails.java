package org.logmaster.collector.enrich;

import java.net.InetAddress;

/**
 * What a user says about a device, validated: name 1-128 characters, location up to 256, type up
 * to 64, none with control characters; static IP an IP literal, or null.
 */
public record DeviceDetails(String name, String location, String deviceType, InetAddress staticIp) {

    public DeviceDetails {
        name = text("name", name, 1, 128);
        location = text("location", location, 0, 256);
        deviceType = text("device type", deviceType, 0, 64);
        if (staticIp != null && (staticIp.isAnyLocalAddress() || staticIp.isMulticastAddress())) {
            throw new IllegalArgumentException("static IP " + staticIp.getHostAddress() + " cannot identify a device");
        }
    }

    /** Details from user text; an empty static IP means none. */
    public static DeviceDetails of(String name, String location, String deviceType, String staticIp) {
        InetAddress ip = staticIp == null || staticIp.isBlank() ? null : IpLiterals.parse(staticIp);
        return new DeviceDetails(name, location, deviceType, ip);
    }

    private static String text(String what, String value, int min, int max) {
        String s = value == null ? "" : value.strip();
        if (s.length() < min) {
            throw new IllegalArgumentException("device " + what + " is required");
        }
        if (s.length() > max) {
            throw new IllegalArgumentException("device " + what + " is longer than " + max + " characters");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("device " + what + " contains control characters");
        }
        return s;
    }
}
