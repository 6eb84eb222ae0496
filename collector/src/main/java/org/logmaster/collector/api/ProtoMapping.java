package org.logmaster.collector.api;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.logmaster.api.v1.AuditEntry;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.Permission;
import org.logmaster.api.v1.Role;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.api.v1.User;

/** Conversions between the domain types and the logmaster.v1 messages. */
public final class ProtoMapping {
    private ProtoMapping() {}

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The instant of a set timestamp, or null when it is unset. */
    public static Instant instant(boolean isSet, Timestamp timestamp) {
        if (!isSet) return null;
        if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            throw new IllegalArgumentException("timestamp nanos out of range");
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    public static Role role(org.logmaster.collector.auth.Role role) {
        return switch (role) {
            case ADMINISTRATOR -> Role.ROLE_ADMINISTRATOR;
            case AUDITOR -> Role.ROLE_AUDITOR;
            case VIEWER -> Role.ROLE_VIEWER;
        };
    }

    public static org.logmaster.collector.auth.Role role(Role role) {
        return switch (role) {
            case ROLE_ADMINISTRATOR -> org.logmaster.collector.auth.Role.ADMINISTRATOR;
            case ROLE_AUDITOR -> org.logmaster.collector.auth.Role.AUDITOR;
            case ROLE_VIEWER -> org.logmaster.collector.auth.Role.VIEWER;
            case ROLE_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException("a role is required");
        };
    }

    public static Permission permission(org.logmaster.collector.auth.Permission permission) {
        return Permission.valueOf("PERMISSION_" + permission.name());
    }

    public static User user(org.logmaster.collector.auth.User user) {
        User.Builder b = User.newBuilder()
                .setUsername(user.username())
                .setRole(role(user.role()))
                .setDisabled(user.disabled())
                .setFailedAttempts(user.failedAttempts())
                .setCreatedAt(timestamp(user.createdAt()))
                .setPasswordChangedAt(timestamp(user.passwordChangedAt()));
        if (user.lockedUntil() != null) b.setLockedUntil(timestamp(user.lockedUntil()));
        return b.build();
    }

    public static Device device(org.logmaster.collector.enrich.Device device) {
        Device.Builder b = Device.newBuilder()
                .setId(device.id().value())
                .setMac(device.mac().value())
                .setName(device.name())
                .setLocation(device.location())
                .setDeviceType(device.deviceType())
                .setStaticIp(device.staticIp() == null ? "" : device.staticIp().getHostAddress())
                .setRegisteredAt(timestamp(device.registeredAt()))
                .setUpdatedAt(timestamp(device.updatedAt()));
        if (device.retiredAt() != null) b.setRetiredAt(timestamp(device.retiredAt()));
        return b.build();
    }

    public static UnknownSender unknownSender(org.logmaster.collector.enrich.UnknownSender sender) {
        return UnknownSender.newBuilder()
                .setAddress(sender.address().getHostAddress())
                .setDeviceId(sender.deviceId().value())
                .setMac(sender.mac() == null ? "" : sender.mac().value())
                .setFirstSeen(timestamp(sender.firstSeen()))
                .setLastSeen(timestamp(sender.lastSeen()))
                .setMessageCount(sender.messageCount())
                .build();
    }

    public static AuditEntry auditEntry(org.logmaster.collector.audit.AuditEntry e) {
        return AuditEntry.newBuilder()
                .setSeq(e.seq())
                .setTime(timestamp(e.time()))
                .setUsername(nullToEmpty(e.username()))
                .setRemoteAddress(nullToEmpty(e.remoteAddress()))
                .setAction(e.action())
                .setTarget(nullToEmpty(e.target()))
                .setOutcome(e.outcome())
                .setDetails(nullToEmpty(e.details()))
                .setPrevHash(e.prevHash())
                .setHash(e.hash())
                .build();
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
