package org.logmaster.console.client;

/** Receives live events, on the source's own thread. Implementations must not block for long. */
@FunctionalInterface
public interface LiveEventListener {

    void onEvent(LiveEvent event);

    /** Events of the stream that will not arrive (see {@link LiveGap}); generated sources have none. */
    default void onGap(LiveGap gap) {
    }
}
