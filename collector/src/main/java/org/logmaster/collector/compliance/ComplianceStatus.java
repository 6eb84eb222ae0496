package org.logmaster.collector.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.SealFiles;

/**
 * Per device per day: sealed, unsealed, missing, open or expired, with the seal's facts and
 * whether it was late. Reads the seals table and lists folders; never hashes a file.
 */
public final class ComplianceStatus {
    private final Path dataDir;
    private final ZoneId zone;
    private final SealRecords records;
    private final Duration lateAfter;
    private final Clock clock;

    public ComplianceStatus(Path dataDir, ZoneId zone, SealRecords records, Duration lateAfter, Clock clock) {
        this.dataDir = dataDir;
        this.zone = zone;
        this.records = records;
        this.lateAfter = lateAfter;
        this.clock = clock;
    }

    /**
     * @param devices the devices (empty: every device with a folder or a seal row)
     * @param from    first day, or null
     * @param to      last day, or null
     */
    public List<DayStatus> status(List<DeviceId> devices, LocalDate from, LocalDate to) throws IOException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = from != null ? from : LocalDate.MIN;
        LocalDate last = to != null ? to : LocalDate.MAX;
        Map<DeviceId, Map<LocalDate, SealRecord>> rows = new HashMap<>();
        for (SealRecord row : records.find(devices, from, to)) {
            rows.computeIfAbsent(row.device(), d -> new HashMap<>()).put(row.day(), row);
        }
        TreeSet<DeviceId> all = new TreeSet<>(java.util.Comparator.comparing(DeviceId::value));
        if (devices.isEmpty()) {
            all.addAll(SealFiles.devices(dataDir));
            all.addAll(rows.keySet());
        } else {
            all.addAll(devices);
        }
        List<DayStatus> result = new ArrayList<>();
        for (DeviceId device : all) {
            Map<LocalDate, SealRecord> sealed = rows.getOrDefault(device, Map.of());
            TreeSet<LocalDate> logs = SealFiles.logDays(dataDir, device);
            TreeSet<LocalDate> days = new TreeSet<>(logs);
            days.addAll(sealed.keySet());
            days.addAll(SealFiles.sealedDays(dataDir, device));
            for (LocalDate day : days.subSet(first, true, last, true)) {
                result.add(dayStatus(device, day, today, Optional.ofNullable(sealed.get(day)), logs.contains(day)));
            }
        }
        return result;
    }

    private DayStatus dayStatus(DeviceId device, LocalDate day, LocalDate today, Optional<SealRecord> row,
                                boolean hasLog) throws IOException {
        if (row.isEmpty() && SealFiles.sealedDays(dataDir, device).contains(day)) {
            // sealed by the command line and not indexed yet: the statement is small, read it
            row = records.ensureIndexed(dataDir, device, day);
        }
        DayStatus.State state;
        if (row.isPresent()) {
            state = SealRecord.DELETED.equals(row.get().storage()) ? DayStatus.State.EXPIRED
                    : hasLog ? DayStatus.State.SEALED : DayStatus.State.MISSING;
        } else {
            state = day.isBefore(today) ? DayStatus.State.UNSEALED : DayStatus.State.OPEN;
        }
        boolean late = row.flatMap(SealRecord::tsaTime)
                .map(time -> time.isAfter(day.plusDays(1).atStartOfDay(zone).toInstant().plus(lateAfter)))
                .orElse(false);
        return new DayStatus(device, day, state, row, late);
    }
}
