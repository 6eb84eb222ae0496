package org.logmaster.collector.enrich;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.logmaster.collector.ingest.RawFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files each frame under its registered device: sender IP → registered static IP, else → MAC from
 * the neighbour table → the device registered with that MAC. A sender that matches nothing keeps
 * the address-derived id of {@link SenderAddressResolver} and is counted in {@link UnknownSenders}.
 *
 * <p>{@link #deviceFor} runs on the writer thread for every message, so it only reads a per-sender
 * cache built from immutable snapshots of the registry and the neighbour table. {@link #refresh}
 * rebuilds those (after every registry change, periodically once {@link #start}ed, and soon after
 * an unknown address first appears) and reports senders that now belong to a registered device
 * to the {@link #onSenderAssigned} listeners, on the refreshing thread.
 */
public final class RegisteredDeviceResolver implements DeviceResolver, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegisteredDeviceResolver.class);
    /** Cache entries before the cache is dropped wholesale (bounds memory under spoofed sources). */
    static final int MAX_CACHED = 65_536;
    private static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(1);

    private record Resolution(DeviceId id, boolean registered) {}

    /** What identification is based on; replaced as a whole, never changed. */
    private record Snapshot(Map<InetAddress, DeviceId> byStaticIp, Map<MacAddress, DeviceId> byMac,
                            Map<InetAddress, MacAddress> neighbours) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of());
    }

    private final DeviceRegistry registry;
    private final NeighbourTable neighbourTable;
    private final UnknownSenders unknownSenders;
    private final List<Consumer<SenderAssignment>> assignmentListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile ConcurrentHashMap<InetAddress, Resolution> cache = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile long lastRefreshNanos;

    public RegisteredDeviceResolver(DeviceRegistry registry, NeighbourTable neighbourTable, UnknownSenders unknownSenders) {
        this.registry = registry;
        this.neighbourTable = neighbourTable;
        this.unknownSenders = unknownSenders;
        refresh();
        registry.addChangeListener(this::refresh);
    }

    /** Called with every sender that moved from unknown to a registered device. */
    public void onSenderAssigned(Consumer<SenderAssignment> listener) {
        assignmentListeners.add(listener);
    }

    @Override
    public DeviceId deviceFor(RawFrame frame) {
        if (frame.deviceHint() != null) {
            return new DeviceId(frame.deviceHint());
        }
        InetAddress sender = frame.sender();
        ConcurrentHashMap<InetAddress, Resolution> current = cache;
        Resolution resolution = current.get(sender);
        if (resolution == null) {
            resolution = resolve(sender, snapshot);
            if (current.size() >= MAX_CACHED) {
                current.clear();
            }
            current.put(sender, resolution);
            if (!resolution.registered()) {
                refreshSoon(); // the kernel may learn its MAC only now
            }
        }
        if (!resolution.registered()) {
            unknownSenders.saw(sender, resolution.id(), frame.arrival());
        }
        return resolution.id();
    }

    /** Senders not attributed to a registered device, with their MAC where the neighbour table knows it. */
    public List<UnknownSender> unknownSenders() {
        Map<InetAddress, MacAddress> neighbours = snapshot.neighbours();
        return unknownSenders.list().stream()
                .map(u -> new UnknownSender(u.address(), u.deviceId(), neighbours.get(u.address()),
                        u.firstSeen(), u.lastSeen(), u.messageCount()))
                .toList();
    }

    /**
     * Re-reads the registry and the neighbour table, rebuilds the cache and reports senders that
     * now belong to a registered device.
     */
    public synchronized void refresh() {
        lastRefreshNanos = System.nanoTime();
        Map<InetAddress, DeviceId> byStaticIp = new HashMap<>();
        Map<MacAddress, DeviceId> byMac = new HashMap<>();
        for (Device device : registry.list(false)) {
            byMac.put(device.mac(), device.id());
            if (device.staticIp() != null) byStaticIp.put(device.staticIp(), device.id());
        }
        Snapshot fresh = new Snapshot(Map.copyOf(byStaticIp), Map.copyOf(byMac), Map.copyOf(neighbourTable.read()));
        ConcurrentHashMap<InetAddress, Resolution> previous = cache;
        Set<InetAddress> tracked = unknownSenders.addresses();
        Set<InetAddress> senders = new HashSet<>(previous.keySet());
        senders.addAll(tracked);
        ConcurrentHashMap<InetAddress, Resolution> rebuilt = new ConcurrentHashMap<>();
        List<SenderAssignment> assignments = new ArrayList<>();
        for (InetAddress sender : senders) {
            Resolution now = resolve(sender, fresh);
            rebuilt.put(sender, now);
            if (now.registered() && tracked.contains(sender)) {
                assignments.add(new SenderAssignment(sender, SenderAddressResolver.idOf(sender), now.id()));
            }
        }
        snapshot = fresh;
        cache = rebuilt;
        for (SenderAssignment assignment : assignments) {
            unknownSenders.forget(assignment.sender());
            log.info("sender {} now belongs to device {}", assignment.sender().getHostAddress(), assignment.device());
            for (Consumer<SenderAssignment> listener : assignmentListeners) {
                try {
                    listener.accept(assignment);
                } catch (RuntimeException e) {
                    log.error("sender assignment listener failed for {}", assignment, e);
                }
            }
        }
    }

    /**
     * Refreshes every {@code refreshInterval} and writes unknown-sender counts every
     * {@code flushInterval}, on one daemon thread, until {@link #close}.
     */
    public synchronized void start(Duration refreshInterval, Duration flushInterval) {
        if (scheduler != null) return;
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("device-resolver").factory());
        s.scheduleWithFixedDelay(() -> quietly(this::refresh, "refresh"),
                refreshInterval.toMillis(), refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        s.scheduleWithFixedDelay(() -> quietly(unknownSenders::flush, "unknown sender flush"),
                flushInterval.toMillis(), flushInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        quietly(unknownSenders::flush, "unknown sender flush");
    }

    private void refreshSoon() {
        ScheduledExecutorService s = scheduler;
        if (s == null || !refreshPending.compareAndSet(false, true)) return;
        long sinceLast = System.nanoTime() - lastRefreshNanos;
        long delay = Math.max(0, MIN_REFRESH_GAP.toNanos() - sinceLast);
        try {
            s.schedule(() -> {
                refreshPending.set(false);
                quietly(this::refresh, "refresh");
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            refreshPending.set(false); // closing
        }
    }

    private static Resolution resolve(InetAddress sender, Snapshot s) {
        DeviceId byIp = s.byStaticIp().get(sender);
        if (byIp != null) {
            return new Resolution(byIp, true);
        }
        MacAddress mac = s.neighbours().get(sender);
        DeviceId byMac = mac == null ? null : s.byMac().get(mac);
        if (byMac != null) {
            return new Resolution(byMac, true);
        }
        return new Resolution(SenderAddressResolver.idOf(sender), false);
    }

    private static void quietly(Runnable task, String what) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("device resolver {} failed", what, e);
        }
    }
}
