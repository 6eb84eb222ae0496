package org.logmaster.console.ui.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;
import org.logmaster.console.client.LiveGap;
import org.logmaster.console.client.LiveTailStatus;

/**
 * Fans the session's one live event stream out to the open views and counts what arrives (the
 * status line derives the ingest rate from the count). Events arriving while no view listens
 * are counted and not kept: a live view shows what happens while it is open. It also holds the
 * stream's state (receiving, reconnecting, stopped) for the status line.
 *
 * <p>Nothing here takes a lock that a stopping source could wait for: sources report from their
 * own thread while the session stops them.
 */
public final class LiveEventHub implements LiveEventListener {

    private final List<LiveEventListener> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<LiveTailStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final LongAdder received = new LongAdder();
    private volatile LiveTailStatus status = LiveTailStatus.OFF;

    @Override
    public void onEvent(LiveEvent event) {
        received.increment();
        for (LiveEventListener subscriber : subscribers) {
            subscriber.onEvent(event);
        }
    }

    @Override
    public void onGap(LiveGap gap) {
        for (LiveEventListener subscriber : subscribers) {
            subscriber.onGap(gap);
        }
    }

    /** Returns the action that ends the subscription. */
    public Runnable subscribe(LiveEventListener subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public long receivedCount() {
        return received.sum();
    }

    /** Where the source reports its state; any thread. */
    public void onStatus(LiveTailStatus next) {
        status = next;
        for (Consumer<LiveTailStatus> listener : statusListeners) {
            listener.accept(next);
        }
    }

    public LiveTailStatus status() {
        return status;
    }

    /**
     * Calls the listener now with the stream's state and on every change, on the reporting thread.
     * Returns the action that ends the subscription.
     */
    public Runnable addStatusListener(Consumer<LiveTailStatus> listener) {
        statusListeners.add(listener);
        listener.accept(status);
        return () -> statusListeners.remove(listener);
    }
}
