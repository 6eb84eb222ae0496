package org.logmaster.collector.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.logmaster.collector.index.Indexer;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.ListenerCounters;
import org.logmaster.collector.store.GroupCommitWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the counters at a fixed interval when they changed, and once more at stop. A "stored"
 * figure in this log is a promise: those messages were fsynced to their daily files.
 */
final class StatusReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.logmaster.collector.status");

    private final CounterRegistry counters;
    private final GroupCommitWriter writer;
    private final Indexer indexer;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("status").daemon().factory());
    private String last = "";

    StatusReporter(CounterRegistry counters, GroupCommitWriter writer, Indexer indexer, Duration interval) {
        this.counters = counters;
        this.writer = writer;
        this.indexer = indexer;
        this.interval = interval;
    }

    void start() {
        timer.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void report() {
        List<ListenerCounters.Snapshot> all = counters.snapshot();
        long received = 0, stored = 0, dropped = 0, malformed = 0;
        for (ListenerCounters.Snapshot s : all) {
            received += s.received();
            stored += s.stored();
            dropped += s.dropped();
            malformed += s.malformed();
        }
        String line = "received=%d stored=%d dropped=%d malformed=%d queue=%d index-lag-bytes=%d"
                .formatted(received, stored, dropped, malformed, writer.queueDepth(), indexer.lagBytes());
        if (!line.equals(last)) {
            last = line;
            log.info("status {}", line);
            for (ListenerCounters.Snapshot s : all) log.info("status {}", s);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        report();
    }
}
