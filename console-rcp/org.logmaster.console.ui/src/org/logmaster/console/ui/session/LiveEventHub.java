package org.logmaster.console.ui.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;

/**
 * Fans the session's one live event stream out to the open views and counts what arrives (the
 * status line derives the ingest rate from the count). Events arriving while no view listens
 * are counted and not kept: a live view shows what happens while it is open.
 */
public final class LiveEventHub implements LiveEventListener {

    private final List<LiveEventListener> subscribers = new CopyOnWriteArrayList<>();
    private final LongAdder received = new LongAdder();

    @Override
    public void onEvent(LiveEvent event) {
        received.increment();
        for (LiveEventListener subscriber : subscribers) {
            subscriber.onEvent(event);
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
}
