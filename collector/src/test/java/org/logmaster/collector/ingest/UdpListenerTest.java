package org.logmaster.collector.ingest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpListenerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ConfigRef CONFIG = new ConfigRef("listeners.udp", "/etc/logmaster/collector.yaml");

    private final QueueSink sink = new QueueSink();
    private final ListenerCounters counters = new ListenerCounters("udp");
    private UdpListener listener;

    private UdpListener start(UdpSettings settings, FrameSink frameSink) throws IOException {
        listener = new UdpListener(settings, frameSink, counters);
        listener.start();
        return listener;
    }

    private UdpListener start() throws IOException {
        return start(UdpSettings.of("udp", LOOPBACK, 0, CONFIG).withSockets(2), sink);
    }

    @AfterEach
    void close() {
        if (listener != null) listener.close();
    }

    private void send(byte[] datagram) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, LOOPBACK, listener.localPort()));
        }
    }

    @Test
    void loggerDatagramArrivesExactly() throws Exception {
        start();

        LoggerCommand.send("-n", "127.0.0.1", "-P", String.valueOf(listener.localPort()), "-d",
                "--rfc5424=notq,notime,nohost", "-t", "lmtest", "udp hello");

        RawFrame frame = sink.next();
        assertThat(new String(frame.payload(), US_ASCII)).isEqualTo("<13>1 - - lmtest - - - udp hello");
        assertThat(frame.listener()).isEqualTo("udp");
        assertThat(frame.sender()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(counters.snapshot().received()).isEqualTo(1);
    }

    @Test
    void loggerRfc5424DatagramWithTimestampArrivesWhole() throws Exception {
        start();

        LoggerCommand.send("-n", "127.0.0.1", "-P", String.valueOf(listener.localPort()), "-d", "--rfc5424",
                "-t", "lmtest", "stamped");

        assertThat(sink.nextText()).matches("<13>1 \\d{4}-\\d\\d-\\d\\dT\\S+ \\S+ lmtest - - \\[timeQuality[^]]*] stamped");
    }

    @Test
    void loggerRfc3164DatagramArrivesWhole() throws Exception {
        start();

        LoggerCommand.send("-n", "127.0.0.1", "-P", String.valueOf(listener.localPort()), "-d", "--rfc3164",
                "-t", "lmtest", "bsd hello");

        assertThat(sink.nextText()).matches("<13>[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\S+ lmtest: bsd hello");
    }

    @Test
    void oneTrailingLineFeedOrNulIsStripped() throws Exception {
        start();

        send("<13>lf\n".getBytes(US_ASCII));
        send("<13>nul\0".getBytes(US_ASCII));
        send("<13>two lf\n\n".getBytes(US_ASCII));

        Set<String> texts = new HashSet<>(sink.nextTexts(3));
        assertThat(texts).containsExactlyInAnyOrder("<13>lf", "<13>nul", "<13>two lf\n");
    }

    @Test
    void binaryNulAndInvalidUtf8BytesArriveByteExact() throws Exception {
        start();
        byte[] payload = {'<', '1', '3', '>', 0, 1, (byte) 0xff, (byte) 0xc3, (byte) 0x28, '\n', (byte) 0x80, 'x'};

        send(payload);

        assertThat(sink.next().payload()).isEqualTo(payload);
    }

    @Test
    void largestDatagramIsKeptWholeAndCountedOversized() throws Exception {
        start(UdpSettings.of("udp", LOOPBACK, 0, CONFIG).withSockets(1).withMaxMessageBytes(1000), sink);
        byte[] big = "q".repeat(65_507).getBytes(US_ASCII);

        send(big);

        assertThat(sink.next().payload()).isEqualTo(big);
        assertThat(counters.snapshot().oversized()).isEqualTo(1);
    }

    @Test
    void datagramsFromManySendersAllArriveThroughSharedSockets() throws Exception {
        start(UdpSettings.of("udp", LOOPBACK, 0, CONFIG).withSockets(2), sink);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String text = "<13>sender " + i;
            send(text.getBytes(US_ASCII)); // a new socket, so a new source port, each time
            sent.add(text);
        }

        assertThat(new HashSet<>(sink.nextTexts(200))).isEqualTo(sent);
    }

    @Test
    void datagramsTheKernelDroppedAreCounted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FrameSink stuck = frame -> never.await();
        start(UdpSettings.of("udp", LOOPBACK, 0, CONFIG).withSockets(1).withReceiveBufferBytes(4096), stuck);
        byte[] datagram = "x".repeat(1000).getBytes(US_ASCII);

        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 2000; i++) {
                socket.send(new DatagramPacket(datagram, datagram.length, LOOPBACK, listener.localPort()));
            }
        }

        Eventually.await("kernel drops are reported", () -> {
            listener.refreshKernelDrops();
            return counters.snapshot().dropped() > 0;
        });
        never.countDown();
    }

    @Test
    void bindingAPortInUseNamesTheKeyToChange() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, LOOPBACK)) {
            UdpListener second = new UdpListener(UdpSettings.of("udp", LOOPBACK, taken.getLocalPort(), CONFIG),
                    sink, counters);

            assertThatThrownBy(second::start)
                    .isInstanceOf(ListenerBindException.class)
                    .hasMessageContaining("cannot listen on udp 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("address already in use")
                    .hasMessageContaining("`listeners.udp.port` in /etc/logmaster/collector.yaml");
        }
    }

    @Test
    void aSecondCollectorCannotShareThePortThroughReusePort() throws Exception {
        start();
        UdpListener second = new UdpListener(
                UdpSettings.of("udp", LOOPBACK, listener.localPort(), CONFIG).withSockets(2), sink, counters);

        assertThatThrownBy(second::start)
                .isInstanceOf(ListenerBindException.class)
                .hasMessageContaining("SO_REUSEPORT")
                .hasMessageContaining("`listeners.udp.port`");
    }

    @Test
    void ipv6DatagramsArriveWithTheirSender() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        start(UdpSettings.of("udp", ipv6Loopback, 0, CONFIG).withSockets(2), sink);

        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] datagram = "<13>over ipv6".getBytes(US_ASCII);
            socket.send(new DatagramPacket(datagram, datagram.length, ipv6Loopback, listener.localPort()));
        }

        RawFrame frame = sink.next();
        assertThat(new String(frame.payload(), US_ASCII)).isEqualTo("<13>over ipv6");
        assertThat(frame.sender()).isEqualTo(ipv6Loopback);
    }

    @Test
    void closeReleasesThePort() throws Exception {
        start();
        int port = listener.localPort();

        listener.close();

        try (DatagramSocket again = new DatagramSocket(port, LOOPBACK)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
