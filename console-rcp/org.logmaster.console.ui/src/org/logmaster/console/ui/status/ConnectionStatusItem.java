package org.logmaster.console.ui.status;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.LiveTailState;
import org.logmaster.console.client.LiveTailStatus;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.session.ConsoleSession;

/** Status line: the collector connection's state, with the full reason as tooltip. */
public final class ConnectionStatusItem extends StatusTextItem {

    private final ConsoleSession session;

    public ConnectionStatusItem(ConsoleSession session) {
        super("org.logmaster.console.ui.status.connection", 70);
        this.session = session;
    }

    @Override
    void shown(Composite parent) {
        if (!following()) {
            Display display = parent.getDisplay();
            Runnable refresh = () -> {
                if (!display.isDisposed()) {
                    display.asyncExec(this::show);
                }
            };
            unsubscribeOnDispose(session.addStatusListener(status -> refresh.run()));
            // the live stream is what notices a collector going away between calls
            unsubscribeOnDispose(session.liveEvents().addStatusListener(stream -> refresh.run()));
        }
    }

    private void show() {
        ConnectionStatus status = session.status();
        LiveTailStatus stream = session.liveEvents().status();
        setText(text(status, session.sessionInfo(), stream.state()));
        setToolTip(lost(status, stream.state()) ? stream.lastError()
                : status.detail().isEmpty() ? status.state().label() : status.detail());
    }

    private static boolean lost(ConnectionStatus status, LiveTailState stream) {
        return status.state() == ConnectionState.CONNECTED && stream == LiveTailState.RECONNECTING;
    }

    /**
     * The address while connecting or connected; reasons (often long) go to the tooltip. A connected
     * session whose live stream is reconnecting has lost the collector: it says so instead of
     * "Connected" (the stream item beside it says when the next attempt is).
     */
    static String text(ConnectionStatus status, SessionInfo user, LiveTailState stream) {
        boolean detailIsAddress = status.state() == ConnectionState.CONNECTED || status.state() == ConnectionState.CONNECTING;
        String who = status.state() == ConnectionState.CONNECTED && user.loggedIn()
                ? " · " + user.username() + " (" + user.roleLabel() + ")"
                : "";
        String state = lost(status, stream) ? "Connection lost, reconnecting" : status.state().label();
        return "Collector: " + state + (detailIsAddress && !status.detail().isEmpty() ? " (" + status.detail() + ")" : "")
                + who;
    }
}
