package org.logmaster.collector.ingest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prints how many messages per second the listeners take into a sink that only counts. Not a test: run
 * it by hand (main) on the target machine; the sender runs in the same JVM and shares the cores.
 *
 * <pre>java -cp collector/target/test-classes:collector/target/classes:$(deps) \
 *     org.logmaster.collector.ingest.IngestBenchmark [messages]</pre>
 */
public final class IngestBenchmark {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ConfigRef CONFIG = new ConfigRef("listeners.bench", "benchmark");
    private static final String MESSAGE = "<134>1 2024-05-01T10:00:00.000Z fw01 filterlog - - - 5,,,1000000103,igb0,match,"
            + "block,in,4,0x0,,64,0,0,DF,6,tcp,60,192.0.2.10,198.51.100.7,51234,443,0,S,12345678,,64240,,mss";

    private static final class CountingSink implements FrameSink {
        final LongAdder frames = new LongAdder();

        @Override
        public void put(RawFrame frame) {
            frames.increment();
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        System.out.printf("message size %d bytes, %d cores%n", MESSAGE.length(),
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            tcp(messages, 2, true);
            tcp(messages, 2, false);
            udp(messages / 3, 2);
        }
    }

    private static void tcp(int messages, int connections, boolean octetCounting) throws Exception {
        CountingSink sink = new CountingSink();
        try (TcpListener listener = new TcpListener(StreamSettings.of("tcp", LOOPBACK, 0, CONFIG), sink,
                new ListenerCounters("tcp"))) {
            listener.start();
            byte[] chunk = chunk(1000, octetCounting);
            int chunksPerConnection = messages / connections / 1000;
            long start = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    try (Socket socket = new Socket(LOOPBACK, listener.localPort())) {
                        OutputStream out = socket.getOutputStream();
                        for (int i = 0; i < chunksPerConnection; i++) out.write(chunk);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread sender : senders) sender.join();
            long expected = (long) chunksPerConnection * connections * 1000;
            while (sink.frames.sum() < expected) Thread.onSpinWait();
            report("tcp " + (octetCounting ? "octet-counted" : "LF-framed"), expected, System.nanoTime() - start);
        }
    }

    private static byte[] chunk(int count, boolean octetCounting) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] message = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            if (octetCounting) out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(message);
            if (!octetCounting) out.write('\n');
        }
        return out.toByteArray();
    }

    private static void udp(int messages, int sockets) throws Exception {
        CountingSink sink = new CountingSink();
        ListenerCounters counters = new ListenerCounters("udp");
        try (UdpListener listener = new UdpListener(UdpSettings.of("udp", LOOPBACK, 0, CONFIG).withSockets(sockets),
                sink, counters)) {
            listener.start();
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, listener.localPort());
            int senders = sockets;
            int perSender = messages / senders;
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try (DatagramChannel channel = DatagramChannel.open()) {
                        ByteBuffer datagram = ByteBuffer.wrap(MESSAGE.getBytes(StandardCharsets.US_ASCII));
                        for (int i = 0; i < perSender; i++) {
                            datagram.rewind();
                            channel.send(datagram, target);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread thread : threads) thread.join();
            long sent = (long) perSender * senders;
            long settled = -1;
            while (settled != sink.frames.sum()) { // until the readers stop finding datagrams
                settled = sink.frames.sum();
                Thread.sleep(200);
            }
            long elapsed = System.nanoTime() - start - 200_000_000L;
            listener.refreshKernelDrops();
            report("udp (received of %d sent, kernel drops %d)".formatted(sent, counters.snapshot().dropped()),
                    settled, elapsed);
        }
    }

    private static void report(String what, long frames, long nanos) {
        System.out.printf("%-55s %,12d frames %,12.0f msg/s%n", what, frames, frames / (nanos / 1e9));
    }
}
