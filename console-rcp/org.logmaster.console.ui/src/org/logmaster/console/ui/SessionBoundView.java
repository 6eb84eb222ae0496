package org.logmaster.console.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.session.ConsoleSession;

/**
 * A view whose panel follows the session's login: each login, logout or role change reaches the
 * panel on the display thread with the logged-in connection (or null), and F5 refreshes it.
 */
public abstract class SessionBoundView<P extends Composite> extends ViewPart {
    private P panel;
    private Runnable unsubscribe;

    protected abstract P createPanel(Composite parent);

    /** Hands the panel its part of the connection; {@code connection} is null when logged out. */
    protected abstract void connect(P panel, CollectorConnection connection, SessionInfo info);

    protected abstract void refresh(P panel);

    @Override
    public final void createPartControl(Composite parent) {
        panel = createPanel(parent);
        RefreshHandler.activate(getSite(), () -> refresh(panel));
        ConsoleSession session = ConsoleSession.get();
        unsubscribe = session.addSessionListener(info -> {
            if (!panel.isDisposed()) {
                panel.getDisplay().asyncExec(() -> show(session, info));
            }
        });
    }

    private void show(ConsoleSession session, SessionInfo info) {
        if (!panel.isDisposed()) {
            connect(panel, session.loggedInConnection(), info);
        }
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }

    @Override
    public void dispose() {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        super.dispose();
    }
}
