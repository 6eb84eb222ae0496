package org.logmaster.collector.export;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.seal.SealEnvironment;

/**
 * Prints how long writing an evidence bundle of one large sealed day takes, and the heap in use
 * afterwards (a program, not a test). Usage: {@code ExportBenchmark [megabytes]} (default 256).
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 256;
        Path root = Files.createTempDirectory("export-benchmark");
        DeviceId device = new DeviceId("fw-01");
        LocalDate day = LocalDate.now(BundleLab.ZONE).minusDays(1);
        try (SealEnvironment seals = SealEnvironment.withBuiltInTsa(root.resolve("keys"), "pw".toCharArray(), "bench");
             TestDatabase database = TestDatabase.h2()) {
            Path log = root.resolve("data/logs/fw-01/" + day + ".log");
            Files.createDirectories(log.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (long i = 0; Files.size(log) < megabytes << 20 || i % 100_000 != 0; i++) {
                    out.write(day + "T10:00:00.000Z 192.0.2.7 <134>1 - fw kernel - - - allow src=10.0.0." + (i % 250)
                            + " dst=198.51.100.1 n=" + i + "\n");
                    if (i % 100_000 == 0) out.flush();
                }
            }
            seals.sealer(Clock.systemUTC()).sealDay(root.resolve("data"), device, day, BundleLab.ZONE);
            ExportRequest request = new ExportRequest("bench", "bench", "bench", List.of(device),
                    day.atStartOfDay(BundleLab.ZONE).toInstant(), day.plusDays(1).atStartOfDay(BundleLab.ZONE).toInstant(),
                    null, List.of());
            EvidenceBundle bundle = new EvidenceBundle(root.resolve("data"), BundleLab.ZONE, seals,
                    new EventSearch(database.index()), Clock.systemUTC());
            Path zip = root.resolve("bundle.zip");
            long start = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(zip)) {
                bundle.write(request, out);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("day file %,d bytes -> bundle %,d bytes in %.1f s (%.0f MB/s of day file); heap in use"
                    + " afterwards %,d MB%n", Files.size(log), Files.size(zip), seconds,
                    Files.size(log) / 1e6 / seconds, (rt.totalMemory() - rt.freeMemory()) >> 20);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
