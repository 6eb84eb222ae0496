package org.logmaster.console.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.Severity;
import org.logmaster.api.v1.TailGap;
import org.logmaster.api.v1.TailResponse;
import org.logmaster.api.v1.TimeRange;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;
import org.logmaster.console.client.LiveGap;
import org.logmaster.console.client.LiveTailState;
import org.logmaster.console.client.LiveTailStatus;

import com.google.protobuf.Timestamp;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The live tail against a real gRPC LogService on 127.0.0.1 whose streams the test writes. */
class GrpcLiveTailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Reconnects without the console's 1 s first delay; the delays themselves are not under test. */
    private static final RetryDelay QUICK = new RetryDelay(Duration.ofMillis(10), Duration.ofMillis(100));

    private final ScriptedLogService logService = new ScriptedLogService();
    private final BlockingQueue<LiveEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<LiveGap> gaps = new LinkedBlockingQueue<>();
    private final List<LiveTailStatus> statuses = new CopyOnWriteArrayList<>();
    private TestCollector collector;
    private GrpcCollectorConnection connection;
    private GrpcLiveTail tail;

    @BeforeEach
    void startTail() throws Exception {
        collector = TestCollector.plaintextWith(logService);
        connection = GrpcCollectorConnection.open(ConnectionSettings.plaintext("127.0.0.1", collector.port()));
        tail = connection.liveTail(EventFilter.getDefaultInstance(), statuses::add, QUICK);
        tail.start(new LiveEventListener() {
            @Override
            public void onEvent(LiveEvent event) {
                events.add(event);
            }

            @Override
            public void onGap(LiveGap gap) {
                gaps.add(gap);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        tail.stop();
        connection.close();
        collector.close();
    }

    @Test
    void eventsStreamedByTheCollectorArriveAsLiveEvents() throws Exception {
        StreamObserver<TailResponse> stream = logService.nextCall();

        stream.onNext(ScriptedLogService.event(7, "block in on igb0"));

        LiveEvent event = next();
        assertThat(event.message()).isEqualTo("block in on igb0");
        assertThat(event.device()).isEqualTo("fw-test");
        assertThat(event.host()).isEqualTo("fw1");
        assertThat(event.app()).isEqualTo("filterlog");
        assertThat(event.severity()).isEqualTo(Severity.SEVERITY_WARNING);
        assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(1_764_000_007L));
        assertThat(logService.requests().get(0).getResumeFrom()).isEmpty();
    }

    @Test
    void afterTheCollectorEndsAStreamWithUnavailableTheTailResumesAfterTheLastCursor() throws Exception {
        StreamObserver<TailResponse> first = logService.nextCall();
        first.onNext(ScriptedLogService.event(1, "one"));
        first.onNext(ScriptedLogService.event(2, "two"));
        next();
        next();

        first.onError(Status.UNAVAILABLE.withDescription("the collector is stopping").asRuntimeException());
        StreamObserver<TailResponse> second = logService.nextCall();
        second.onNext(ScriptedLogService.event(3, "three"));

        assertThat(logService.requests().get(1).getResumeFrom()).isEqualTo(ScriptedLogService.cursorAfter(2));
        assertThat(next().message()).isEqualTo("three");
        assertThat(events).isEmpty();
    }

    @Test
    void theStateListenerSeesReconnectingWithTheServersMessageThenLive() throws Exception {
        StreamObserver<TailResponse> first = logService.nextCall();
        first.onNext(ScriptedLogService.event(1, "one"));
        first.onError(Status.UNAVAILABLE.withDescription("the collector is stopping").asRuntimeException());
        logService.nextCall().onNext(ScriptedLogService.event(2, "two"));
        next();
        next();

        assertThat(states()).containsExactly(LiveTailState.CONNECTING,
                LiveTailState.LIVE, LiveTailState.RECONNECTING, LiveTailState.CONNECTING, LiveTailState.LIVE);
        assertThat(statuses.get(2).lastError()).isEqualTo("UNAVAILABLE: the collector is stopping");
        assertThat(statuses.get(2).nextAttempt()).isNotNull();
    }

    @Test
    void permissionDeniedStopsTheTailWithoutRetrying() throws Exception {
        logService.nextCall().onError(Status.PERMISSION_DENIED.withDescription("role viewer may not read logs")
                .asRuntimeException());
        awaitUntil("the tail stopped", () -> !statuses.isEmpty() && last().state() == LiveTailState.STOPPED);

        tail.stop(); // waits for the tail's thread: whatever it would still do is done

        assertThat(states()).containsExactly(LiveTailState.CONNECTING, LiveTailState.STOPPED);
        assertThat(last().lastError()).isEqualTo("PERMISSION_DENIED: role viewer may not read logs");
        assertThat(logService.requests()).hasSize(1);
    }

    @Test
    void aCursorTheCollectorNoLongerHoldsRestartsFromNowAndReportsTheLoss() throws Exception {
        StreamObserver<TailResponse> first = logService.nextCall();
        first.onNext(ScriptedLogService.event(1, "one"));
        next();
        first.onError(Status.UNAVAILABLE.asRuntimeException());
        logService.nextCall().onError(Status.OUT_OF_RANGE
                .withDescription("resume_from: the events after it are no longer in the index; search instead")
                .asRuntimeException());

        logService.nextCall().onNext(ScriptedLogService.event(9, "nine"));

        assertThat(logService.requests().get(2).getResumeFrom()).isEmpty();
        LiveGap loss = gaps.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(loss).isNotNull();
        assertThat(loss.countKnown()).isFalse();
        assertThat(loss.from()).isEqualTo(Instant.ofEpochSecond(1_764_000_001L));
        assertThat(next().message()).isEqualTo("nine");
    }

    @Test
    void aGapInTheStreamIsReportedWithItsSkippedCount() throws Exception {
        Timestamp from = Timestamp.newBuilder().setSeconds(1_764_000_100L).build();
        Timestamp to = Timestamp.newBuilder().setSeconds(1_764_000_160L).build();

        logService.nextCall().onNext(TailResponse.newBuilder()
                .setGap(TailGap.newBuilder().setSkipped(1_234).setRange(TimeRange.newBuilder().setFrom(from).setTo(to)))
                .setCursor(ScriptedLogService.cursorAfter(1_300)).build());

        LiveGap gap = gaps.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(gap).isEqualTo(new LiveGap(1_234, Instant.ofEpochSecond(1_764_000_100L), Instant.ofEpochSecond(1_764_000_160L)));
    }

    private LiveEvent next() throws InterruptedException {
        LiveEvent event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + PATIENCE + "; statuses: " + statuses);
        }
        return event;
    }

    private List<LiveTailState> states() {
        return statuses.stream().map(LiveTailStatus::state).toList();
    }

    private LiveTailStatus last() {
        return statuses.get(statuses.size() - 1);
    }

    private void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; statuses: " + statuses);
            }
            Thread.sleep(10);
        }
    }
}
