package org.logmaster.collector.ingest;

import java.io.IOException;

/**
 * A source of raw frames: receives messages and hands each one, unparsed, to a {@link FrameSink}.
 * A listener is started once and closed once.
 */
public interface Listener extends AutoCloseable {

    /** The name frames carry in {@link RawFrame#listener()} and counters are kept under. */
    String name();

    /**
     * Opens the listener's sockets or files and starts its threads.
     *
     * @throws ListenerBindException when a port cannot be bound; its message tells the operator what to change
     * @throws IOException           when anything else prevents starting
     */
    void start() throws IOException;

    /**
     * Stops receiving, releases ports and files, and waits briefly for frames already read to be handed
     * to the sink. Never throws.
     */
    @Override
    void close();
}
