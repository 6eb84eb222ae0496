package org.logmaster.console.client.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.TailGap;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;
import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;
import org.logmaster.console.client.LiveEventSource;
import org.logmaster.console.client.LiveGap;
import org.logmaster.console.client.LiveTailState;
import org.logmaster.console.client.LiveTailStatus;

import com.google.protobuf.Timestamp;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * The collector's live stream ({@code LogService.Tail}) as a {@link LiveEventSource}. It keeps the
 * cursor of the last item and, when the stream ends or fails, opens a new one that resumes right
 * after it, so a collector restart or a network loss costs neither gaps nor duplicates. Attempts
 * are spaced by {@link RetryDelay}; a refusal that retrying cannot cure (the session's login or
 * role) stops the tail instead.
 *
 * <p>Everything runs on one daemon thread the tail owns: gRPC delivers the stream's callbacks on
 * it (the stub's executor) and the reconnect timer is its scheduler, so the cursor and the current
 * call need no locks and the caller of {@link #start} and {@link #stop} never waits for the network.
 */
public final class GrpcLiveTail implements LiveEventSource {

    private final ManagedChannel channel;
    private final CallCredentials credentials;
    private final EventFilter filter;
    private final RetryDelay retryDelay;
    private final Consumer<LiveTailStatus> statusListener;
    private final ScheduledThreadPoolExecutor thread;
    /** gRPC's callbacks, on the tail's thread; dropped once the tail has ended (a cancelled call's last words). */
    private final Executor callbacks;
    private volatile Thread owner;
    private volatile boolean stopped;

    // confined to the tail's thread (the listener is set before its first task)
    private LiveEventListener listener;
    private String cursor = "";
    private Instant lastArrival;
    private TailCall current;
    private LiveTailState reported;

    GrpcLiveTail(ManagedChannel channel, CallCredentials credentials, EventFilter filter, RetryDelay retryDelay,
            Consumer<LiveTailStatus> statusListener) {
        this.channel = channel;
        this.credentials = credentials;
        this.filter = filter;
        this.retryDelay = retryDelay;
        this.statusListener = statusListener;
        this.thread = new ScheduledThreadPoolExecutor(1,
                runnable -> owner = Thread.ofPlatform().daemon().name("live-tail").unstarted(runnable));
        // a pending reconnect must not keep a stopped tail's thread alive
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.callbacks = task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException ended) {
                // the tail has stopped: nothing of its calls is needed any more
            }
        };
    }

    @Override
    public synchronized void start(LiveEventListener eventListener) {
        Objects.requireNonNull(eventListener, "eventListener");
        if (listener != null || stopped) {
            throw new IllegalStateException("already started");
        }
        listener = eventListener;
        thread.execute(this::open);
    }

    private void open() {
        if (stopped) {
            return;
        }
        if (channel.isShutdown()) {
            end(LiveTailStatus.refused("UNAVAILABLE: the connection to the collector was closed"));
            return;
        }
        TailRequest request = TailRequest.newBuilder().setFilter(filter).setResumeFrom(cursor).build();
        current = new TailCall(!cursor.isEmpty());
        report(LiveTailStatus.CONNECTING);
        LogServiceGrpc.newStub(channel).withCallCredentials(credentials).withExecutor(callbacks)
                .tail(request, current);
    }

    private void received(TailResponse response) {
        if (!response.getCursor().isEmpty()) {
            cursor = response.getCursor();
        }
        retryDelay.reset();
        if (reported != LiveTailState.LIVE) {
            report(LiveTailStatus.LIVE);
        }
        switch (response.getItemCase()) {
            case EVENT -> {
                LiveEvent event = liveEvent(response.getEvent());
                lastArrival = event.time();
                listener.onEvent(event);
            }
            case GAP -> {
                TailGap gap = response.getGap();
                listener.onGap(new LiveGap(gap.getSkipped(), instant(gap.getRange().getFrom()),
                        instant(gap.getRange().getTo())));
            }
            case ITEM_NOT_SET -> {
                // a newer collector's item this console does not know; its cursor still counts
            }
        }
    }

    private void ended(TailCall call, Status status) {
        String error = describe(status);
        switch (status.getCode()) {
            // the session's login or role: retrying would be refused the same way, and loudly
            case UNAUTHENTICATED, PERMISSION_DENIED, UNIMPLEMENTED -> end(LiveTailStatus.refused(error));
            case OUT_OF_RANGE, INVALID_ARGUMENT -> {
                if (!call.resumed) {
                    end(LiveTailStatus.refused(error)); // the filter itself was refused
                    return;
                }
                // the cursor is unknown or its events expired: go on from now, and say what is missing
                Instant now = Instant.now();
                listener.onGap(new LiveGap(LiveGap.UNKNOWN, lastArrival == null ? now : lastArrival, now));
                cursor = "";
                retryAfter(error, 0);
            }
            default -> retryAfter(error, retryDelay.next().toMillis());
        }
    }

    private void retryAfter(String error, long delayMillis) {
        if (stopped) {
            return;
        }
        current = null;
        report(LiveTailStatus.reconnecting(error, Instant.now().plusMillis(delayMillis)));
        thread.schedule(this::open, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops for good from the tail's own thread: reported, and nothing is left to run. */
    private void end(LiveTailStatus status) {
        current = null;
        stopped = true;
        report(status);
        thread.shutdown();
    }

    private void report(LiveTailStatus status) {
        reported = status.state();
        statusListener.accept(status);
    }

    /** Cancels the stream and waits (briefly) until the tail's thread delivered its last item. */
    @Override
    public void stop() {
        boolean wasRunning = !stopped;
        stopped = true;
        callbacks.execute(() -> {
            if (current != null) {
                current.cancel();
                current = null;
            }
        });
        thread.shutdown();
        if (Thread.currentThread() != owner) {
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (wasRunning) {
            statusListener.accept(LiveTailStatus.OFF);
        }
    }

    static LiveEvent liveEvent(Event event) {
        return new LiveEvent(instant(event.getArrival()), event.getDeviceId(), event.getSeverity(), event.getHostname(),
                event.getAppName(), event.getMessage(), event);
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** "UNAVAILABLE: the collector is stopping; ..." as the status line shows it. */
    static String describe(Status status) {
        String message = GrpcCalls.serverMessage(status);
        return message.isEmpty() ? status.getCode().name() : status.getCode() + ": " + message;
    }

    /**
     * One Tail call. Its callbacks run on the tail's thread; once it is no longer the current call
     * (replaced, or the tail stopped) whatever it still delivers is ignored.
     */
    private final class TailCall implements ClientResponseObserver<TailRequest, TailResponse> {

        final boolean resumed;
        private ClientCallStreamObserver<TailRequest> requests;

        TailCall(boolean resumed) {
            this.resumed = resumed;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<TailRequest> requestStream) {
            requests = requestStream;
        }

        void cancel() {
            if (requests != null) {
                requests.cancel("the console stopped the live view", null);
            }
        }

        private boolean isCurrent() {
            return !stopped && current == this;
        }

        @Override
        public void onNext(TailResponse response) {
            if (isCurrent()) {
                received(response);
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (isCurrent()) {
                ended(this, Status.fromThrowable(failure));
            }
        }

        @Override
        public void onCompleted() {
            if (isCurrent()) {
                ended(this, Status.UNAVAILABLE.withDescription("the collector ended the stream"));
            }
        }
    }
}
