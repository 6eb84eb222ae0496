package org.logmaster.collector.store;

import java.time.Duration;

/**
 * Tuning of the {@link GroupCommitWriter}.
 *
 * @param queueCapacity   frames the queue holds before {@code put} blocks (and TCP pushes back)
 * @param maxBatch        frames taken from the queue per group commit
 * @param syncThreads     threads that force files in parallel; Linux file systems merge concurrent
 *                        fsyncs into one journal commit, so this, not the disk, bounds a batch
 *                        touching many devices' files
 * @param shutdownTimeout how long {@code close} waits for the queue to be stored
 * @param maxRetryDelay   longest pause between attempts while the disk fails
 */
public record WriterOptions(int queueCapacity, int maxBatch, int syncThreads, Duration shutdownTimeout,
                            Duration maxRetryDelay) {

    public WriterOptions {
        if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity must be positive");
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be positive");
        if (syncThreads < 1) throw new IllegalArgumentException("syncThreads must be positive");
    }

    public static WriterOptions defaults() {
        return new WriterOptions(65_536, 16_384, 16, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public WriterOptions withQueueCapacity(int value) {
        return new WriterOptions(value, maxBatch, syncThreads, shutdownTimeout, maxRetryDelay);
    }

    public WriterOptions withMaxBatch(int value) {
        return new WriterOptions(queueCapacity, value, syncThreads, shutdownTimeout, maxRetryDelay);
    }

    public WriterOptions withSyncThreads(int value) {
        return new WriterOptions(queueCapacity, maxBatch, value, shutdownTimeout, maxRetryDelay);
    }

    public WriterOptions withShutdownTimeout(Duration value) {
        return new WriterOptions(queueCapacity, maxBatch, syncThreads, value, maxRetryDelay);
    }

    public WriterOptions withMaxRetryDelay(Duration value) {
        return new WriterOptions(queueCapacity, maxBatch, syncThreads, shutdownTimeout, value);
    }
}
