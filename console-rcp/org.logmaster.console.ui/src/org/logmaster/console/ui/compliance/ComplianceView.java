package org.logmaster.console.ui.compliance;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.RefreshHandler;
import org.logmaster.console.ui.session.ConsoleSession;

/** The Compliance view: a {@link CompliancePanel} that follows the session's login. */
public final class ComplianceView extends ViewPart {

    public static final String ID = "org.logmaster.console.ui.views.compliance";

    private CompliancePanel panel;
    private Runnable unsubscribe;

    @Override
    public void createPartControl(Composite parent) {
        panel = new CompliancePanel(parent);
        RefreshHandler.activate(getSite(), panel::refresh);
        ConsoleSession session = ConsoleSession.get();
        unsubscribe = session.addSessionListener(info -> {
            if (!panel.isDisposed()) {
                panel.getDisplay().asyncExec(() -> show(session, info));
            }
        });
    }

    private void show(ConsoleSession session, SessionInfo info) {
        if (panel.isDisposed()) {
            return;
        }
        CollectorConnection connection = session.loggedInConnection();
        panel.connect(connection == null ? null : connection.compliance(), info);
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
