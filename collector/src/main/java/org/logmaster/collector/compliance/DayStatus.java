package org.logmaster.collector.compliance;

import java.time.LocalDate;
import java.util.Optional;

import org.logmaster.collector.enrich.DeviceId;

/**
 * The compliance state of one device's day, as the index of seals and the folder listing show it.
 *
 * @param seal the seal's row, when the day is sealed and indexed
 * @param late stamped later than the allowed delay after the day ended
 */
public record DayStatus(DeviceId device, LocalDate day, State state, Optional<SealRecord> seal, boolean late) {
    public enum State {
        /** Sealed, daily file present (plain or compressed). */
        SEALED,
        /** Over, daily file present, no seal. */
        UNSEALED,
        /** Sealed, but the daily file is gone and not by the retention rule. */
        MISSING,
        /** Today: still being written. */
        OPEN,
        /** Sealed; the daily file was deleted after its retention period. */
        EXPIRED
    }
}
