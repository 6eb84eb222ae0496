package org.logmaster.console.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.logmaster.console.ui.compliance.ComplianceView;
import org.logmaster.console.ui.devices.DevicesView;
import org.logmaster.console.ui.live.LiveLogsView;
import org.logmaster.console.ui.search.SearchView;

/** The operator's perspective: the views share one stack; Live Logs opens first. */
public final class ConsolePerspective implements IPerspectiveFactory {

    public static final String ID = "org.logmaster.console.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        IFolderLayout views = layout.createFolder("org.logmaster.console.ui.views", IPageLayout.TOP, 0.95f,
                layout.getEditorArea());
        views.addView(LiveLogsView.ID);
        views.addView(SearchView.ID);
        views.addView(DevicesView.ID);
        views.addView(ComplianceView.ID);
        for (String id : new String[] { LiveLogsView.ID, SearchView.ID, DevicesView.ID, ComplianceView.ID }) {
            layout.addShowViewShortcut(id);
        }
    }
}
