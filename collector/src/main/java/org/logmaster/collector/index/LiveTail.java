package org.logmaster.collector.index;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One live tail: matching events in id order as they are committed to the index, optionally
 * first those after a given id (a resumed tail), without gaps or duplicates, except for the
 * {@link TailBuffer.Gap gaps} a reader too slow for the live rate gets.
 *
 * <p>It subscribes to the indexer before it reads the index, so every row is either read from
 * the index or delivered live (some both: they are dropped by id). While it is replaying from the
 * index, a live buffer that overflows costs nothing: it is cleared and the replay goes on from the
 * index, which holds those rows. Only a reader that falls behind the live rate sees gaps.
 */
public final class LiveTail implements AutoCloseable {
    /** Rows read from the index at a time while replaying. */
    static final int REPLAY_PAGE = 500;

    private final EventSearch search;
    private final SearchQuery filter;
    private final TailBuffer buffer;
    private final Indexer.Subscription subscription;
    private final Deque<IndexedEvent> replay = new ArrayDeque<>();
    private boolean replaying;
    private long lastId;

    /**
     * Starts a tail of the rows matching {@code filter} (devices, severity, text; its time range
     * and paging are ignored).
     *
     * @param afterId continue after this row id; negative: only rows committed from now on
     */
    public LiveTail(Indexer indexer, EventSearch search, SearchQuery filter, long afterId, int maxEvents, long maxBytes) {
        this.search = search;
        this.filter = filter.withTimeRange(null, null);
        this.buffer = new TailBuffer(search.matcher(this.filter), maxEvents, maxBytes);
        this.subscription = indexer.subscribe(buffer::offer);
        this.replaying = afterId >= 0;
        this.lastId = Math.max(afterId, 0);
    }

    /**
     * The next item, waiting at most {@code timeout} for a live one; null if none came. Not
     * thread-safe: one reader per tail.
     */
    public TailBuffer.Item next(Duration timeout) throws InterruptedException {
        while (replaying) {
            IndexedEvent e = replay.pollFirst();
            if (e != null) {
                lastId = e.id();
                return new TailBuffer.Event(e);
            }
            if (buffer.hasGap()) {
                buffer.clear();  // what it skipped is in the index, which the replay reads next
            }
            List<IndexedEvent> page = search.after(filter, lastId, REPLAY_PAGE);
            replay.addAll(page);
            if (page.size() < REPLAY_PAGE && !buffer.hasGap()) {
                replaying = false;  // the buffer holds everything committed since that read
            }
        }
        IndexedEvent next = replay.pollFirst();
        if (next != null) {
            lastId = next.id();
            return new TailBuffer.Event(next);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TailBuffer.Item item = buffer.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            switch (item) {
                case null -> {
                    return null;
                }
                case TailBuffer.Event(IndexedEvent e) when e.id() <= lastId -> {
                    // read from the index already
                }
                case TailBuffer.Event(IndexedEvent e) -> {
                    lastId = e.id();
                    return item;
                }
                case TailBuffer.Gap gap -> {
                    lastId = Math.max(lastId, gap.lastId());
                    return gap;
                }
            }
        }
    }

    /** Events skipped in gaps so far. */
    public long skipped() {
        return buffer.skippedTotal();
    }

    /** Unsubscribes; a reader waiting in {@link #next} returns. */
    @Override
    public void close() {
        subscription.close();
        buffer.close();
    }
}
