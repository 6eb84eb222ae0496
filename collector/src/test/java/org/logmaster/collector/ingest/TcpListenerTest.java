package org.logmaster.collector.ingest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpListenerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ConfigRef CONFIG = new ConfigRef("listeners.tcp", "/etc/logmaster/collector.yaml");

    private final QueueSink sink = new QueueSink();
    private final ListenerCounters counters = new ListenerCounters("tcp");
    private TcpListener listener;

    private TcpListener start(StreamSettings settings) throws IOException {
        listener = new TcpListener(settings, sink, counters);
        listener.start();
        return listener;
    }

    private TcpListener start() throws IOException {
        return start(StreamSettings.of("tcp", LOOPBACK, 0, CONFIG));
    }

    @AfterEach
    void close() {
        if (listener != null) listener.close();
    }

    private Socket connect() throws IOException {
        return new Socket(LOOPBACK, listener.localPort());
    }

    private static byte[] octetCounted(byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes((payload.length + " ").getBytes(US_ASCII));
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    @Test
    void loggerOctetCountedFrameArrivesExactly() throws Exception {
        start();

        LoggerCommand.send("-n", "127.0.0.1", "-P", String.valueOf(listener.localPort()), "-T", "--octet-count",
                "--rfc5424=notq,notime,nohost", "-t", "lmtest", "octet counted hello");

        RawFrame frame = sink.next();
        assertThat(new String(frame.payload(), US_ASCII)).isEqualTo("<13>1 - - lmtest - - - octet counted hello");
        assertThat(frame.listener()).isEqualTo("tcp");
        assertThat(frame.sender()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(frame.deviceHint()).isNull();
        assertThat(counters.snapshot().received()).isEqualTo(1);
    }

    @Test
    void loggerLineFeedFramedFrameArrivesExactly() throws Exception {
        start();

        LoggerCommand.send("-n", "127.0.0.1", "-P", String.valueOf(listener.localPort()), "-T",
                "--rfc5424=notq,notime,nohost", "-t", "lmtest", "-p", "local0.warning", "line framed hello");

        assertThat(sink.nextText()).isEqualTo("<132>1 - - lmtest - - - line framed hello");
    }

    @Test
    void loggerRfc3164FrameArrivesWhole() throws Exception {
        start();

        LoggerCommand.send("-n", "127.0.0.1", "-P", String.valueOf(listener.localPort()), "-T", "--rfc3164",
                "-t", "lmtest", "old style hello");

        assertThat(sink.nextText())
                .matches("<13>[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\S+ lmtest: old style hello");
    }

    @Test
    void binaryNulAndInvalidUtf8BytesArriveByteExact() throws Exception {
        start();
        byte[] payload = {'<', '1', '3', '>', 0, 1, 2, (byte) 0xff, (byte) 0xc3, (byte) 0x28, '\n', (byte) 0x80, 0};

        try (Socket socket = connect()) {
            socket.getOutputStream().write(octetCounted(payload));
        }

        assertThat(sink.next().payload()).isEqualTo(payload);
    }

    @Test
    void clientThatSendsNothingDoesNotHoldUpOthers() throws Exception {
        start();
        try (Socket silent = connect(); Socket halfFrame = connect(); Socket talker = connect()) {
            halfFrame.getOutputStream().write("40 <13>only the beginning".getBytes(US_ASCII));
            talker.getOutputStream().write("<13>from the talker\n".getBytes(US_ASCII));

            assertThat(sink.nextText()).isEqualTo("<13>from the talker");
        }
    }

    @Test
    void malformedOctetCountClosesOnlyThatConnectionAndKeepsWhatArrived() throws Exception {
        start();
        try (Socket good = connect(); Socket bad = connect()) {
            bad.getOutputStream().write("5 <13>a5x<13>b".getBytes(US_ASCII));

            assertThat(sink.nextText()).isEqualTo("<13>a");
            assertThat(sink.nextText()).isEqualTo("5x<13>b");
            assertThat(bad.getInputStream().read()).as("the server closed the bad connection").isEqualTo(-1);
            assertThat(counters.snapshot().protocolErrors()).isEqualTo(1);

            good.getOutputStream().write("3 yes".getBytes(US_ASCII));
            assertThat(sink.nextText()).isEqualTo("yes");
        }
    }

    @Test
    void oversizedFrameIsKeptCutAndCounted() throws Exception {
        start(StreamSettings.of("tcp", LOOPBACK, 0, CONFIG).withMaxMessageBytes(100));
        byte[] big = "z".repeat(250).getBytes(US_ASCII);

        try (Socket socket = connect()) {
            socket.getOutputStream().write(octetCounted(big));
            socket.getOutputStream().write("4 next".getBytes(US_ASCII));
        }

        assertThat(sink.nextText()).isEqualTo("z".repeat(100));
        assertThat(sink.nextText()).isEqualTo("next");
        assertThat(counters.snapshot().oversized()).isEqualTo(1);
        assertThat(counters.snapshot().received()).isEqualTo(2);
    }

    @Test
    void frameCutShortByTheSenderIsKept() throws Exception {
        start();

        try (Socket socket = connect()) {
            socket.getOutputStream().write("30 <13>sender died here".getBytes(US_ASCII));
        }

        assertThat(sink.nextText()).isEqualTo("<13>sender died here");
    }

    @Test
    void connectionsBeyondTheMaximumAreClosedAtOnce() throws Exception {
        start(StreamSettings.of("tcp", LOOPBACK, 0, CONFIG).withMaxConnections(1));
        try (Socket first = connect()) {
            Eventually.await("the first connection is served", () -> listener.openConnections() == 1);
            try (Socket second = connect()) {
                assertThat(second.getInputStream().read()).as("the second connection is closed").isEqualTo(-1);
            }
            first.getOutputStream().write("<13>first still served\n".getBytes(US_ASCII));
            assertThat(sink.nextText()).isEqualTo("<13>first still served");
        }
        Eventually.await("the first connection is gone", () -> listener.openConnections() == 0);

        try (Socket third = connect()) {
            third.getOutputStream().write("<13>third served\n".getBytes(US_ASCII));
        }
        assertThat(sink.nextText()).isEqualTo("<13>third served");
    }

    @Test
    void idleConnectionIsClosedWhenATimeoutIsSet() throws Exception {
        start(StreamSettings.of("tcp", LOOPBACK, 0, CONFIG).withIdleTimeout(Duration.ofMillis(200)));

        try (Socket idle = connect()) {
            InputStream in = idle.getInputStream();
            assertThat(in.read()).as("the server closed the idle connection").isEqualTo(-1);
        }
    }

    @Test
    void bindingAPortInUseNamesTheKeyToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            TcpListener second = new TcpListener(StreamSettings.of("tcp", LOOPBACK, taken.getLocalPort(), CONFIG),
                    sink, counters);

            assertThatThrownBy(second::start)
                    .isInstanceOf(ListenerBindException.class)
                    .hasMessageContaining("cannot listen on tcp 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("address already in use")
                    .hasMessageContaining("`listeners.tcp.port` in /etc/logmaster/collector.yaml");
        }
    }

    @Test
    void ipv6ConnectionsAreServed() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        start(StreamSettings.of("tcp", ipv6Loopback, 0, CONFIG));

        try (Socket socket = new Socket(ipv6Loopback, listener.localPort())) {
            socket.getOutputStream().write("<13>over ipv6\n".getBytes(US_ASCII));
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

        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new java.net.InetSocketAddress(LOOPBACK, port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void framesOfOneConnectionKeepTheirOrder() throws Exception {
        start();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) lines.append("<13>message ").append(i).append('\n');

        try (Socket socket = connect()) {
            socket.getOutputStream().write(lines.toString().getBytes(US_ASCII));
        }

        for (int i = 0; i < 2000; i++) assertThat(sink.nextText()).isEqualTo("<13>message " + i);
    }
}
