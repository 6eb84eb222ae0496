package org.logmaster.collector.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The built-in system rules ({@code system.*}), raised by readings ({@link SystemMonitor}) and by
 * hooks other stages call: the sealing code reports each seal, TSA failure and day left unsealed
 * here. One alert per kind and subject (a listener, a device, a day) within the suppression time.
 * Also keeps the seal and TSA state that metrics and health checks read. Thread-safe.
 */
public final class SystemAlerts {
    public static final String UDP_DROPS = "system.udp-drops";
    public static final String QUEUE_SATURATION = "system.queue-saturation";
    public static final String DISK_USAGE = "system.disk-usage";
    public static final String TSA_FAILURE = "system.tsa-failure";
    public static final String DAY_NOT_SEALED = "system.day-not-sealed";
    public static final String DEVICE_SILENT = "system.device-silent";

    /** Every built-in rule, with what it means (for docs, the API's rule list and metrics). */
    public static final Map<String, String> RULES = Map.of(
            UDP_DROPS, "UDP datagrams were dropped (kernel buffer or collector queue)",
            QUEUE_SATURATION, "the writer queue is fuller than alerts.system.queue-percent",
            DISK_USAGE, "the data folder's file system is fuller than alerts.system.disk-usage-percent",
            TSA_FAILURE, "the time-stamp authority failed to stamp a seal",
            DAY_NOT_SEALED, "a closed day is still not sealed alerts.system.seal-grace-hours after its end",
            DEVICE_SILENT, "a device that sent logs has been silent for alerts.system.silent-minutes");

    private final Consumer<Alert> sink;
    private final Clock clock;
    private final Duration suppress;
    private final Map<String, Instant> quietUntil = new ConcurrentHashMap<>();
    private final AtomicLong sealsDone = new AtomicLong();
    private final AtomicLong sealsFailed = new AtomicLong();
    private final AtomicLong tsaFailures = new AtomicLong();
    private volatile boolean tsaHealthy = true;

    public SystemAlerts(Consumer<Alert> sink, Clock clock, Duration suppress) {
        this.sink = sink;
        this.clock = clock;
        this.suppress = suppress;
    }

    // ---- hooks for the sealing stage ----

    /** A day of a device was sealed and time-stamped. */
    public void daySealed(String device, LocalDate day) {
        sealsDone.incrementAndGet();
        tsaHealthy = true;
    }

    /** Sealing a day failed for a reason other than the TSA (the TSA has {@link #tsaFailed}). */
    public void sealFailed(String device, LocalDate day, String why) {
        sealsFailed.incrementAndGet();
    }

    /** The time-stamp authority refused or did not answer; the seal waits for a retry. */
    public void tsaFailed(String tsa, String why) {
        tsaFailures.incrementAndGet();
        sealsFailed.incrementAndGet();
        tsaHealthy = false;
        raise(TSA_FAILURE, AlertSeverity.CRITICAL, tsa, "time-stamp authority " + tsa + " failed: " + why,
                List.of("tsa=" + tsa, "error=" + why));
    }

    /** A closed day is still unsealed past its grace time. */
    public void dayNotSealed(String device, LocalDate day) {
        raise(DAY_NOT_SEALED, AlertSeverity.CRITICAL, device + "/" + day,
                "day " + day + " of device " + device + " is not sealed in time",
                List.of("device=" + device, "day=" + day));
    }

    // ---- readings (SystemMonitor) ----

    void udpDrops(String listener, long newDrops, long total) {
        raise(UDP_DROPS, AlertSeverity.WARNING, listener, newDrops + " UDP datagrams dropped on listener " + listener,
                List.of("listener=" + listener, "dropped-since-last-check=" + newDrops, "dropped-total=" + total));
    }

    void queueSaturated(int depth, int capacity) {
        raise(QUEUE_SATURATION, AlertSeverity.WARNING, "writer", "writer queue holds " + depth + " of " + capacity
                + " frames", List.of("queue-depth=" + depth, "queue-capacity=" + capacity));
    }

    void diskFull(String path, int usedPercent, long freeBytes) {
        raise(DISK_USAGE, AlertSeverity.CRITICAL, path, "file system of " + path + " is " + usedPercent + "% full",
                List.of("path=" + path, "used-percent=" + usedPercent, "free-bytes=" + freeBytes));
    }

    void deviceSilent(String device, Instant lastSeen) {
        raise(DEVICE_SILENT, AlertSeverity.WARNING, device, "device " + device + " has sent nothing since " + lastSeen,
                List.of("device=" + device, "last-arrival=" + lastSeen));
    }

    private void raise(String rule, AlertSeverity severity, String subject, String summary, List<String> evidence) {
        Instant now = clock.instant();
        String key = rule + "\n" + subject;
        Instant until = quietUntil.get(key);
        if (until != null && now.isBefore(until)) return;
        quietUntil.put(key, now.plus(suppress));
        sink.accept(Alert.raised(rule, severity, now, subject, 1, summary, evidence, null));
    }

    public long sealsDone() {
        return sealsDone.get();
    }

    public long sealsFailed() {
        return sealsFailed.get();
    }

    /** False from a TSA failure until the next successful seal. */
    public boolean tsaHealthy() {
        return tsaHealthy;
    }
}
