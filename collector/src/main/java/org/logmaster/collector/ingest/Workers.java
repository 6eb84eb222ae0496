package org.logmaster.collector.ingest;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads of one listener. Stopping first waits (a listener closes its sockets before, so readers
 * finish handing over what they already read), and only interrupts threads still blocked after the
 * grace period, typically in {@link FrameSink#put} because nobody drains the sink any more.
 */
final class Workers {
    /** How long a closing listener lets its readers hand over frames they already read. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    Thread start(Thread.Builder builder, Runnable task) {
        Thread thread = builder.unstarted(() -> {
            try {
                task.run();
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        running.add(thread);
        thread.start();
        return thread;
    }

    void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        for (Thread thread : Set.copyOf(running)) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread thread : Set.copyOf(running)) {
            thread.interrupt();
        }
        for (Thread thread : Set.copyOf(running)) {
            try {
                thread.join(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
