package org.logmaster.collector.it;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;

/**
 * The client side of one Tail call: received items in a queue. A client that is not reading
 * takes one item (so a test knows the stream is live) and then nothing until {@link #read}.
 */
final class TailClient implements ClientResponseObserver<TailRequest, TailResponse> {
    private final boolean reading;
    private final LinkedBlockingQueue<TailResponse> items = new LinkedBlockingQueue<>();
    private volatile ClientCallStreamObserver<TailRequest> call;
    private volatile Status ended;

    TailClient(boolean reading) {
        this.reading = reading;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<TailRequest> requestStream) {
        call = requestStream;
        if (!reading) requestStream.disableAutoRequestWithInitial(1);
    }

    /** Lets a client that was not reading read from now on. */
    void read() {
        call.request(Integer.MAX_VALUE);
    }

    /** The next item, or null when none came within {@code timeout}. */
    TailResponse next(Duration timeout) throws InterruptedException {
        return items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How the call ended, or null while it runs. */
    Status ended() {
        return ended;
    }

    void cancel() {
        call.cancel("test done", null);
    }

    @Override
    public void onNext(TailResponse value) {
        items.add(value);
    }

    @Override
    public void onError(Throwable t) {
        ended = Status.fromThrowable(t);
    }

    @Override
    public void onCompleted() {
        ended = Status.OK;
    }
}
