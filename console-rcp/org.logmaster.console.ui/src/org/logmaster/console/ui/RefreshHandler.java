package org.logmaster.console.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * Handles the workbench's Refresh command (F5, View > Refresh) for one view while it is the
 * active part; the part site deactivates the handler when the view closes.
 */
public final class RefreshHandler extends AbstractHandler {

    private static final String REFRESH = "org.eclipse.ui.file.refresh";

    private final Runnable refresh;

    private RefreshHandler(Runnable refresh) {
        this.refresh = refresh;
    }

    public static void activate(IWorkbenchPartSite site, Runnable refresh) {
        site.getService(IHandlerService.class).activateHandler(REFRESH, new RefreshHandler(refresh));
    }

    @Override
    public Object execute(ExecutionEvent event) {
        refresh.run();
        return null;
    }
}
