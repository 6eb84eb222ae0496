package org.logmaster.collector.index;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.logmaster.collector.ingest.CounterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's second stage: commits batches the reading stage prepared, on its own thread,
 * so that reading and parsing the next batch overlaps the database's work on this one. A batch
 * that fails is retried until the database takes it; meanwhile the small hand-over queue fills
 * and the reading stage waits.
 */
final class IndexCommitter {
    private static final Logger log = LoggerFactory.getLogger(IndexCommitter.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final int BATCHES_IN_HAND = 2;

    private final EventRepository repository;
    private final CounterRegistry counters;
    private final Duration maxRetryDelay;
    private final Runnable onCommit;
    private final List<IndexListener> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<List<IndexedEvent>>> subscribers = new CopyOnWriteArrayList<>();
    /** Held while subscribing and around each commit, which reads its rows back only for subscribers. */
    private final Object subscription = new Object();
    private final BlockingQueue<IndexBatch> queue = new ArrayBlockingQueue<>(BATCHES_IN_HAND);
    private final Thread thread;

    private volatile boolean closing;
    private volatile boolean healthy = true;
    private volatile long indexedRows;
    private volatile long malformedRows;
    private volatile long undecodableLines;
    private volatile long transactions;

    IndexCommitter(EventRepository repository, CounterRegistry counters, Duration maxRetryDelay, Runnable onCommit) {
        this.repository = repository;
        this.counters = counters;
        this.maxRetryDelay = maxRetryDelay;
        this.onCommit = onCommit;
        this.thread = new Thread(this::run, "logmaster-index-commit");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void addListener(IndexListener listener) {
        listeners.add(listener);
    }

    /** See {@link Indexer#subscribe}. */
    Indexer.Subscription subscribe(java.util.function.Consumer<List<IndexedEvent>> subscriber) {
        synchronized (subscription) {
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }

    /** Hands a batch over; blocks while two are waiting already. */
    void submit(IndexBatch batch) throws InterruptedException {
        queue.put(batch);
    }

    boolean healthy() {
        return healthy;
    }

    IndexerStats stats(long lagBytes) {
        return new IndexerStats(indexedRows, malformedRows, undecodableLines, transactions, lagBytes, healthy);
    }

    /**
     * Commits what was handed over (unless the database fails) and stops. Never interrupts the
     * thread: an interrupt during H2's file I/O closes its file channel and with it the database.
     */
    void close() throws InterruptedException {
        closing = true;
        thread.join();
    }

    private void run() {
        while (true) {
            IndexBatch batch;
            try {
                batch = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (batch != null) {
                commit(batch);
            } else if (closing) {
                return;
            }
        }
    }

    private void commit(IndexBatch batch) {
        Duration delay = FIRST_RETRY_DELAY;
        List<IndexedEvent> committed;
        while (true) {
            try {
                synchronized (subscription) {
                    committed = repository.store(batch.rows(), batch.newOffsets(), !subscribers.isEmpty());
                }
                break;
            } catch (RuntimeException e) {
                if (healthy) log.error("indexing {} rows failed; retrying until the database takes them", batch.size(), e);
                healthy = false;
                if (closing) {
                    log.error("indexer closing with {} rows not committed; they are indexed at the next start", batch.size());
                    return;
                }
                pause(delay);
                delay = delay.multipliedBy(2).compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay.multipliedBy(2);
            }
        }
        if (!healthy) log.info("indexing works again");
        healthy = true;
        tellListeners(batch);
        publish(committed);
        // only now is the batch indexed, so whoever waits for that finds the listeners told too
        batch.committed(counters);
        indexedRows += batch.size();
        malformedRows += batch.malformed();
        undecodableLines += batch.undecodable();
        transactions++;
        onCommit.run();
    }

    private void publish(List<IndexedEvent> committed) {
        if (committed.isEmpty()) return;
        for (java.util.function.Consumer<List<IndexedEvent>> subscriber : subscribers) {
            try {
                subscriber.accept(committed);
            } catch (RuntimeException e) {
                log.error("an index subscriber failed; it stays subscribed", e);
            }
        }
    }

    private void tellListeners(IndexBatch batch) {
        if (batch.rows().isEmpty()) return;
        List<EventRow> rows = Collections.unmodifiableList(batch.rows());
        for (IndexListener listener : listeners) {
            try {
                listener.indexed(rows);
            } catch (RuntimeException e) {
                log.error("index listener {} failed", listener, e);
            }
        }
    }

    /** Sleeps, in steps short enough for close() not to wait out a long back-off. */
    private void pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        while (!closing && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
