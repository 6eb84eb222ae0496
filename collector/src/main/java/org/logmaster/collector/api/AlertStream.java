package org.logmaster.collector.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.logmaster.api.v1.Alert;

/**
 * One Stream call: alerts are queued by the alert worker (which never waits) and sent by a
 * virtual thread as fast as the client reads. A client that lets {@link #CAPACITY} alerts pile
 * up is disconnected with RESOURCE_EXHAUSTED; it catches up with List.
 */
final class AlertStream {
    static final int CAPACITY = 1000;

    private final ServerCallStreamObserver<Alert> out;
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Object lock = new Object();
    private volatile Status ending;
    private boolean finished;  // guarded by lock
    private Thread pump;

    AlertStream(ServerCallStreamObserver<Alert> out) {
        this.out = out;
        out.setOnCancelHandler(() -> end(null));
        out.setOnReadyHandler(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
    }

    void start(Runnable onEnd) {
        pump = Thread.ofVirtual().name("alert-stream").start(() -> {
            try {
                run();
            } finally {
                onEnd.run();
            }
        });
    }

    /** Called by the alert worker; never blocks. */
    void offer(Alert alert) {
        if (!queue.offer(alert)) {
            end(Status.RESOURCE_EXHAUSTED.withDescription("the client did not keep up with the alert stream; "
                    + "list the alerts to catch up"));
        }
    }

    /** Ends the call once: with {@code status}, or quietly when the client cancelled (null). */
    void end(Status status) {
        synchronized (lock) {
            if (ending != null || finished) return;
            ending = status != null ? status : Status.CANCELLED;
            if (status == null) finished = true;
            lock.notifyAll();
        }
        if (pump != null) pump.interrupt();
    }

    private void run() {
        try {
            while (ending == null) {
                Alert next = queue.poll(500, TimeUnit.MILLISECONDS);
                if (next == null) continue;
                synchronized (lock) {
                    while (ending == null && !out.isReady()) lock.wait(500);
                    if (ending != null) break;
                    out.onNext(next);
                }
            }
        } catch (InterruptedException e) {
            // ended
        } catch (RuntimeException e) {
            ending = Status.INTERNAL.withDescription("alert stream failed");
        }
        synchronized (lock) {
            if (finished) return;
            finished = true;
            try {
                out.onError(ending.asRuntimeException());
            } catch (IllegalStateException alreadyClosed) {
                // the call ended meanwhile
            }
        }
    }
}
