package org.logmaster.console.ui.status;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.session.ConsoleSession;

/** Status line: the collector connection's state, with the full reason as tooltip. */
public final class ConnectionStatusItem extends StatusTextItem {

    private final ConsoleSession session;
    private Runnable unsubscribe;

    public ConnectionStatusItem(ConsoleSession session) {
        super("org.logmaster.console.ui.status.connection", 70);
        this.session = session;
    }

    @Override
    void shown(Composite parent) {
        if (unsubscribe == null) {
            Display display = parent.getDisplay();
            unsubscribe = session.addStatusListener(status -> {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> show(status));
                }
            });
        }
    }

    private void show(ConnectionStatus status) {
        setText(text(status, session.sessionInfo()));
        setToolTip(status.detail().isEmpty() ? status.state().label() : status.detail());
    }

    /** The address while connecting or connected; reasons (often long) go to the tooltip. */
    static String text(ConnectionStatus status, SessionInfo user) {
        boolean detailIsAddress = status.state() == ConnectionState.CONNECTED || status.state() == ConnectionState.CONNECTING;
        String who = status.state() == ConnectionState.CONNECTED && user.loggedIn()
                ? " · " + user.username() + " (" + user.roleLabel() + ")"
                : "";
        return "Collector: " + status.state().label() + (detailIsAddress && !status.detail().isEmpty() ? " (" + status.detail() + ")" : "")
                + who;
    }

    @Override
    public void dispose() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.dispose();
    }
}
