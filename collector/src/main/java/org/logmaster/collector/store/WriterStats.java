package org.logmaster.collector.store;

/**
 * A reading of the writer's counters.
 *
 * @param stored     frames written and forced to disk since start
 * @param batches    group commits done
 * @param fsyncs     files forced (one per touched file per batch)
 * @param ioErrors   failed writes or forces (each was retried)
 * @param queueDepth frames waiting in the queue
 * @param openFiles  daily files held open
 * @param healthy    false while writes fail and are being retried
 */
public record WriterStats(long stored, long batches, long fsyncs, long ioErrors, int queueDepth, int openFiles,
                          boolean healthy) {}
