package org.logmaster.console.ui.connect;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.ui.session.ConsoleSession;

/** The "Connect..." command: asks for the collector and connects the session to it. */
public final class ConnectHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        Shell shell = HandlerUtil.getActiveShellChecked(event);
        ConnectionPreferences preferences = ConnectionPreferences.ofWorkspace();
        askAndConnect(shell, preferences, preferences.lastSettings(), preferences.lastUser());
        return null;
    }

    /**
     * Shows the Connect dialog starting from {@code initial} and connects to what the operator
     * confirms; also used at start when the console is told which collector to offer.
     */
    public static void askAndConnect(Shell shell, ConnectionPreferences preferences, ConnectionSettings initial,
            String user) {
        ConnectDialog dialog = new ConnectDialog(shell, initial, user, SavedCollectors.ofUser());
        if (dialog.open() == Window.OK) {
            ConnectionSettings settings = dialog.result();
            preferences.rememberLast(settings);
            new TrustOnFirstUse(shell, preferences, ConsoleSession.get()).connect(settings);
        }
    }
}
