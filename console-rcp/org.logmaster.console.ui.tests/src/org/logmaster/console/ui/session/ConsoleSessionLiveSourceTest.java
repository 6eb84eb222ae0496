package org.logmaster.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.LiveTailState;
import org.logmaster.console.client.demo.DemoEventSource;
import org.logmaster.console.ui.collector.RunningCollector;

/** Which live source feeds the views: generated traffic (--demo) until a login brings the collector's tail. */
class ConsoleSessionLiveSourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void demoTrafficKeepsFlowingWhenAConnectFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ConsoleSession session = new ConsoleSession();
        try {
            session.startLiveSource(new DemoEventSource(1_000, 0, 7));
            CompletableFuture<ConnectionStatus> outcome = new CompletableFuture<>();

            session.connect(ConnectionSettings.plaintext("127.0.0.1", closedPort), outcome::complete);

            assertThat(outcome.get(30, TimeUnit.SECONDS).state()).isEqualTo(ConnectionState.UNREACHABLE);
            long before = session.liveEvents().receivedCount();
            awaitUntil(() -> session.liveEvents().receivedCount() > before);
            assertThat(session.liveEvents().status().state()).isEqualTo(LiveTailState.LIVE);
        } finally {
            session.close();
        }
        assertThat(session.liveEvents().status().state()).isEqualTo(LiveTailState.STOPPED);
    }

    @Test
    void aLoginReplacesTheDemoTrafficWithTheCollectorsTail() throws Exception {
        RunningCollector collector = RunningCollector.shared();
        ConsoleSession session = new ConsoleSession();
        List<LiveTailState> states = new CopyOnWriteArrayList<>();
        session.liveEvents().addStatusListener(status -> states.add(status.state()));
        DemoEventSource demo = new DemoEventSource(1_000, 0, 7);
        try {
            session.startLiveSource(demo);

            session.connect(collector.settings(collector.administrator()), outcome -> { });

            awaitUntil(() -> states.contains(LiveTailState.CONNECTING));
            // the demo delivered (LIVE); the session stopped it, which waits for its thread (OFF);
            // then the tail reports its own state
            assertThat(states).containsSubsequence(LiveTailState.LIVE, LiveTailState.STOPPED, LiveTailState.CONNECTING);
        } finally {
            session.close();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
