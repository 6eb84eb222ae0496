package org.logmaster.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU ticks and memory of a process, from /proc. */
record ProcessStats(long cpuTicks, long rssMiB, long peakRssMiB) {
    static final int TICKS_PER_SECOND = 100; // USER_HZ on Linux

    static ProcessStats read(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
        long rss = 0, peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) rss = kib(line) >> 10;
            if (line.startsWith("VmHWM:")) peak = kib(line) >> 10;
        }
        return new ProcessStats(ticks, rss, peak);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
