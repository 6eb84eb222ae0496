package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.apitest.TestCertificates;

class GrpcServerTest {

    @Test
    void withoutKeyMaterialOrAnExplicitPlaintextChoiceTheServerDoesNotStart() {
        assertThatThrownBy(() -> GrpcServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TLS");
    }

    @Test
    void aPkcs12KeystoreServesTlsToClientsThatPinItsCertificate(@TempDir Path dir) throws Exception {
        TestCertificates certificates = new TestCertificates();
        Path keystore = dir.resolve("api.p12");
        certificates.writePkcs12(keystore, "secret".toCharArray());
        try (ApiServer api = ApiServer.plaintext();
             GrpcServer server = GrpcServer.builder()
                     .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                     .tls(ServerKeys.fromPkcs12(keystore, "secret".toCharArray()))
                     .access(new AccessInterceptor(api.authenticator, MethodPolicies.standard(), api.audit))
                     .start()) {
            ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.port(),
                    TlsChannelCredentials.newBuilder()
                            .trustManager(new ByteArrayInputStream(certificates.pem().getBytes(StandardCharsets.US_ASCII)))
                            .build()).build();
            try {
                assertThat(server.tls()).isTrue();
                assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                        .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theFingerprintIsTheOneOpensslPrints(@TempDir Path dir) throws Exception {
        TestCertificates certificates = new TestCertificates();
        Path pem = dir.resolve("cert.pem");
        Files.writeString(pem, certificates.pem());
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256")
                    .redirectErrorStream(true).start();
        } catch (IOException missing) {
            System.out.println("SKIPPED: openssl not installed");
            Assumptions.abort("openssl not installed");
            return;
        }
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).endsWith("=" + ServerKeys.fingerprint(certificates.certificate()));
    }
}
