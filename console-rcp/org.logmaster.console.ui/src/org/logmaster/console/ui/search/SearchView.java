package org.logmaster.console.ui.search;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.logmaster.console.ui.RefreshHandler;
import org.logmaster.console.ui.session.ConsoleSession;

/** The Search view: a {@link SearchPanel} over the session's logged-in connection. */
public final class SearchView extends ViewPart {

    public static final String ID = "org.logmaster.console.ui.views.search";

    private SearchPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new SearchPanel(parent, ConsoleSession.get()::loggedInConnection);
        RefreshHandler.activate(getSite(), panel::search);
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
