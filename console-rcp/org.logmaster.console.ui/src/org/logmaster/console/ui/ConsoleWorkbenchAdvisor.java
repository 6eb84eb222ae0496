package org.logmaster.console.ui;

import java.io.IOException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.logmaster.console.client.demo.DemoEventSource;
import org.logmaster.console.ui.connect.ScriptedConnection;
import org.logmaster.console.ui.session.ConsoleSession;

final class ConsoleWorkbenchAdvisor extends WorkbenchAdvisor {

    /**
     * Events per second of generated demo traffic; set only by the screenshot script and for
     * manual trials (start-console.sh --demo RATE). Without it the console shows real data only.
     */
    static final String DEMO_RATE_PROPERTY = "logmaster.console.demoRate";

    @Override
    public String getInitialWindowPerspectiveId() {
        return ConsolePerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new ConsoleWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        int demoRate = Integer.getInteger(DEMO_RATE_PROPERTY, 0);
        if (demoRate > 0) {
            ConsoleSession.get().startLiveSource(new DemoEventSource(demoRate, 0, System.nanoTime()));
        }
        try {
            ScriptedConnection.fromSystemProperties()
                    .ifPresent(settings -> ConsoleSession.get().connect(settings, outcome -> { }));
        } catch (IOException | IllegalArgumentException e) {
            Platform.getLog(ConsoleWorkbenchAdvisor.class).error("no connection at start: " + e.getMessage(), e);
        }
    }

    @Override
    public void postShutdown() {
        ConsoleSession.get().close();
    }
}
