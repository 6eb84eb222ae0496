package org.logmaster.collector.ingest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TcpBackPressureTest {
    /** 60 MB: more than the kernel can buffer on both ends (tcp_rmem and tcp_wmem maxima are 32 + 4 MiB). */
    private static final int MESSAGES = 60_000;
    private static final int MESSAGE_BYTES = 1000;

    /** Blocks every put until opened, then checks that frames come in sequence. */
    private static final class GatedSink implements FrameSink {
        final CountDownLatch firstPut = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicLong delivered = new AtomicLong();
        volatile String outOfOrder;

        @Override
        public void put(RawFrame frame) throws InterruptedException {
            firstPut.countDown();
            gate.await();
            long expected = delivered.get();
            String text = new String(frame.payload(), US_ASCII);
            if (!text.startsWith("<13>seq " + expected + " ") && outOfOrder == null) {
                outOfOrder = "expected message " + expected + ", got " + text.substring(0, 30);
            }
            delivered.incrementAndGet();
        }
    }

    private static byte[] message(int sequence) {
        String head = "<13>seq " + sequence + " ";
        return (head + "x".repeat(MESSAGE_BYTES - head.length() - 1) + "\n").getBytes(US_ASCII);
    }

    @Test
    void blockedSinkStopsTheSenderAndNothingIsLostOnceItDrains() throws Exception {
        GatedSink sink = new GatedSink();
        ListenerCounters counters = new ListenerCounters("tcp");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (TcpListener listener = new TcpListener(
                StreamSettings.of("tcp", loopback, 0, new ConfigRef("listeners.tcp", "test")), sink, counters)) {
            listener.start();
            AtomicLong bytesWritten = new AtomicLong();
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (Socket socket = new Socket(loopback, listener.localPort())) {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < MESSAGES; i++) {
                        byte[] message = message(i);
                        out.write(message);
                        bytesWritten.addAndGet(message.length);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(sink.firstPut.await(20, TimeUnit.SECONDS)).isTrue();
            awaitStall(bytesWritten);

            assertThat(sender).as("the sender is held back while the sink is full").isNotDone();
            assertThat(bytesWritten.get()).isLessThan((long) MESSAGES * MESSAGE_BYTES);

            sink.gate.countDown();
            sender.get(60, TimeUnit.SECONDS);
            Eventually.await("all messages delivered", () -> sink.delivered.get() == MESSAGES);
            assertThat(sink.outOfOrder).isNull();
            assertThat(counters.snapshot().received()).isEqualTo(MESSAGES);
        }
    }

    /** Waits until the sender's progress stops moving, i.e. its write is blocked by TCP flow control. */
    private static void awaitStall(AtomicLong progress) throws InterruptedException {
        long previous = -1;
        for (int attempt = 0; attempt < 100; attempt++) {
            long now = progress.get();
            if (now == previous) return;
            previous = now;
            Thread.sleep(300);
        }
        throw new AssertionError("the sender kept writing although the sink was blocked");
    }
}
