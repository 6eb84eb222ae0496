package org.logmaster.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sum of the kernel's per-socket drop counters (last column of /proc/net/udp) for a local port. */
final class UdpDrops {
    private UdpDrops() {}

    static long forPort(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        long drops = 0;
        for (String file : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            Path p = Path.of(file);
            if (!Files.exists(p)) continue;
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 12 && f[1].endsWith(hexPort)) drops += Long.parseLong(f[f.length - 1]);
            }
        }
        return drops;
    }
}
