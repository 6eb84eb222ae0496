package org.logmaster.collector.alert;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.index.IndexListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert stage: told of every committed batch by the indexer (so alerts fire only for durable
 * events), it queues the batch and returns at once; its own thread evaluates the rules and runs
 * the actions. When the queue is full the batch is skipped, never waited for (ingest must not
 * slow down for alerts), and its events are counted in {@link AlertStats#skippedEvents}.
 * System alerts ({@link #raise}) share the queue, so every action runs on one thread.
 */
public final class AlertDispatcher implements IndexListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private sealed interface Work {}
    private record Batch(List<EventRow> rows) implements Work {}
    private record Raised(Alert alert) implements Work {}
    private record Stop() implements Work {}

    private final RuleEngine engine;
    private final BlockingQueue<Work> queue;
    private final List<AlertAction> actions = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private final LongAdder evaluated = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder systemSkipped = new LongAdder();
    private final Map<String, LongAdder> raisedBySeverity = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> actionFailures = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong submitted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    private volatile AlertRecorder recorder = alert -> alert;

    public AlertDispatcher(RuleEngine engine, int queueBatches) {
        this.engine = engine;
        this.queue = new ArrayBlockingQueue<>(queueBatches);
        this.worker = Thread.ofPlatform().name("alerts").daemon().unstarted(this::run);
    }

    /** Stores each alert before the actions run, so that they see its id. */
    public void recordWith(AlertRecorder newRecorder) {
        this.recorder = newRecorder;
    }

    public void addAction(AlertAction action) {
        actions.add(action);
    }

    public void start() {
        worker.start();
    }

    @Override
    public void indexed(List<EventRow> rows) {
        if (offer(new Batch(List.copyOf(rows)))) return;
        skipped.add(rows.size());
    }

    /** Queues a system alert; it is skipped (and counted) only when the queue is full. */
    public void raise(Alert alert) {
        if (!offer(new Raised(alert))) {
            systemSkipped.increment();
            log.error("alert queue full; system alert not delivered: {}", alert.summary());
        }
    }

    private boolean offer(Work work) {
        // counted first, so that awaitIdle never sees the work done before it was submitted
        submitted.incrementAndGet();
        if (queue.offer(work)) return true;
        submitted.decrementAndGet();
        return false;
    }

    /** Waits until everything queued before this call was handled (for tests and orderly stops). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long target = submitted.get();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (done.get() < target) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    public AlertStats stats() {
        Map<String, Long> raised = new java.util.TreeMap<>();
        raisedBySeverity.forEach((k, v) -> raised.put(k, v.sum()));
        Map<String, Long> failures = new java.util.TreeMap<>();
        actionFailures.forEach((k, v) -> failures.put(k, v.sum()));
        return new AlertStats(evaluated.sum(), skipped.sum(), systemSkipped.sum(), queue.size(), raised, failures,
                engine.rules().size());
    }

    private void run() {
        while (true) {
            Work work;
            try {
                work = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                switch (work) {
                    case Stop s -> {
                        return;
                    }
                    case Batch b -> evaluate(b.rows());
                    case Raised r -> deliver(r.alert());
                }
            } catch (RuntimeException e) {
                log.error("alert evaluation failed; the worker goes on", e);
            } finally {
                done.incrementAndGet();
            }
        }
    }

    private void evaluate(List<EventRow> rows) {
        for (EventRow row : rows) {
            List<Alert> raised = engine.evaluate(ObservedEvent.of(row));
            for (Alert a : raised) deliver(a);
        }
        evaluated.add(rows.size());
    }

    private void deliver(Alert alert) {
        raisedBySeverity.computeIfAbsent(alert.severity().key(), k -> new LongAdder()).increment();
        log.warn("ALERT {} {}", alert.severity().key(), alert.summary());
        Alert current = alert;
        try {
            current = recorder.record(alert);
        } catch (RuntimeException e) {
            actionFailures.computeIfAbsent("store", k -> new LongAdder()).increment();
            log.error("storing alert {} failed; it is still sent: {}", alert.summary(), e.toString());
        }
        for (AlertAction action : actions) {
            try {
                action.deliver(current);
            } catch (Exception e) {
                actionFailures.computeIfAbsent(action.name(), k -> new LongAdder()).increment();
                log.error("alert action {} failed for {}: {}", action.name(), alert.rule(), e.toString());
            }
        }
    }

    /** Lets the worker finish what is queued (for at most a few seconds), then stops it. */
    @Override
    public void close() throws InterruptedException {
        if (!offer(new Stop())) worker.interrupt();
        worker.join(5_000);
        if (worker.isAlive()) worker.interrupt();
    }
}
