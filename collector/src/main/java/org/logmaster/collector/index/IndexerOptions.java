package org.logmaster.collector.index;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Tuning of the {@link Indexer}.
 *
 * @param batchRows       rows per transaction at most
 * @param readBufferBytes bytes read from a daily file at a time (grows for longer lines)
 * @param senderZone      zone of the devices' clocks, for timestamps without one (RFC 3164); null
 *                        means the appliance's zone
 * @param maxRetryDelay   longest pause between attempts while the database fails
 */
public record IndexerOptions(int batchRows, int readBufferBytes, ZoneId senderZone, Duration maxRetryDelay) {

    public IndexerOptions {
        if (batchRows < 1) throw new IllegalArgumentException("batchRows must be positive");
        if (readBufferBytes < 1024) throw new IllegalArgumentException("readBufferBytes must be at least 1024");
    }

    public static IndexerOptions defaults() {
        return new IndexerOptions(5_000, 1 << 20, null, Duration.ofSeconds(10));
    }

    public IndexerOptions withBatchRows(int value) {
        return new IndexerOptions(value, readBufferBytes, senderZone, maxRetryDelay);
    }

    public IndexerOptions withReadBufferBytes(int value) {
        return new IndexerOptions(batchRows, value, senderZone, maxRetryDelay);
    }

    public IndexerOptions withSenderZone(ZoneId value) {
        return new IndexerOptions(batchRows, readBufferBytes, value, maxRetryDelay);
    }

    public IndexerOptions withMaxRetryDelay(Duration value) {
        return new IndexerOptions(batchRows, readBufferBytes, senderZone, value);
    }
}
