package org.logmaster.console.ui.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.logmaster.api.v1.EventFilter;
import org.logmaster.console.client.CallFailedException;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.CollectorConnections;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.LiveEventSource;
import org.logmaster.console.client.LiveTailStatus;
import org.logmaster.console.client.SessionInfo;

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
    private final List<Consumer<SessionInfo>> sessionListeners = new CopyOnWriteArrayList<>();
    private final Consumer<ConnectionStatus> forwardStatus = this::publish;
    private volatile CollectorConnection connection;
    private LiveEventSource liveSource;
    /** True while the live source is the connection's tail, which must end with the connection. */
    private boolean liveSourceIsTail;
    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    private volatile SessionInfo sessionInfo = SessionInfo.NONE;

    /** One per workbench through {@link #get()}; tests (of any view's package) make their own. */
    public ConsoleSession() {
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

    /** Who is logged in; {@link SessionInfo#NONE} while not connected or not logged in. */
    public SessionInfo sessionInfo() {
        return sessionInfo;
    }

    /**
     * Calls the listener now and whenever a login succeeds or the session ends (then with
     * {@link SessionInfo#NONE}); on the worker thread that changed it.
     */
    public Runnable addSessionListener(Consumer<SessionInfo> listener) {
        sessionListeners.add(listener);
        listener.accept(sessionInfo);
        return () -> sessionListeners.remove(listener);
    }

    /**
     * The logged-in connection for views' calls, or {@code null}. Its calls block: use it from a
     * job or worker thread only. Not synchronized: the display thread asks while a connect may be
     * closing the old channel.
     */
    public CollectorConnection loggedInConnection() {
        return sessionInfo.loggedIn() ? connection : null;
    }

    /**
     * Replaces the current connection, checks the new one's health and, when the settings carry
     * credentials, logs in; all on a worker thread (closing a channel, the check and the password
     * hash on the server may each take seconds).
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
            if (outcome.state() == ConnectionState.CONNECTED && settings.credentials() != null) {
                outcome = logIn(next, settings.credentials(), outcome);
            }
            synchronized (this) {
                if (connection != next) {
                    return;
                }
            }
            whenChecked.accept(outcome);
        });
    }

    private ConnectionStatus logIn(CollectorConnection next, Credentials credentials, ConnectionStatus healthy) {
        try {
            SessionInfo info = next.login(credentials);
            synchronized (this) {
                if (connection != next) {
                    return healthy;
                }
                sessionInfo = info;
                startTail(next);
            }
            for (Consumer<SessionInfo> listener : sessionListeners) {
                listener.accept(info);
            }
            publish(healthy); // again, so that the status line shows the user and role
            return healthy;
        } catch (CallFailedException e) {
            ConnectionStatus refused = ConnectionStatus.of(ConnectionState.LOGIN_FAILED,
                    e.serverMessage().isEmpty() ? e.getMessage() : e.serverMessage());
            publish(refused);
            return refused;
        }
    }

    /**
     * Feeds the live views from the source (generated demo traffic) until another source replaces
     * it or the session closes. A login replaces it with the collector's tail.
     */
    public synchronized void startLiveSource(LiveEventSource source) {
        stopLiveSource();
        liveSource = source;
        liveEvents.onStatus(LiveTailStatus.LIVE); // a generator has no state of its own: it delivers
        source.start(liveEvents);
    }

    /**
     * The views follow everything the logged-in collector stores from now on. The tail reports its
     * state to the hub itself (connecting, live, reconnecting, stopped); it resumes after losses on
     * its own thread, so nothing here waits for the network.
     */
    private void startTail(CollectorConnection loggedIn) { // holding this session's lock
        stopLiveSource();
        liveSource = loggedIn.liveTail(EventFilter.getDefaultInstance(), liveEvents::onStatus);
        liveSourceIsTail = true;
        liveSource.start(liveEvents);
    }

    public synchronized void close() {
        stopLiveSource();
        closeConnection();
    }

    private void stopLiveSource() {
        if (liveSource != null) {
            liveSource.stop();
            liveSource = null;
            liveSourceIsTail = false;
            liveEvents.onStatus(LiveTailStatus.OFF);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            CollectorConnection old = connection;
            connection = null;
            if (liveSourceIsTail) {
                stopLiveSource(); // before its channel goes; a demo source stays
            }
            old.removeStatusListener(forwardStatus);
            old.close();
            if (sessionInfo.loggedIn()) {
                sessionInfo = SessionInfo.NONE;
                for (Consumer<SessionInfo> listener : sessionListeners) {
                    listener.accept(SessionInfo.NONE);
                }
            }
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
