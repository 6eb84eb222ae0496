package org.logmaster.console.ui.live;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Runs the display thread's event loop from a test, the way the workbench would. */
public final class SwtDriver {

    /** Generous: the machine may be busy; a test waits only as long as its condition needs. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private SwtDriver() {
    }

    public static Display display() {
        return Display.getDefault();
    }

    /** Dispatches events until the condition holds; fails the test after {@link #PATIENCE}. */
    public static void pumpUntil(String what, BooleanSupplier condition) {
        Display display = display();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                // wake up now and then even if nothing is posted, to re-check the condition
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }

    /** Dispatches events for a while, for checks that something does NOT happen. */
    public static void pumpFor(Duration duration) {
        Display display = display();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }
}
