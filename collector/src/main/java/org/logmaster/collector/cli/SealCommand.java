package org.logmaster.collector.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.SealException;
import org.logmaster.collector.seal.SealFiles;
import org.logmaster.collector.seal.SealedDay;
import org.logmaster.collector.service.SealSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Seals one closed day now, for every device or one, together with any unsealed days of the
 * device before it (the chain of seals runs oldest first); the running collector does this by
 * itself at each day boundary.
 */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Seal a closed day now: sign each device's daily file and time-stamp the signature. "
                + "Unsealed days before it are sealed first, oldest first, so the chain of seals stays whole.",
                "Exit code 0: sealed (or nothing to seal); 1: a day could not be sealed; 2: bad arguments or configuration."})
final class SealCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--day", required = true, paramLabel = "yyyy-MM-dd", description = "The day to seal (must be over).")
    String day;

    @Option(names = {"-d", "--device"}, paramLabel = "ID", description = "Only this device (default: every device with a file that day).")
    String device;

    @Override
    public Integer call() throws IOException {
        CollectorConfig cfg;
        LocalDate date;
        List<DeviceId> devices;
        try {
            cfg = config.load();
            date = LocalDate.parse(day);
            devices = device != null ? List.of(new DeviceId(device)) : DeviceFolders.withDay(cfg.dataDir(), date);
        } catch (ConfigException | DateTimeParseException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        int failed = 0;
        try (SealEnvironment seals = SealSetup.open(cfg)) {
            var sealer = seals.sealer(Clock.systemUTC());
            for (DeviceId id : devices) {
                TreeSet<LocalDate> sealedDays = SealFiles.sealedDays(cfg.dataDir(), id);
                if (sealedDays.contains(date)) {
                    System.out.printf("%s %s: already sealed%n", id, date);
                    continue;
                }
                // a seal cannot be slipped in behind a later one: unsealed days before this one go first
                List<LocalDate> days = new ArrayList<>(SealFiles.logDays(cfg.dataDir(), id).headSet(date, false).stream()
                        .filter(day -> sealedDays.isEmpty() || day.isAfter(sealedDays.last())).toList());
                days.add(date);
                for (LocalDate day : days) {
                    try {
                        SealedDay sealed = sealer.sealDay(cfg.dataDir(), id, day, cfg.zone());
                        System.out.printf("%s %s: sealed, %d lines, SHA-256 %s, time-stamped %s by %s%n", id, day,
                                sealed.statement().lineCount(), sealed.statement().fileSha256(), sealed.tsaTime(),
                                sealed.statement().tsaLabel());
                        record(cfg, sealed);
                    } catch (SealException e) {
                        System.out.printf("%s %s: NOT sealed: %s%n", id, day, e.getMessage());
                        failed++;
                        break;
                    }
                }
            }
        }
        if (devices.isEmpty()) {
            System.out.println("no device has a daily file for " + date);
        }
        return failed == 0 ? 0 : 1;
    }

    /** The seal files are the evidence; the index row only speeds up status, and the collector adds it later if this fails. */
    private static void record(CollectorConfig cfg, SealedDay sealed) {
        try (IndexDatabase index = ConfigOption.openIndex(cfg)) {
            new SealRecords(index.dsl()).recordSealed(sealed);
        } catch (RuntimeException e) {
            System.err.println("warning: the seal is on disk but not yet in the index (" + e.getMessage()
                    + "); the collector indexes it at its next start");
        }
    }
}
