package org.logmaster.collector.ingest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logmaster.collector.tls.ApplianceCertificate;

class TlsListenerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final ConfigRef CONFIG = new ConfigRef("listeners.tls", "/etc/logmaster/collector.yaml");

    @TempDir
    static Path certificateDir;
    private static ApplianceCertificate certificate;
    private static SSLContext clientContext;

    private final QueueSink sink = new QueueSink();
    private final ListenerCounters counters = new ListenerCounters("tls");
    private TlsListener listener;

    @BeforeAll
    static void createCertificate() throws Exception {
        certificate = ApplianceCertificate.loadOrCreate(certificateDir.resolve("appliance.p12"),
                "secret".toCharArray(), "collector.test");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("appliance", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
    }

    private void start(StreamSettings settings) throws IOException {
        listener = new TlsListener(settings, certificate.serverContext(), sink, counters);
        listener.start();
    }

    private void start() throws IOException {
        start(StreamSettings.of("tls", LOOPBACK, 0, CONFIG));
    }

    @AfterEach
    void close() {
        if (listener != null) listener.close();
    }

    private SSLSocket connectTls(String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket(LOOPBACK, listener.localPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name 127.0.0.1
        parameters.setProtocols(new String[] {protocol});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private void sendOverTls(String stream) throws IOException {
        try (SSLSocket socket = connectTls("TLSv1.3")) {
            socket.getOutputStream().write(stream.getBytes(US_ASCII));
        }
    }

    /** Reads until the server closes (any alert it sends on the way is skipped); times out if it does not. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        InputStream in = socket.getInputStream();
        assertThatCode(() -> {
            try {
                in.readAllBytes();
            } catch (SocketException reset) {
                // a reset is a close as well
            }
        }).as("the server closes the connection").doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void octetCountedFramesArriveOverTls(String protocol) throws Exception {
        start();

        try (SSLSocket socket = connectTls(protocol)) {
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            socket.getOutputStream().write("26 <13>1 - host app - - - one3 two".getBytes(US_ASCII));
        }

        RawFrame first = sink.next();
        assertThat(new String(first.payload(), US_ASCII)).isEqualTo("<13>1 - host app - - - one");
        assertThat(first.listener()).isEqualTo("tls");
        assertThat(first.sender()).isEqualTo(LOOPBACK);
        assertThat(sink.nextText()).isEqualTo("two");
    }

    @Test
    void lineFeedFramingWorksOverTlsToo() throws Exception {
        start();

        sendOverTls("<13>first\n<13>second\n");

        assertThat(sink.nextTexts(2)).containsExactly("<13>first", "<13>second");
    }

    @Test
    void opensslClientIsAccepted() throws Exception {
        start();
        Path pem = Files.writeString(certificateDir.resolve("appliance.pem"), certificate.certificatePem());

        Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + listener.localPort(),
                "-CAfile", pem.toString(), "-verify_return_error", "-verify_ip", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var stdin = openssl.getOutputStream()) {
            stdin.write("19 <13>1 - - openssl -19 <13>1 - - openssl -".getBytes(US_ASCII));
        }
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(openssl.exitValue()).as("openssl verified the certificate").isZero();
        assertThat(sink.nextTexts(2)).containsExactly("<13>1 - - openssl -", "<13>1 - - openssl -");
    }

    @Test
    void plainTextClientOnlyLosesItsOwnConnection() throws Exception {
        start();

        try (Socket plain = new Socket(LOOPBACK, listener.localPort())) {
            plain.getOutputStream().write("<13>not encrypted\n".getBytes(US_ASCII));
            assertClosedByServer(plain);
        }
        Eventually.await("the failed handshake is counted", () -> counters.snapshot().protocolErrors() == 1);

        sendOverTls("<13>next client\n");
        assertThat(sink.nextText()).isEqualTo("<13>next client");
        assertThat(counters.snapshot().received()).isEqualTo(1);
    }

    @Test
    void truncatedHandshakeOnlyLosesItsOwnConnection() throws Exception {
        start();
        byte[] startOfClientHello = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4, 0x03, 0x03};

        try (Socket truncated = new Socket(LOOPBACK, listener.localPort())) {
            truncated.getOutputStream().write(startOfClientHello);
        }
        Eventually.await("the failed handshake is counted", () -> counters.snapshot().protocolErrors() == 1);

        sendOverTls("<13>next client\n");
        assertThat(sink.nextText()).isEqualTo("<13>next client");
    }

    @Test
    void stalledHandshakeIsCutOffWhileOthersAreServed() throws Exception {
        start(StreamSettings.of("tls", LOOPBACK, 0, CONFIG).withHandshakeTimeout(Duration.ofMillis(300)));

        try (Socket stalled = new Socket(LOOPBACK, listener.localPort())) {
            sendOverTls("<13>meanwhile\n");
            assertThat(sink.nextText()).isEqualTo("<13>meanwhile");

            assertClosedByServer(stalled);
        }
        Eventually.await("the stalled handshake is counted", () -> counters.snapshot().protocolErrors() == 1);
    }

    @Test
    @Timeout(30)
    void closeEndsConnectedClients() throws Exception {
        start();
        try (SSLSocket idle = connectTls("TLSv1.3")) {
            Eventually.await("the client is connected", () -> listener.openConnections() == 1);

            listener.close();

            assertClosedByServer(idle);
            assertThat(listener.openConnections()).isZero();
        }
    }
}
