package org.logmaster.collector.attribution;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where an event is in the legal record: the device's daily file and the line's byte offset
 * (the same three values the index keeps per event), so that every answer can be checked
 * against the signed original.
 */
public record EvidenceRef(String deviceId, LocalDate fileDay, long fileOffset) {
    public EvidenceRef {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(fileDay, "fileDay");
    }

    @Override
    public String toString() {
        return deviceId + "/" + fileDay + "@" + fileOffset;
    }
}
