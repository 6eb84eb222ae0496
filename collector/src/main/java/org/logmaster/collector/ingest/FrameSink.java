package org.logmaster.collector.ingest;

/**
 * Where listeners hand over received frames: the bounded queue in front of the writer.
 * {@link #put} blocks while the queue is full, which is how TCP and TLS push back on senders.
 */
public interface FrameSink {
    /** Blocks until there is room. */
    void put(RawFrame frame) throws InterruptedException;
}
