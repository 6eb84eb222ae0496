package org.logmaster.collector.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.compliance.DayLogs;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventRepository;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.store.DeviceDay;

/**
 * An appliance in a temporary folder for export tests: the built-in TSA, two sealed days of
 * fw-01 and one of ap-01, their events in an H2 index, and helpers that unzip a bundle and run
 * the auditor's tools on it.
 */
final class BundleLab implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final DeviceId FW = new DeviceId("fw-01");
    static final DeviceId AP = new DeviceId("ap-01");
    final Path root;
    final Path data;
    final SealEnvironment seals;
    final TestDatabase database;
    final LocalDate day1 = LocalDate.now(ZONE).minusDays(2);
    final LocalDate day2 = LocalDate.now(ZONE).minusDays(1);

    BundleLab(Path root) throws Exception {
        this.root = root;
        this.data = root.resolve("data");
        seals = SealEnvironment.withBuiltInTsa(root.resolve("keys"), "pw".toCharArray(), "lab");
        database = TestDatabase.h2();
        List<EventRow> rows = new ArrayList<>();
        for (LocalDate day : List.of(day1, day2)) {
            DayLogs.write(data, FW.value(), day, 5);
            DayLogs.write(data, AP.value(), day, 3);
            for (int i = 0; i < 5; i++) {
                rows.add(row(FW, day, i, "allow src=10.0.0." + i + " dst=198.51.100.1 n=" + i));
            }
            rows.add(row(AP, day, 0, "assoc mac=00:11:22:33:44:55 ip=10.0.0.12"));
        }
        new EventRepository(database.index()).store(rows, Map.of());
        for (LocalDate day : List.of(day1, day2)) {
            seals.sealer(Clock.systemUTC()).sealDay(data, FW, day, ZONE);
            seals.sealer(Clock.systemUTC()).sealDay(data, AP, day, ZONE);
        }
    }

    private static EventRow row(DeviceId device, LocalDate day, int n, String message) {
        Instant arrival = day.atTime(10, n).atZone(ZONE).toInstant();
        LogEvent event = new LogEvent(LogEvent.Format.RFC5424, 4, 6, arrival, device.value(), "kernel", null, null,
                List.of(), message, false, null);
        return new EventRow(new DeviceDay(device, day), n * 100L, arrival, "192.0.2.7", "udp", event);
    }

    ExportRequest request(List<DeviceId> devices, String text, List<String> ips) {
        return new ExportRequest("2026/123 Esas", "Ankara 3. Asliye Ceza", "IP 10.0.0.1 on the given days",
                devices, day1.atStartOfDay(ZONE).toInstant(), day2.plusDays(1).atStartOfDay(ZONE).toInstant(), text, ips);
    }

    EvidenceBundle bundle() {
        return new EvidenceBundle(data, ZONE, seals, new EventSearch(database.index()), Clock.systemUTC());
    }

    /** Writes the bundle to a file and unzips it with Info-ZIP's unzip into a new folder. */
    Path exportAndUnzip(ExportRequest request, String name) throws Exception {
        Path zip = root.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            bundle().write(request, out);
        }
        Path folder = root.resolve(name);
        Files.createDirectories(folder);
        Result unzip = run(folder, "unzip", "-q", zip.toString());
        if (!unzip.ok()) throw new AssertionError("unzip failed: " + unzip.output());
        return folder;
    }

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command line of VERIFY.txt with /bin/sh in the bundle folder. */
    static Result sh(Path folder, String commandLine) throws IOException {
        return run(folder, "/bin/sh", "-c", commandLine);
    }

    /** The openssl and sha256sum commands VERIFY.txt gives, exactly as written there. */
    static List<String> verifyCommands(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("VERIFY.txt"), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> line.startsWith("openssl cms -verify") || line.startsWith("openssl ts -verify")
                        || line.startsWith("sha256sum -c") || line.startsWith("grep -q"))
                .toList();
    }

    static Result run(Path folder, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        seals.close();
        database.close();
    }
}
