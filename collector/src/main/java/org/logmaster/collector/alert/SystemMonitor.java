package org.logmaster.collector.alert;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.index.IndexListener;
import org.logmaster.collector.ingest.ListenerCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the readings behind the built-in system rules at a fixed rate ({@link #check}): UDP drops
 * since the last check, writer queue fill, disk usage of the data folder, devices gone silent.
 * Learns when each device last sent from the committed rows it is told of.
 */
public final class SystemMonitor implements IndexListener {
    private static final Logger log = LoggerFactory.getLogger(SystemMonitor.class);

    private final SystemAlerts alerts;
    private final AlertSettings.SystemRules rules;
    private final Supplier<List<ListenerCounters.Snapshot>> listeners;
    private final IntSupplier queueDepth;
    private final int queueCapacity;
    private final Path dataDir;
    private final Clock clock;
    private final Map<String, Long> lastDrops = new HashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    public SystemMonitor(SystemAlerts alerts, AlertSettings.SystemRules rules,
                         Supplier<List<ListenerCounters.Snapshot>> listeners, IntSupplier queueDepth, int queueCapacity,
                         Path dataDir, Clock clock) {
        this.alerts = alerts;
        this.rules = rules;
        this.listeners = listeners;
        this.queueDepth = queueDepth;
        this.queueCapacity = queueCapacity;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    @Override
    public void indexed(List<EventRow> rows) {
        for (EventRow row : rows) {
            lastSeen.merge(row.deviceDay().device().value(), row.arrival(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Takes every reading once; a reading that fails is logged and the others still run. */
    public synchronized void check() {
        try {
            udpDrops();
            queue();
            disk();
            silentDevices();
        } catch (RuntimeException e) {
            log.warn("system check failed: {}", e.toString());
        }
    }

    private void udpDrops() {
        for (ListenerCounters.Snapshot s : listeners.get()) {
            long before = lastDrops.getOrDefault(s.listener(), 0L);
            lastDrops.put(s.listener(), s.dropped());
            if (s.dropped() > before) alerts.udpDrops(s.listener(), s.dropped() - before, s.dropped());
        }
    }

    private void queue() {
        if (rules.queuePercent() <= 0 || queueCapacity <= 0) return;
        int depth = queueDepth.getAsInt();
        if ((long) depth * 100 > (long) rules.queuePercent() * queueCapacity) alerts.queueSaturated(depth, queueCapacity);
    }

    private void disk() {
        if (rules.diskUsagePercent() <= 0) return;
        DiskReading d = DiskReading.of(dataDir);
        if (d != null && d.usedPercent() > rules.diskUsagePercent()) {
            alerts.diskFull(dataDir.toString(), d.usedPercent(), d.freeBytes());
        }
    }

    private void silentDevices() {
        if (rules.silentMinutes() <= 0) return;
        Instant limit = clock.instant().minus(Duration.ofMinutes(rules.silentMinutes()));
        lastSeen.forEach((device, seen) -> {
            if (seen.isBefore(limit)) alerts.deviceSilent(device, seen);
        });
    }

    /** Space of the file system holding a folder. */
    public record DiskReading(long totalBytes, long freeBytes) {
        public int usedPercent() {
            return totalBytes <= 0 ? 0 : (int) ((totalBytes - freeBytes) * 100 / totalBytes);
        }

        /** The reading, or null when the folder's file system cannot be read. */
        public static DiskReading of(Path dir) {
            try {
                Path existing = dir;
                while (existing != null && !Files.exists(existing)) existing = existing.getParent();
                if (existing == null) return null;
                FileStore store = Files.getFileStore(existing);
                return new DiskReading(store.getTotalSpace(), store.getUsableSpace());
            } catch (IOException e) {
                return null;
            }
        }
    }
}
