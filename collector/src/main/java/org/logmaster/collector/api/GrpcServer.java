package org.logmaster.collector.api;

import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's gRPC endpoint: Netty (shaded) on one address, TLS 1.2/1.3 with the appliance's
 * key unless plaintext was asked for explicitly (tests), the logmaster.v1 services behind the
 * {@link AccessInterceptor}, the standard health service (grpc.health.v1) and server reflection
 * (grpc.reflection.v1). Limits keep a hostile client from hurting it: message and header sizes,
 * handshake time, concurrent streams per connection, and HTTP/2 reset floods. Calls run on
 * virtual threads, as they mostly wait for the database.
 */
public final class GrpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);
    public static final int DEFAULT_PORT = 6515;
    public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final Server server;
    private final HealthStatusManager health;
    private final ExecutorService executor;
    private final boolean tls;
    private volatile boolean serving = true;

    private GrpcServer(Server server, HealthStatusManager health, ExecutorService executor, boolean tls) {
        this.server = server;
        this.health = health;
        this.executor = executor;
        this.tls = tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port (useful when built with port 0). */
    public int port() {
        return server.getPort();
    }

    public boolean tls() {
        return tls;
    }

    /**
     * What health checks report, for the server ("") and every service: SERVING, or NOT_SERVING
     * while the collector cannot store or index what it receives.
     */
    public void serving(boolean value) {
        if (serving == value) return;
        serving = value;
        ServingStatus status = value ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus("", status);
        for (ServerServiceDefinition definition : server.getServices()) {
            health.setStatus(definition.getServiceDescriptor().getName(), status);
        }
        log.info("gRPC health: {}", status);
    }

    /**
     * Health of one part of the collector under its own name ("logmaster.disk", ...), which health
     * checks may ask for besides the server ("") and the services.
     */
    public void component(String name, boolean value) {
        health.setStatus(name, value ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }

    /** Reports NOT_SERVING to health checks, then stops accepting calls and waits for running ones. */
    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }

    public static final class Builder {
        private InetSocketAddress address = new InetSocketAddress(DEFAULT_PORT);
        private ServerCredentials credentials;
        private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_MESSAGE_BYTES;
        private AccessInterceptor access;
        private final List<BindableService> services = new ArrayList<>();

        private Builder() {}

        /** Where to listen; port 0 picks a free port. */
        public Builder address(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address);
            return this;
        }

        /** TLS with this key and certificate chain. */
        public Builder tls(KeyManagerFactory keys) {
            this.credentials = TlsServerCredentials.newBuilder().keyManager(keys.getKeyManagers()).build();
            return this;
        }

        /** TLS with a PEM certificate chain and a PEM (PKCS#8) private key. */
        public Builder tls(Path certificateChainPem, Path privateKeyPem) throws IOException {
            File chain = certificateChainPem.toFile();
            File key = privateKeyPem.toFile();
            this.credentials = TlsServerCredentials.newBuilder().keyManager(chain, key).build();
            return this;
        }

        /** No TLS: tokens and logs cross the network readable. Only for tests on loopback. */
        public Builder plaintext() {
            this.credentials = InsecureServerCredentials.create();
            return this;
        }

        public Builder maxInboundMessageBytes(int bytes) {
            if (bytes < 1024) throw new IllegalArgumentException("maxInboundMessageBytes must be at least 1024");
            this.maxInboundMessageBytes = bytes;
            return this;
        }

        /** The gate every call passes (required). */
        public Builder access(AccessInterceptor access) {
            this.access = Objects.requireNonNull(access);
            return this;
        }

        public Builder addService(BindableService service) {
            services.add(Objects.requireNonNull(service));
            return this;
        }

        /** Binds and starts the server. */
        public GrpcServer start() throws IOException {
            if (credentials == null) {
                throw new IllegalStateException("configure TLS key material, or call plaintext() explicitly");
            }
            if (access == null) {
                throw new IllegalStateException("an AccessInterceptor is required");
            }
            HealthStatusManager health = new HealthStatusManager();
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            NettyServerBuilder builder = NettyServerBuilder.forAddress(address, credentials)
                    .executor(executor)
                    .maxInboundMessageSize(maxInboundMessageBytes)
                    .maxInboundMetadataSize(16 * 1024)
                    .handshakeTimeout(20, TimeUnit.SECONDS)
                    .maxConcurrentCallsPerConnection(200)
                    .maxRstFramesPerWindow(200, 10)
                    .permitKeepAliveTime(30, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    .keepAliveTime(2, TimeUnit.MINUTES)
                    .keepAliveTimeout(20, TimeUnit.SECONDS)
                    .addService(health.getHealthService())
                    .addService(ProtoReflectionServiceV1.newInstance());
            for (BindableService service : services) {
                builder.addService(service);
            }
            // the last interceptor added runs first: access (and audit) sees the translated status
            builder.intercept(new ExceptionInterceptor());
            builder.intercept((ServerInterceptor) access);
            Server server = builder.build().start();
            health.setStatus("", ServingStatus.SERVING);
            for (ServerServiceDefinition definition : server.getServices()) {
                health.setStatus(definition.getServiceDescriptor().getName(), ServingStatus.SERVING);
            }
            boolean tls = !(credentials instanceof InsecureServerCredentials);
            log.info("gRPC API listening on {}:{} ({})", address.getHostString(), server.getPort(),
                    tls ? "TLS" : "PLAINTEXT, for tests only");
            return new GrpcServer(server, health, executor, tls);
        }
    }

    /** Services served, for checks that every method has a policy. */
    public List<ServerServiceDefinition> services() {
        return server.getServices();
    }
}
