package org.logmaster.console.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * A real gRPC server on 127.0.0.1 with an ephemeral port that offers the standard health service,
 * standing in for the collector until its API exists. Uses the same embedded gRPC runtime.
 */
final class TestCollector implements AutoCloseable {

    /** {@code openssl x509 -noout -fingerprint -sha256 -in collector-test-cert.pem} */
    static final String CERT_FINGERPRINT =
            "B2:DF:D7:C9:F6:4B:32:49:D6:44:E6:A4:3F:0B:20:84:BC:C7:99:7C:4E:CF:F3:E9:9E:78:6D:9A:41:2B:BF:CF";

    private final Server server;
    private final HealthStatusManager health = new HealthStatusManager();

    private TestCollector(ServerCredentials credentials, BindableService... services) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
                .addService(health.getHealthService());
        for (BindableService service : services) {
            builder.addService(service);
        }
        server = builder.build().start();
    }

    static TestCollector plaintext() throws IOException {
        return new TestCollector(InsecureServerCredentials.create());
    }

    /** Plaintext, also offering the given services (a test's own LogService, for instance). */
    static TestCollector plaintextWith(BindableService... services) throws IOException {
        return new TestCollector(InsecureServerCredentials.create(), services);
    }

    /** TLS with a self-signed certificate for "collector.test", which is not the host dialled. */
    static TestCollector tls() throws IOException {
        try (InputStream cert = resource("collector-test-cert.pem"); InputStream key = resource("collector-test-key.pem")) {
            return new TestCollector(TlsServerCredentials.create(cert, key));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TestCollector.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("test resource missing: " + name));
        }
        return in;
    }

    int port() {
        return server.getPort();
    }

    void reportServing(ServingStatus status) {
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
