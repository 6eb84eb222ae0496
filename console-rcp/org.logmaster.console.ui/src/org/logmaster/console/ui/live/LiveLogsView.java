package org.logmaster.console.ui.live;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.logmaster.console.ui.session.ConsoleSession;

/** The Live Logs view: a {@link LiveLogsPanel} fed by the session's live event stream. */
public final class LiveLogsView extends ViewPart {

    public static final String ID = "org.logmaster.console.ui.views.liveLogs";
    /** Rows kept in memory (about 30 MB); older ones are dropped and counted. */
    static final int CAPACITY = 100_000;

    private LiveLogsPanel panel;
    private Runnable unsubscribe;

    @Override
    public void createPartControl(Composite parent) {
        panel = new LiveLogsPanel(parent, CAPACITY);
        unsubscribe = ConsoleSession.get().liveEvents().subscribe(panel.listener());
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
