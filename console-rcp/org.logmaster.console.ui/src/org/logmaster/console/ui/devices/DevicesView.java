package org.logmaster.console.ui.devices;

import org.eclipse.swt.widgets.Composite;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.SessionBoundView;

/** The Devices view: a {@link DevicesPanel} that follows the session's login. */
public final class DevicesView extends SessionBoundView<DevicesPanel> {

    public static final String ID = "org.logmaster.console.ui.views.devices";

    @Override
    protected DevicesPanel createPanel(Composite parent) {
        return new DevicesPanel(parent);
    }

    @Override
    protected void connect(DevicesPanel panel, CollectorConnection connection, SessionInfo info) {
        panel.connect(connection == null ? null : connection.devices(), info);
    }

    @Override
    protected void refresh(DevicesPanel panel) {
        panel.refresh();
    }
}
