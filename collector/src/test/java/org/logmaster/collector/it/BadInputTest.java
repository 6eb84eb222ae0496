package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.store.DailyLine;

/**
 * Hostile or broken input is stored raw (byte-exact where the transport allows) or refused with
 * a clear log line, and the collector keeps serving everybody else.
 */
class BadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static CollectorProcess collector;
    static DailyFiles files;

    @BeforeAll
    static void startCollector() throws Exception {
        collector = CollectorProcess.start(data);
        files = new DailyFiles(data);
    }

    @AfterAll
    static void stopCollector() throws Exception {
        if (collector != null) collector.close();
    }

    private static String marker() {
        return "bad" + UUID.randomUUID().toString().replace("-", "");
    }

    private static List<DailyLine> await(String marker, int count) throws Exception {
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        return files.await(all -> all.stream().filter(l -> DailyFiles.indexOf(l.raw(), m) >= 0).count() >= count, WAIT)
                .stream().filter(l -> DailyFiles.indexOf(l.raw(), m) >= 0).toList();
    }

    private static void sendUdp(byte[] payload) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), collector.udpPort));
        }
    }

    @Test
    void binaryNulAndInvalidUtf8AreStoredByteExactAndIndexedAsText() throws Exception {
        String m = marker();
        byte[] payload = DailyFiles.concat(("<13>1 - - - - - - " + m + " ").getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n', '\r', '\\', 0x7f, 'e', 'n', 'd'});
        sendUdp(payload);

        DailyLine line = await(m, 1).getFirst();
        assertThat(line.raw()).isEqualTo(payload);
        assertThat(files.awaitIndexCount("message like '%" + m + "%'", 1, WAIT)).isEqualTo(1);
    }

    @Test
    void garbageWithoutAnySyslogHeaderIsKeptAndFlaggedMalformed() throws Exception {
        String m = marker();
        sendUdp(("\u0007garbage " + m).getBytes(StandardCharsets.UTF_8));

        await(m, 1);
        assertThat(files.awaitIndexCount("message like '%" + m + "%' and malformed", 1, WAIT)).isEqualTo(1);
    }

    @Test
    void anOversizedTcpFrameIsKeptInPiecesAndTheConnectionGoesOn() throws Exception {
        String m = marker();
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        byte[] msg = DailyFiles.concat(("<13>1 - - - - - - " + m + " ").getBytes(StandardCharsets.US_ASCII), big);
        String after = marker();
        try (Socket s = new Socket("127.0.0.1", collector.tcpPort); OutputStream out = s.getOutputStream()) {
            out.write((msg.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(msg);
            byte[] next = ("<13>1 - - - - - - " + after).getBytes(StandardCharsets.US_ASCII);
            out.write((next.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(next);
            out.flush();
            await(after, 1);
        }
        List<DailyLine> pieces = await(m, 1);
        assertThat(pieces.getFirst().raw().length).isEqualTo(65536);
    }

    @Test
    void aTruncatedOctetCountedFrameKeepsWhatArrivedAndOthersAreServed() throws Exception {
        String m = marker();
        try (Socket s = new Socket("127.0.0.1", collector.tcpPort); OutputStream out = s.getOutputStream()) {
            out.write(("500 <13>1 - - - - - - " + m + " cut short").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        assertThat(new String(await(m, 1).getFirst().raw(), StandardCharsets.US_ASCII)).endsWith("cut short");
        String next = marker();
        Logger.send(collector.tcpPort, "-T", "--octet-count", next);
        await(next, 1);
    }

    @Test
    void aMalformedOctetCountClosesOnlyThatConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", collector.tcpPort)) {
            s.getOutputStream().write("12x4 nonsense".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            assertThat(in.read()).as("collector closes the connection").isEqualTo(-1);
        }
        String next = marker();
        Logger.send(collector.tcpPort, "-T", "--octet-count", next);
        await(next, 1);
        assertThat(collector.isAlive()).isTrue();
    }

    @Test
    void aClientThatConnectsAndSendsNothingDoesNotBlockOthers() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", collector.tcpPort);
             Socket idleTls = new Socket("127.0.0.1", collector.tlsPort)) {
            String m = marker();
            Logger.send(collector.tcpPort, "-T", m);
            Logger.send(collector.udpPort, "-d", m + "u");
            await(m, 2);
        }
    }

    @Test
    void plainTextOnTheTlsPortIsRefusedAndTlsStillServes() throws Exception {
        try (Socket s = new Socket("127.0.0.1", collector.tlsPort)) {
            s.getOutputStream().write("<13>1 - - - - - - not tls\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(35_000);
            int r;
            do {
                r = s.getInputStream().read();
            } while (r != -1);
        } catch (java.net.SocketException reset) {
            // a reset is a refusal too
        }
        assertThat(collector.isAlive()).isTrue();
        assertThat(files.lines().stream().noneMatch(l -> new String(l.raw(), StandardCharsets.US_ASCII).contains("not tls")))
                .isTrue();
    }
}
