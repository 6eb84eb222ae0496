package org.logmaster.console.client;

/**
 * A stream of live events (the collector's tail, or a generator in tests and benchmarks).
 * Events are delivered from a thread the source owns, never from the display thread.
 */
public interface LiveEventSource {

    /** Starts delivering to the listener; a source is started at most once. */
    void start(LiveEventListener listener);

    /** Stops delivering and waits for the delivering thread to end. Idempotent. */
    void stop();
}
