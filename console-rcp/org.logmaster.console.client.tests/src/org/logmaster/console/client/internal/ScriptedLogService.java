package org.logmaster.console.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.Severity;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;

import com.google.protobuf.Timestamp;

import io.grpc.stub.StreamObserver;

/**
 * A real LogService whose Tail streams are written by the test: every call is remembered with its
 * request and handed to the test, which sends items and ends the stream as a collector would.
 */
final class ScriptedLogService extends LogServiceGrpc.LogServiceImplBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<TailRequest> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<StreamObserver<TailResponse>> calls = new LinkedBlockingQueue<>();

    @Override
    public void tail(TailRequest request, StreamObserver<TailResponse> responses) {
        requests.add(request);
        calls.add(responses);
    }

    /** The next Tail call the console made; fails the test when none comes. */
    StreamObserver<TailResponse> nextCall() throws InterruptedException {
        StreamObserver<TailResponse> call = calls.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no Tail call within " + PATIENCE + "; requests so far: " + requests);
        }
        return call;
    }

    List<TailRequest> requests() {
        return requests;
    }

    /** An event with the collector's cursor after it ("after-<id>"). */
    static TailResponse event(long id, String message) {
        return TailResponse.newBuilder()
                .setEvent(Event.newBuilder().setId(id).setDeviceId("fw-test").setHostname("fw1").setAppName("filterlog")
                        .setSeverity(Severity.SEVERITY_WARNING).setMessage(message)
                        .setArrival(Timestamp.newBuilder().setSeconds(1_764_000_000L + id)))
                .setCursor(cursorAfter(id))
                .build();
    }

    static String cursorAfter(long id) {
        return "after-" + id;
    }
}
