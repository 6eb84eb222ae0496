package org.logmaster.collector.index;

/**
 * A reading of the indexer's counters.
 *
 * @param indexedRows  rows committed since start
 * @param malformed    of those, messages the parser flagged
 * @param undecodable  of those, lines of a daily file that were not in the line format (torn, edited)
 * @param transactions commits done
 * @param lagBytes     durable bytes of daily files not yet indexed
 * @param healthy      false while the database fails and commits are being retried
 */
public record IndexerStats(long indexedRows, long malformed, long undecodable, long transactions, long lagBytes,
                           boolean healthy) {}
