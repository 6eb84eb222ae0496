package org.logmaster.console.ui.status;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.ui.session.ConsoleSession;

/** Status line: the collector connection's state, with the full reason as tooltip. */
public final class ConnectionStatusItem extends StatusTextItem {

    private static final int SHORT_DETAIL = 40;

    private final ConsoleSession session;
    private Runnable unsubscribe;

    public ConnectionStatusItem(ConsoleSession session) {
        super("org.logmaster.console.ui.status.connection", 46);
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
        setText(text(status));
        setToolTip(status.detail().isEmpty() ? status.state().label() : status.detail());
    }

    /** Short details (an address, a gRPC code) fit the status line; long ones go to the tooltip. */
    static String text(ConnectionStatus status) {
        String detail = status.detail();
        boolean fits = !detail.isEmpty() && detail.length() <= SHORT_DETAIL;
        return "Collector: " + status.state().label() + (fits ? " (" + detail + ")" : "");
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
