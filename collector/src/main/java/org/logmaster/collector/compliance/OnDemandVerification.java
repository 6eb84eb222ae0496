package org.logmaster.collector.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.DayVerification;
import org.logmaster.collector.seal.SealFiles;
import org.logmaster.collector.seal.SealVerifier;

/**
 * Verifies days now (hashing their files) and stores each result in the seals table, so that
 * status shows when each day was last verified and what was found.
 */
public final class OnDemandVerification {
    private final Path dataDir;
    private final ZoneId zone;
    private final SealVerifier verifier;
    private final Clock clock;

    public OnDemandVerification(Path dataDir, ZoneId zone, SealVerifier verifier, Clock clock) {
        this.dataDir = dataDir;
        this.zone = zone;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * @param devices the devices, or empty for every device
     * @param from    first day reported, or null
     * @param to      last day reported, or null
     * @param records where to store the results, or null to store nothing (index unreachable)
     */
    public List<DayVerification> verify(List<DeviceId> devices, LocalDate from, LocalDate to, SealRecords records)
            throws IOException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<DayVerification> days = new ArrayList<>();
        for (DeviceId device : devices.isEmpty() ? SealFiles.devices(dataDir) : devices) {
            // the whole chain is checked, so a removed day before the range still shows in the range's first day
            for (DayVerification day : verifier.verifyDevice(dataDir, device, zone, today).days()) {
                if ((from == null || !day.day().isBefore(from)) && (to == null || !day.day().isAfter(to))) {
                    days.add(day);
                }
            }
        }
        if (records != null) {
            Instant now = clock.instant();
            for (DayVerification day : days) {
                records.ensureIndexed(dataDir, day.device(), day.day());
                records.recordVerification(day, now);
            }
        }
        return days;
    }
}
