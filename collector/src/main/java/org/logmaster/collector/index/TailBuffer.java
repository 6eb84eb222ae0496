package org.logmaster.collector.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The bounded buffer of one live tail, between the indexer, which fills it and never waits, and
 * a client, which empties it at its own pace. When the buffer is full, matching events are not
 * kept but counted into a {@link Gap}, which takes their place in the order; the gap stays open
 * (goes on counting) until the reader has emptied the buffer to half its size, so a reader that
 * cannot keep up gets few large gaps rather than many small ones. The skipped events are in the
 * index all the same.
 */
public final class TailBuffer {
    /** What a tail delivers. */
    public sealed interface Item permits Event, Gap {}

    /** A matching event. */
    public record Event(IndexedEvent event) implements Item {}

    /**
     * Matching events skipped because the reader was too slow.
     *
     * @param skipped how many
     * @param first   arrival of the first skipped event
     * @param last    arrival of the last skipped event
     * @param lastId  id of the last skipped event: where to continue after the gap
     */
    public record Gap(long skipped, Instant first, Instant last, long lastId) implements Item {}

    /** A gap still counting, at the end of the queue. */
    private static final class OpenGap {
        long skipped;
        Instant first;
        Instant last;
        long lastId;

        Gap close() {
            return new Gap(skipped, first, last, lastId);
        }
    }

    private final Predicate<IndexedEvent> filter;
    private final int maxEvents;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();  // IndexedEvent or OpenGap
    private OpenGap openGap;
    private int events;
    private long bytes;
    private long skippedTotal;
    private boolean closed;

    /**
     * @param filter    which events the tail wants; others are neither kept nor counted
     * @param maxEvents events kept at most
     * @param maxBytes  approximate memory kept at most (message text and a fixed overhead per event)
     */
    public TailBuffer(Predicate<IndexedEvent> filter, int maxEvents, long maxBytes) {
        if (maxEvents < 2) throw new IllegalArgumentException("maxEvents must be at least 2");
        if (maxBytes < 1024) throw new IllegalArgumentException("maxBytes must be at least 1024");
        this.filter = filter;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** Takes a committed batch (indexer thread): keeps what fits, counts the rest into a gap. */
    public void offer(List<IndexedEvent> batch) {
        lock.lock();
        try {
            if (closed) return;
            boolean added = false;
            for (IndexedEvent e : batch) {
                if (!filter.test(e)) continue;
                added = true;
                if (mustSkip()) {
                    skip(e);
                } else {
                    openGap = null;
                    queue.addLast(e);
                    events++;
                    bytes += weight(e);
                }
            }
            if (added) notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean mustSkip() {
        if (openGap != null) {
            return events > maxEvents / 2 || bytes > maxBytes / 2;
        }
        return events >= maxEvents || bytes >= maxBytes;
    }

    private void skip(IndexedEvent e) {
        if (openGap == null) {
            openGap = new OpenGap();
            openGap.first = e.arrival();
            queue.addLast(openGap);
        }
        openGap.skipped++;
        openGap.last = e.arrival();
        openGap.lastId = e.id();
        skippedTotal++;
    }

    /** The next item, waiting at most {@code timeout}; null when none came or the buffer was closed. */
    public Item poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed || nanos <= 0) return null;
                nanos = notEmpty.awaitNanos(nanos);
            }
            Object head = queue.pollFirst();
            if (head instanceof OpenGap gap) {
                if (gap == openGap) openGap = null;
                return gap.close();
            }
            IndexedEvent e = (IndexedEvent) head;
            events--;
            bytes -= weight(e);
            return new Event(e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a gap is waiting in the buffer. */
    public boolean hasGap() {
        lock.lock();
        try {
            return queue.stream().anyMatch(OpenGap.class::isInstance);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets everything buffered (for a reader that will read the index instead). */
    public void clear() {
        lock.lock();
        try {
            queue.clear();
            openGap = null;
            events = 0;
            bytes = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Events skipped so far, in all gaps. */
    public long skippedTotal() {
        lock.lock();
        try {
            return skippedTotal;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the buffer: nothing more is taken, and a waiting {@link #poll} returns. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static long weight(IndexedEvent e) {
        return 256L + (e.message() == null ? 0 : 2L * e.message().length());
    }
}
