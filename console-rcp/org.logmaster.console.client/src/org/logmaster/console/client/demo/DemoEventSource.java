package org.logmaster.console.client.demo;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;
import org.logmaster.console.client.LiveEventSource;

/**
 * Generates firewall-like events at a steady rate, for tests, benchmarks and the screenshot demo.
 * It is not a collector: the console never starts it unless asked to (see docs/console.md).
 */
public final class DemoEventSource implements LiveEventSource {

    private static final String[] DEVICES = { "fw-istanbul-01", "fw-ankara-02", "sw-core-01", "wifi-lobby" };
    private static final String[] APPS = { "filterlog", "sshd", "dhcpd", "kernel", "hostapd" };
    /** Severities with cumulative shares roughly like real traffic logs: mostly informational. */
    private static final Severity[] SEVERITIES = {
        Severity.SEVERITY_INFORMATIONAL, Severity.SEVERITY_NOTICE, Severity.SEVERITY_DEBUG, Severity.SEVERITY_WARNING,
        Severity.SEVERITY_ERROR, Severity.SEVERITY_CRITICAL, Severity.SEVERITY_ALERT, Severity.SEVERITY_EMERGENCY };
    private static final double[] CUMULATIVE_SHARE = { 0.70, 0.80, 0.86, 0.94, 0.98, 0.99, 0.996, 1.0 };
    private static final long SLOT_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final int eventsPerSecond;
    private final long totalEvents;
    private final SplittableRandom random;
    private final AtomicLong emitted = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean stopped;

    /**
     * @param eventsPerSecond the pace; events are emitted in 5 ms slots
     * @param totalEvents     how many to emit before stopping by itself; 0 for no limit
     * @param seed            makes the content repeatable
     */
    public DemoEventSource(int eventsPerSecond, long totalEvents, long seed) {
        if (eventsPerSecond <= 0) {
            throw new IllegalArgumentException("eventsPerSecond must be positive");
        }
        this.eventsPerSecond = eventsPerSecond;
        this.totalEvents = totalEvents;
        this.random = new SplittableRandom(seed);
    }

    public long emittedCount() {
        return emitted.get();
    }

    /** True once the configured number of events has been emitted. */
    public boolean isFinished() {
        return totalEvents > 0 && emitted.get() >= totalEvents;
    }

    @Override
    public synchronized void start(LiveEventListener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofPlatform().daemon().name("demo-live-events").start(() -> run(listener));
    }

    private void run(LiveEventListener listener) {
        long startNanos = System.nanoTime();
        while (!stopped && !isFinished()) {
            long due = (System.nanoTime() - startNanos) * eventsPerSecond / TimeUnit.SECONDS.toNanos(1);
            if (totalEvents > 0) {
                due = Math.min(due, totalEvents);
            }
            while (emitted.get() < due && !stopped) {
                listener.onEvent(next(emitted.get()));
                emitted.incrementAndGet();
            }
            LockSupport.parkNanos(SLOT_NANOS);
        }
    }

    LiveEvent next(long sequence) {
        Severity severity = severity(random.nextDouble());
        String device = DEVICES[random.nextInt(DEVICES.length)];
        String app = APPS[random.nextInt(APPS.length)];
        String host = "10.20." + random.nextInt(4) + "." + (1 + random.nextInt(250));
        return new LiveEvent(Instant.now(), device, severity, host, app, message(app, sequence));
    }

    private static Severity severity(double draw) {
        int i = 0;
        while (draw >= CUMULATIVE_SHARE[i]) {
            i++;
        }
        return SEVERITIES[i];
    }

    private String message(String app, long sequence) {
        return switch (app) {
            case "filterlog" -> "block in on igb0 TCP 198.51.100." + random.nextInt(256) + ":" + (1024 + random.nextInt(60_000))
                    + " -> 203.0.113." + random.nextInt(256) + ":" + (random.nextBoolean() ? 443 : 22) + " seq=" + sequence;
            case "sshd" -> "Failed password for invalid user admin from 198.51.100." + random.nextInt(256) + " port "
                    + (1024 + random.nextInt(60_000)) + " ssh2";
            case "dhcpd" -> "DHCPACK on 10.20.1." + random.nextInt(250) + " to 3c:22:fb:" + Integer.toHexString(16 + random.nextInt(200))
                    + ":0a:" + Integer.toHexString(16 + random.nextInt(200)) + " via igb1";
            case "kernel" -> "igb0: link state changed to " + (random.nextBoolean() ? "UP" : "DOWN");
            default -> "STA 3c:22:fb:10:0a:" + Integer.toHexString(16 + random.nextInt(200)) + " IEEE 802.11: associated";
        };
    }

    @Override
    public void stop() {
        stopped = true;
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
