package org.logmaster.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Counts the lines in the collector's daily files: a line there has been fsynced before the
 * collector counts it stored, so it is the durable truth. Counting re-reads only new bytes.
 */
final class StoredCounter {
    private final Path logs;
    private long lines;
    private long bytes;
    private long lastGrowthNanos = System.nanoTime();
    private final java.util.Map<Path, Long> readUpTo = new java.util.HashMap<>();

    StoredCounter(Path logs) {
        this.logs = logs;
    }

    /** Polls until {@code expected} lines exist or nothing grew for {@code quiet}. */
    long awaitStable(long expected, Duration quiet) throws IOException, InterruptedException {
        while (true) {
            long before = lines;
            scan();
            if (lines != before) lastGrowthNanos = System.nanoTime();
            if (lines >= expected) return lines;
            if (System.nanoTime() - lastGrowthNanos > quiet.toNanos()) return lines;
            Thread.sleep(20);
        }
    }

    long lastGrowthNanos() { return lastGrowthNanos; }
    long bytes() { return bytes; }

    private void scan() throws IOException {
        if (!Files.isDirectory(logs)) return;
        List<Path> files;
        try (Stream<Path> s = Files.walk(logs)) {
            files = s.filter(p -> p.toString().endsWith(".log")).toList();
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        for (Path f : files) {
            long from = readUpTo.getOrDefault(f, 0L);
            try (FileChannel ch = FileChannel.open(f)) {
                long pos = from;
                while (true) {
                    buf.clear();
                    int n = ch.read(buf, pos);
                    if (n <= 0) break;
                    buf.flip();
                    for (int i = 0; i < n; i++) if (buf.get(i) == '\n') lines++;
                    pos += n;
                }
                bytes += pos - from;
                readUpTo.put(f, pos);
            }
        }
    }
}
