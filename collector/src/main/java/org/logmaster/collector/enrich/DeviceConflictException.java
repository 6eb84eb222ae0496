package org.logmaster.collector.enrich;

/** A registration clashes with an active device (same MAC or same static IP). */
public final class DeviceConflictException extends RuntimeException {
    public DeviceConflictException(String message) {
        super(message);
    }
}
