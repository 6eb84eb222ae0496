package org.logmaster.collector.index;

import java.time.Instant;
import java.util.Objects;
import org.logmaster.collector.enrich.DeviceId;

/**
 * Messages of {@code device} filed under another id: a sender that was unknown, and so filed under
 * its address-derived id, until it was assigned to the registered {@code device}. The daily files
 * stay where they are (they are the legal record); searches by the device also cover the rows of
 * {@code formerId} that arrived in {@code [from, until)}.
 *
 * @param from  start of the interval (the previous assignment of {@code formerId}), or null: since ever
 * @param until when the sender was assigned to the device; later rows of {@code formerId} are not the device's
 */
public record DeviceAlias(DeviceId device, DeviceId formerId, Instant from, Instant until) {
    public DeviceAlias {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(formerId, "formerId");
        Objects.requireNonNull(until, "until");
    }

    /** Whether a row filed under {@code deviceId} that arrived at {@code arrival} belongs to {@link #device}. */
    public boolean covers(String deviceId, Instant arrival) {
        return formerId.value().equals(deviceId) && arrival.isBefore(until) && (from == null || !arrival.isBefore(from));
    }
}
