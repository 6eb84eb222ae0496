package org.logmaster.console.ui;

import java.io.IOException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.logmaster.console.client.demo.DemoEventSource;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.ui.connect.ConnectHandler;
import org.logmaster.console.ui.connect.ConnectionPreferences;
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
            var scripted = ScriptedConnection.fromSystemProperties();
            if (scripted.isPresent()) {
                ConsoleSession.get().connect(scripted.get(), outcome -> { });
            } else {
                ScriptedConnection.offeredAtStart().ifPresent(this::offer);
            }
        } catch (IOException | IllegalArgumentException e) {
            Platform.getLog(ConsoleWorkbenchAdvisor.class).error("no connection at start: " + e.getMessage(), e);
        }
    }

    /** Opens the Connect dialog for the given collector once the window is up. */
    private void offer(ConnectionSettings collector) {
        Display display = getWorkbenchConfigurer().getWorkbench().getDisplay();
        display.asyncExec(() -> {
            IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
            if (window != null) {
                String user = ScriptedConnection.offeredUser();
                ConnectHandler.askAndConnect(window.getShell(), ConnectionPreferences.ofWorkspace(), collector,
                        user.isEmpty() ? "admin" : user);
            }
        });
    }

    @Override
    public void postShutdown() {
        ConsoleSession.get().close();
    }
}
