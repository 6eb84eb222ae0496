package org.logmaster.console.ui.session;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.logmaster.console.client.CallFailedException;

/**
 * Runs a collector call (or a file write) as a job, never on the display thread, and hands the
 * result or the failure back to the display thread while the control that asked still exists.
 * A failure is described with the server's own message ("INVALID_ARGUMENT: invalid MAC address
 * ..."), which names what was wrong better than anything the console could say.
 */
public final class BackgroundCall {

    private BackgroundCall() {
    }

    public static <T> Job run(Control owner, String name, Callable<T> call, Consumer<T> onSuccess,
            Consumer<String> onFailure) {
        Job job = Job.create(name, monitor -> {
            try {
                T result = call.call();
                deliver(owner, () -> onSuccess.accept(result));
            } catch (CallFailedException e) {
                deliver(owner, () -> onFailure.accept(describe(e)));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                deliver(owner, () -> onFailure.accept(message));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /** "PERMISSION_DENIED: role viewer may not ..." */
    public static String describe(CallFailedException e) {
        return e.serverMessage().isEmpty() ? e.code() : e.code() + ": " + e.serverMessage();
    }

    private static void deliver(Control owner, Runnable onDisplay) {
        if (owner.isDisposed()) {
            return;
        }
        owner.getDisplay().asyncExec(() -> {
            if (!owner.isDisposed()) {
                onDisplay.run();
            }
        });
    }
}
