package org.logmaster.console.client;

/** Receives live events, on the source's own thread. Implementations must not block for long. */
@FunctionalInterface
public interface LiveEventListener {

    void onEvent(LiveEvent event);
}
