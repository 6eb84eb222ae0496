package org.logmaster.collector.seal;

import java.time.LocalDate;
import java.util.List;

import org.logmaster.collector.enrich.DeviceId;

/** What one {@link DailySealer#sealClosedDays} pass did: the days it sealed and those it could not. */
public record SealRun(List<SealedDay> sealed, List<Failure> failures) {
    public SealRun {
        sealed = List.copyOf(sealed);
        failures = List.copyOf(failures);
    }

    /**
     * A day left unsealed in this pass, and why. {@code device} and {@code day} are null only when
     * the data folder itself could not be listed.
     */
    public record Failure(DeviceId device, LocalDate day, String reason) {
    }
}
