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
        ConnectDialog dialog = new ConnectDialog(shell, preferences.lastSettings(), preferences.lastUser());
        if (dialog.open() == Window.OK) {
            ConnectionSettings settings = dialog.result();
            preferences.rememberLast(settings);
            new TrustOnFirstUse(shell, preferences, ConsoleSession.get()).connect(settings);
        }
        return null;
    }
}
