package org.logmaster.collector.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.TailGap;
import org.logmaster.api.v1.TailResponse;
import org.logmaster.api.v1.TimeRange;
import org.logmaster.collector.index.LiveTail;
import org.logmaster.collector.index.TailBuffer;

/**
 * Pumps one {@link LiveTail} into one Tail call, on its own virtual thread, at the pace gRPC's
 * flow control allows: while the client does not read, nothing is sent and the tail's buffer
 * fills (and then counts a gap); the indexer never waits for it. Ends when the client cancels,
 * when the collector stops (UNAVAILABLE), or when reading the index fails.
 */
final class TailStream {
    private static final Duration POLL = Duration.ofMillis(500);

    private final ServerCallStreamObserver<TailResponse> out;
    private final LiveTail tail;
    private final Runnable onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean finished;  // guarded by lock

    TailStream(ServerCallStreamObserver<TailResponse> out, LiveTail tail, Runnable onEnd) {
        this.out = out;
        this.tail = tail;
        this.onEnd = onEnd;
        out.setOnReadyHandler(this::signal);
        out.setOnCancelHandler(() -> finish(null));
    }

    void start() {
        Thread.ofVirtual().name("tail-stream").start(this::run);
    }

    /** Ends the stream with {@code status} (the collector is stopping). */
    void end(Status status) {
        finish(status);
    }

    private void run() {
        try {
            while (!isFinished()) {
                if (!out.isReady()) {
                    awaitReady();
                    continue;
                }
                TailBuffer.Item item = tail.next(POLL);
                if (item != null) send(response(item));
            }
        } catch (InterruptedException e) {
            finish(Status.UNAVAILABLE.withDescription("the collector is stopping"));
        } catch (RuntimeException e) {
            finish(ExceptionInterceptor.statusOf(LogServiceGrpc.getTailMethod().getFullMethodName(), e));
        } finally {
            tail.close();
            onEnd.run();
        }
    }

    private static TailResponse response(TailBuffer.Item item) {
        return switch (item) {
            case TailBuffer.Event(var e) -> TailResponse.newBuilder()
                    .setEvent(LogMapping.event(e))
                    .setCursor(TailCursor.after(e.id()))
                    .build();
            case TailBuffer.Gap gap -> TailResponse.newBuilder()
                    .setGap(TailGap.newBuilder().setSkipped(gap.skipped()).setRange(TimeRange.newBuilder()
                            .setFrom(ProtoMapping.timestamp(gap.first()))
                            .setTo(ProtoMapping.timestamp(gap.last()))))
                    .setCursor(TailCursor.after(gap.lastId()))
                    .build();
        };
    }

    private void send(TailResponse response) {
        lock.lock();
        try {
            if (!finished) out.onNext(response);
        } finally {
            lock.unlock();
        }
    }

    private void awaitReady() throws InterruptedException {
        lock.lock();
        try {
            if (!finished && !out.isReady()) changed.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    private boolean isFinished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the call once: with {@code status}, or quietly when the client cancelled (null). */
    private void finish(Status status) {
        lock.lock();
        try {
            if (finished) return;
            finished = true;
            changed.signalAll();
            if (status != null) {
                try {
                    if (status.isOk()) {
                        out.onCompleted();
                    } else {
                        out.onError(status.asRuntimeException());
                    }
                } catch (IllegalStateException alreadyClosed) {
                    // the call ended meanwhile
                }
            }
        } finally {
            lock.unlock();
        }
        tail.close();  // wakes the pump if it waits for events
    }
}
