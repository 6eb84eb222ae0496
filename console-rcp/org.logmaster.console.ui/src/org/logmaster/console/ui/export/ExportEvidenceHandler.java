package org.logmaster.console.ui.export;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.HandlerEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.logmaster.api.v1.Permission;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.session.ConsoleSession;

/**
 * Collector > Export Evidence...: enabled only while the logged-in role may export evidence
 * (administrators and auditors), so a viewer never gets as far as a refusal.
 */
public final class ExportEvidenceHandler extends AbstractHandler {

    private final Runnable stopFollowing;

    public ExportEvidenceHandler() {
        // the session tells on a worker thread; the workbench wants handler changes on the display's
        stopFollowing = ConsoleSession.get().addSessionListener(info -> Display.getDefault()
                .asyncExec(() -> fireHandlerChanged(new HandlerEvent(this, true, false))));
    }

    static boolean mayExport(SessionInfo session) {
        return session.loggedIn() && session.may(Permission.PERMISSION_EVIDENCE_EXPORT);
    }

    @Override
    public boolean isEnabled() {
        return mayExport(ConsoleSession.get().sessionInfo());
    }

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        CollectorConnection connection = ConsoleSession.get().loggedInConnection();
        if (connection == null) {
            MessageDialog.openInformation(shell, "Export Evidence", "Log in to a collector first: Collector > Connect...");
            return null;
        }
        ExportEvidenceWizard wizard = new ExportEvidenceWizard(connection);
        if (new WizardDialog(shell, wizard).open() == Window.OK && wizard.result() != null) {
            new ExportResultDialog(shell, wizard.result()).open();
        }
        return null;
    }

    @Override
    public void dispose() {
        stopFollowing.run();
        super.dispose();
    }
}
