package org.logmaster.collector.archive;

import java.time.LocalDate;
import java.util.List;

import org.logmaster.collector.enrich.DeviceId;

/**
 * What one archive pass did.
 *
 * @param compressed   days gzip-compressed
 * @param deleted      days whose daily file was deleted after the retention period
 * @param keptUnsealed days past retention kept because they are not sealed (see archive.delete-unsealed)
 * @param failures     days left as they were, and why
 */
public record ArchiveRun(List<DeviceDay> compressed, List<DeviceDay> deleted, List<DeviceDay> keptUnsealed,
                         List<Failure> failures) {
    public ArchiveRun {
        compressed = List.copyOf(compressed);
        deleted = List.copyOf(deleted);
        keptUnsealed = List.copyOf(keptUnsealed);
        failures = List.copyOf(failures);
    }

    public record DeviceDay(DeviceId device, LocalDate day) {
        @Override
        public String toString() {
            return device + " " + day;
        }
    }

    public record Failure(DeviceDay day, String reason) {
    }
}
