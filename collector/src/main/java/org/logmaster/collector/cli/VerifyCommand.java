package org.logmaster.collector.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.logmaster.collector.compliance.OnDemandVerification;
import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.seal.DayVerification;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.service.SealSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Verifies sealed days the way an auditor's openssl would, and names the first problem. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the seals of closed days: file bytes, signature, signer key, time stamp, chain.",
                "Exit code 0: every day verifies; 1: a problem (the first one is named); 2: bad arguments or configuration."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = {"-d", "--device"}, paramLabel = "ID", description = "Only this device (default: every device).")
    String device;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First day to report (default: the oldest).")
    String from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last day to report (default: yesterday).")
    String to;

    @Option(names = {"-q", "--quiet"}, description = "Print only days with problems and the summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        CollectorConfig cfg;
        LocalDate first;
        LocalDate last;
        List<DeviceId> devices;
        try {
            cfg = config.load();
            first = from == null ? null : LocalDate.parse(from);
            last = to == null ? null : LocalDate.parse(to);
            devices = device != null ? List.of(new DeviceId(device)) : List.of();
        } catch (ConfigException | DateTimeParseException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        List<DayVerification> days;
        try (SealEnvironment seals = SealSetup.open(cfg); IndexDatabase index = indexOrNull(cfg)) {
            OnDemandVerification verification = new OnDemandVerification(cfg.dataDir(), cfg.zone(), seals.verifier(),
                    Clock.systemUTC());
            days = verification.verify(devices, first, last, index == null ? null : new SealRecords(index.dsl()));
        }
        DayVerification firstProblem = null;
        for (DayVerification day : days) {
            if (!day.ok() && firstProblem == null) firstProblem = day;
            if (!quiet || !day.ok()) System.out.println(day);
        }
        if (firstProblem == null) {
            System.out.printf("OK: %d sealed days verify%n", days.size());
            return 0;
        }
        long bad = days.stream().filter(d -> !d.ok()).count();
        System.out.printf("FAILED: %d of %d days have problems; first: %s %s %s%n", bad, days.size(),
                firstProblem.device(), firstProblem.day(), firstProblem.problems().getFirst());
        return 1;
    }

    /** The files are what is verified; the index only keeps the results, so verification goes on without it. */
    private static IndexDatabase indexOrNull(CollectorConfig cfg) {
        try {
            return ConfigOption.openIndex(cfg);
        } catch (RuntimeException e) {
            System.err.println("warning: results will not be stored in the index: " + e.getMessage());
            return null;
        }
    }
}
