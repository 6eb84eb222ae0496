package org.logmaster.collector.ingest;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one listener. "stored" is counted only after the frame's batch was fsynced
 * to its daily file; "dropped" holds datagrams lost inside the collector, while kernel
 * drops of a UDP socket are read from the kernel (see {@code kernelDrops}). "protocolErrors"
 * counts connections a stream listener closed because the peer broke the protocol (a malformed
 * octet count, a failed TLS handshake); the bytes received before are kept as frames.
 */
public final class ListenerCounters {
    private final String listener;
    private final LongAdder received = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder parsed = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder oversized = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private volatile long kernelDrops;

    public ListenerCounters(String listener) {
        this.listener = listener;
    }

    public String listener() { return listener; }
    public void received() { received.increment(); }
    public void stored(long n) { stored.add(n); }
    public void parsed(boolean wasMalformed) {
        parsed.increment();
        if (wasMalformed) malformed.increment();
    }
    public void dropped() { dropped.increment(); }
    public void oversized() { oversized.increment(); }
    public void protocolError() { protocolErrors.increment(); }
    public void kernelDrops(long total) { kernelDrops = total; }

    public Snapshot snapshot() {
        return new Snapshot(listener, received.sum(), stored.sum(), parsed.sum(), malformed.sum(),
                dropped.sum() + kernelDrops, oversized.sum(), protocolErrors.sum());
    }

    /** A consistent-enough reading for reports; each field is read once. */
    public record Snapshot(String listener, long received, long stored, long parsed, long malformed,
                           long dropped, long oversized, long protocolErrors) {
        @Override
        public String toString() {
            return "%s: received=%d stored=%d parsed=%d malformed=%d dropped=%d oversized=%d protocolErrors=%d"
                    .formatted(listener, received, stored, parsed, malformed, dropped, oversized, protocolErrors);
        }
    }
}
