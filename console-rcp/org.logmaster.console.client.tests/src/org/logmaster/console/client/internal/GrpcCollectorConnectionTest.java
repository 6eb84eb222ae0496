package org.logmaster.console.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.CollectorConnections;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

class GrpcCollectorConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final CertificateFingerprint SERVER_CERT = CertificateFingerprint.parse(TestCollector.CERT_FINGERPRINT);

    @Test
    void healthCheckOverPlaintextReportsConnected() throws Exception {
        try (TestCollector collector = TestCollector.plaintext();
                CollectorConnection connection = CollectorConnections.open(ConnectionSettings.plaintext("127.0.0.1", collector.port()))) {
            ConnectionStatus status = connection.checkHealth(TIMEOUT);

            assertThat(status.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(connection.status()).isEqualTo(status);
        }
    }

    @Test
    void collectorThatIsNotServingIsReportedAsSuch() throws Exception {
        try (TestCollector collector = TestCollector.plaintext();
                CollectorConnection connection = CollectorConnections.open(ConnectionSettings.plaintext("127.0.0.1", collector.port()))) {
            collector.reportServing(ServingStatus.NOT_SERVING);

            assertThat(connection.checkHealth(TIMEOUT).state()).isEqualTo(ConnectionState.NOT_SERVING);
        }
    }

    @Test
    void closedPortIsReportedUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (CollectorConnection connection = CollectorConnections.open(ConnectionSettings.plaintext("127.0.0.1", closedPort))) {
            ConnectionStatus status = connection.checkHealth(TIMEOUT);

            assertThat(status.state()).isEqualTo(ConnectionState.UNREACHABLE);
            assertThat(status.detail()).startsWith("UNAVAILABLE");
        }
    }

    @Test
    void firstTlsConnectionReportsTheUnacceptedCertificateFingerprint() throws Exception {
        try (TestCollector collector = TestCollector.tls();
                CollectorConnection connection = CollectorConnections.open(ConnectionSettings.tls("127.0.0.1", collector.port()))) {
            ConnectionStatus status = connection.checkHealth(TIMEOUT);

            assertThat(status.state()).isEqualTo(ConnectionState.UNTRUSTED_CERTIFICATE);
            assertThat(status.presented()).contains(SERVER_CERT);
        }
    }

    @Test
    void tlsWithTheAcceptedFingerprintConnectsWhateverTheCertificateHostName() throws Exception {
        try (TestCollector collector = TestCollector.tls();
                CollectorConnection connection = CollectorConnections.open(
                        ConnectionSettings.tls("127.0.0.1", collector.port()).withPinnedCertificate(SERVER_CERT))) {
            ConnectionStatus status = connection.checkHealth(TIMEOUT);

            assertThat(status.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(status.presented()).contains(SERVER_CERT);
        }
    }

    @Test
    void tlsWithADifferentAcceptedFingerprintReportsMismatch() throws Exception {
        CertificateFingerprint other = CertificateFingerprint.parse("00".repeat(32));
        try (TestCollector collector = TestCollector.tls();
                CollectorConnection connection = CollectorConnections.open(
                        ConnectionSettings.tls("127.0.0.1", collector.port()).withPinnedCertificate(other))) {
            ConnectionStatus status = connection.checkHealth(TIMEOUT);

            assertThat(status.state()).isEqualTo(ConnectionState.CERTIFICATE_MISMATCH);
            assertThat(status.presented()).contains(SERVER_CERT);
        }
    }

    @Test
    void plaintextClientIsNotConnectedToATlsCollector() throws Exception {
        try (TestCollector collector = TestCollector.tls();
                CollectorConnection connection = CollectorConnections.open(ConnectionSettings.plaintext("127.0.0.1", collector.port()))) {
            assertThat(connection.checkHealth(TIMEOUT).state()).isEqualTo(ConnectionState.UNREACHABLE);
        }
    }

    @Test
    void listenersSeeConnectingThenConnectedThenDisconnected() throws Exception {
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        try (TestCollector collector = TestCollector.plaintext()) {
            CollectorConnection connection = CollectorConnections.open(ConnectionSettings.plaintext("127.0.0.1", collector.port()));
            connection.addStatusListener(status -> seen.add(status.state()));
            connection.checkHealth(TIMEOUT);
            connection.close();
        }
        assertThat(seen).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTED);
    }

    @Test
    void healthCheckAfterCloseChangesNothing() throws IOException, InterruptedException {
        try (TestCollector collector = TestCollector.plaintext()) {
            CollectorConnection connection = CollectorConnections.open(ConnectionSettings.plaintext("127.0.0.1", collector.port()));
            connection.close();

            assertThat(connection.checkHealth(TIMEOUT).state()).isEqualTo(ConnectionState.DISCONNECTED);
        }
    }
}
