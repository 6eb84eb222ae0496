package org.logmaster.console.ui.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.CollectorConnections;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.LiveEventSource;

/**
 * What the console is connected to: the current collector connection, its status, and the live
 * event stream the views subscribe to. One per running workbench ({@link #get()}).
 *
 * <p>Network calls run on a worker thread; status listeners are called on that thread and must
 * hop to the display thread themselves.
 */
public final class ConsoleSession {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    private static final ConsoleSession INSTANCE = new ConsoleSession();

    private final LiveEventHub liveEvents = new LiveEventHub();
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final Consumer<ConnectionStatus> forwardStatus = this::publish;
    private CollectorConnection connection;
    private LiveEventSource liveSource;
    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;

    /** One per workbench through {@link #get()}; tests make their own. */
    ConsoleSession() {
    }

    public static ConsoleSession get() {
        return INSTANCE;
    }

    public LiveEventHub liveEvents() {
        return liveEvents;
    }

    public ConnectionStatus status() {
        return status;
    }

    /** Calls the listener now with the current status and on every change. */
    public Runnable addStatusListener(Consumer<ConnectionStatus> listener) {
        statusListeners.add(listener);
        listener.accept(status);
        return () -> statusListeners.remove(listener);
    }

    /**
     * Replaces the current connection and checks the new one's health, all on a worker thread
     * (closing a channel and the check may each take seconds).
     *
     * @param whenChecked called on the worker thread with the health check's outcome, unless
     *                    another connect replaced this connection meanwhile
     */
    public void connect(ConnectionSettings settings, Consumer<ConnectionStatus> whenChecked) {
        Thread.ofPlatform().daemon().name("connect-" + settings.address()).start(() -> {
            CollectorConnection next;
            synchronized (this) {
                closeConnection();
                next = CollectorConnections.open(settings);
                next.addStatusListener(forwardStatus);
                connection = next;
            }
            ConnectionStatus outcome = next.checkHealth(HEALTH_TIMEOUT);
            synchronized (this) {
                if (connection != next) {
                    return;
                }
            }
            whenChecked.accept(outcome);
        });
    }

    /** Feeds the live views from the source until another source replaces it or the session closes. */
    public synchronized void startLiveSource(LiveEventSource source) {
        stopLiveSource();
        liveSource = source;
        source.start(liveEvents);
    }

    public synchronized void close() {
        stopLiveSource();
        closeConnection();
    }

    private void stopLiveSource() {
        if (liveSource != null) {
            liveSource.stop();
            liveSource = null;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            CollectorConnection old = connection;
            connection = null;
            old.removeStatusListener(forwardStatus);
            old.close();
            publish(ConnectionStatus.DISCONNECTED);
        }
    }

    private void publish(ConnectionStatus next) {
        status = next;
        for (Consumer<ConnectionStatus> listener : statusListeners) {
            listener.accept(next);
        }
    }
}
