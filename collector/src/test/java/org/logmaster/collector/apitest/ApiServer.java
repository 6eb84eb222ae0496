package org.logmaster.collector.apitest;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.LoginRequest;
import org.logmaster.collector.api.AccessInterceptor;
import org.logmaster.collector.api.AdminGrpcService;
import org.logmaster.collector.api.AuthGrpcService;
import org.logmaster.collector.api.DeviceGrpcService;
import org.logmaster.collector.api.GrpcServer;
import org.logmaster.collector.api.MethodPolicies;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.auth.AuthSettings;
import org.logmaster.collector.auth.Authenticator;
import org.logmaster.collector.auth.PasswordHasher;
import org.logmaster.collector.auth.Role;
import org.logmaster.collector.auth.UserAdministration;
import org.logmaster.collector.enrich.DeviceRegistry;
import org.logmaster.collector.enrich.MacAddress;
import org.logmaster.collector.enrich.NeighbourTable;
import org.logmaster.collector.enrich.RegisteredDeviceResolver;
import org.logmaster.collector.enrich.UnknownSenders;

/**
 * The API wired the way the collector wires it, on an in-memory H2 database and a loopback port
 * chosen by the kernel, with three users: "admin", "auditor" and "viewer" (password: name +
 * "-password-1"). Channels made by {@link #channel()} are closed with the server.
 */
public final class ApiServer implements AutoCloseable {
    /** Cheap Argon2id parameters: real hashing, but fast enough for many logins per test. */
    public static final PasswordHasher.Parameters TEST_HASH = new PasswordHasher.Parameters(1024, 1, 1);

    public final TestDatabase database = TestDatabase.h2();
    public final TestClock clock = new TestClock();
    public final AuthSettings settings = new AuthSettings(java.time.Duration.ofHours(8), 5, java.time.Duration.ofMinutes(15), TEST_HASH);
    public final PasswordHasher hasher = new PasswordHasher(TEST_HASH);
    public final Authenticator authenticator = new Authenticator(database.dsl(), hasher, settings, clock);
    public final UserAdministration users = new UserAdministration(database.dsl(), hasher, clock);
    public final AuditTrail audit = new AuditTrail(database.dsl(), clock);
    public final DeviceRegistry registry = new DeviceRegistry(database.dsl(), clock);
    public final Map<InetAddress, MacAddress> neighbours = new ConcurrentHashMap<>();
    public final UnknownSenders unknownSenders = new UnknownSenders(database.dsl());
    public final RegisteredDeviceResolver resolver;
    public final GrpcServer server;
    private final TestCertificates certificates;
    private final List<ManagedChannel> channels = new ArrayList<>();

    public static ApiServer plaintext() throws Exception {
        return new ApiServer(null);
    }

    public static ApiServer tls() throws Exception {
        return new ApiServer(new TestCertificates());
    }

    private ApiServer(TestCertificates certificates) throws Exception {
        this.certificates = certificates;
        NeighbourTable table = new NeighbourTable(List.of(new NeighbourTable.Source() {
            @Override public String name() { return "test"; }

            @Override public Map<InetAddress, MacAddress> read() { return Map.copyOf(neighbours); }
        }));
        resolver = new RegisteredDeviceResolver(registry, table, unknownSenders);
        for (Role role : Role.values()) {
            String name = role == Role.ADMINISTRATOR ? "admin" : role.name().toLowerCase();
            users.create(name, role, name + "-password-1");
        }
        GrpcServer.Builder builder = GrpcServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .access(new AccessInterceptor(authenticator, MethodPolicies.standard(), audit))
                .addService(new AuthGrpcService(authenticator))
                .addService(new DeviceGrpcService(registry, resolver))
                .addService(new AdminGrpcService(users, audit));
        if (certificates == null) {
            builder.plaintext();
        } else {
            builder.tls(certificates.keyManagers());
        }
        server = builder.start();
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public int port() {
        return server.port();
    }

    /** A client channel: plaintext, or TLS trusting exactly the test certificate. */
    public ManagedChannel channel() throws Exception {
        var credentials = certificates == null ? InsecureChannelCredentials.create()
                : TlsChannelCredentials.newBuilder()
                        .trustManager(new ByteArrayInputStream(certificates.pem().getBytes(StandardCharsets.US_ASCII)))
                        .build();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", port(), credentials).build();
        channels.add(channel);
        return channel;
    }

    /** Logs {@code user} in through the API and returns the session token. */
    public String login(String user) throws Exception {
        return AuthServiceGrpc.newBlockingStub(channel())
                .login(LoginRequest.newBuilder().setUsername(user).setPassword(user + "-password-1").build())
                .getSessionToken();
    }

    /** {@code stub} sending {@code token} as its bearer token. */
    public static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() throws Exception {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        resolver.close();
        server.close();
        database.close();
    }
}
