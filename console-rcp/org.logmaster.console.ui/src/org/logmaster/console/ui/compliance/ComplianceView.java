package org.logmaster.console.ui.compliance;

import org.eclipse.swt.widgets.Composite;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.SessionBoundView;

/** The Compliance view: a {@link CompliancePanel} that follows the session's login. */
public final class ComplianceView extends SessionBoundView<CompliancePanel> {

    public static final String ID = "org.logmaster.console.ui.views.compliance";

    @Override
    protected CompliancePanel createPanel(Composite parent) {
        return new CompliancePanel(parent);
    }

    @Override
    protected void connect(CompliancePanel panel, CollectorConnection connection, SessionInfo info) {
        panel.connect(connection == null ? null : connection.compliance(), info);
    }

    @Override
    protected void refresh(CompliancePanel panel) {
        panel.refresh();
    }
}
