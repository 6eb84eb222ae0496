package org.logmaster.console.ui;

import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.logmaster.console.ui.session.ConsoleSession;
import org.logmaster.console.ui.status.ConnectionStatusItem;
import org.logmaster.console.ui.status.IngestRateItem;

/** Menus come from plugin.xml; this adds the status line items, which need the session. */
final class ConsoleActionBarAdvisor extends ActionBarAdvisor {

    ConsoleActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void fillStatusLine(IStatusLineManager statusLine) {
        ConsoleSession session = ConsoleSession.get();
        statusLine.add(new ConnectionStatusItem(session));
        statusLine.add(new IngestRateItem(session.liveEvents()));
    }
}
