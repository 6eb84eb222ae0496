package org.logmaster.collector.seal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints how long sealing and verifying one large day takes (a program, not a test). Usage:
 * {@code SealBenchmark [megabytes]} (default 1024); works in a temporary folder it removes.
 */
public final class SealBenchmark {
    private SealBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path root = Files.createTempDirectory("seal-benchmark");
        try (SealLab lab = new SealLab(root)) {
            LocalDate day = LocalDate.of(2025, 1, 1);
            Path log = lab.dayFiles(SealLab.DEVICE, day).log();
            Files.createDirectories(log.getParent());
            long lines = writeDay(log, megabytes << 20);
            System.out.printf("day file: %,d bytes, %,d lines%n", Files.size(log), lines);

            long start = System.nanoTime();
            SealRun run = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, day.plusDays(1));
            double sealSeconds = (System.nanoTime() - start) / 1e9;
            if (run.sealed().size() != 1) {
                throw new IllegalStateException("sealing failed: " + run.failures());
            }
            start = System.nanoTime();
            boolean ok = lab.verify(SealLab.DEVICE, day.plusDays(1)).ok();
            double verifySeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("seal:   %.2f s (%.0f MB/s)%n", sealSeconds, megabytes / sealSeconds);
            System.out.printf("verify: %.2f s (%.0f MB/s), ok=%s%n", verifySeconds, megabytes / verifySeconds, ok);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static long writeDay(Path log, long bytes) throws IOException {
        long written = 0;
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            while (written < bytes) {
                String line = "2025-01-01T10:00:00.000Z 192.0.2.7 <134>1 2025-01-01T10:00:00Z fw-01 kernel - - - "
                        + "allow src=10.0.0." + (lines % 250) + " dst=198.51.100.1 proto=tcp n=" + lines + "\n";
                out.write(line);
                written += line.length();
                lines++;
            }
        }
        return lines;
    }
}
