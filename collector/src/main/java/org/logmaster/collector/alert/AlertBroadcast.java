package org.logmaster.collector.alert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands each stored alert to the live subscribers (gRPC streams). Subscribers must only take
 * note and return (they run on the alert worker).
 */
public final class AlertBroadcast implements AlertAction {
    private final List<Consumer<Alert>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "stream";
    }

    @Override
    public void deliver(Alert alert) {
        for (Consumer<Alert> s : subscribers) s.accept(alert);
    }

    /** Subscribes; close the returned handle to unsubscribe. */
    public AutoCloseable subscribe(Consumer<Alert> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }
}
