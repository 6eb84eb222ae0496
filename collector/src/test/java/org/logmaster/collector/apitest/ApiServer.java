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
import org.logmaster.collector.alert.AlertBroadcast;
import org.logmaster.collector.alert.AlertRuleBook;
import org.logmaster.collector.alert.AlertStore;
import org.logmaster.collector.alert.RuleEngine;
import org.logmaster.collector.alert.RuleStore;
import org.logmaster.collector.api.AdminGrpcService;
import org.logmaster.collector.api.AlertGrpcService;
import org.logmaster.collector.api.AuthGrpcService;
import org.logmaster.collector.api.DeviceGrpcService;
import org.logmaster.collector.api.GrpcServer;
import org.logmaster.collector.api.LogGrpcService;
import org.logmaster.collector.api.MethodPolicies;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.auth.AuthSettings;
import org.logmaster.collector.auth.Authenticator;
import org.logmaster.collector.auth.PasswordHasher;
import org.logmaster.collector.auth.Role;
import org.logmaster.collector.auth.UserAdministration;
import org.logmaster.collector.enrich.DeviceAliasStore;
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

    public final TestDatabase database;
    public final TestClock clock = new TestClock();
    public final AuthSettings settings = new AuthSettings(java.time.Duration.ofHours(8), 5, java.time.Duration.ofMinutes(15), TEST_HASH);
    public final PasswordHasher hasher = new PasswordHasher(TEST_HASH);
    public final Authenticator authenticator;
    public final UserAdministration users;
    public final AuditTrail audit;
    public final DeviceRegistry registry;
    public final Map<InetAddress, MacAddress> neighbours = new ConcurrentHashMap<>();
    public final UnknownSenders unknownSenders;
    public final RegisteredDeviceResolver resolver;
    /** The data path behind LogService: null unless made by {@link #withLogs}. */
    public final LogPipeline logs;
    public final GrpcServer server;
    public final RuleEngine alertEngine = new RuleEngine();
    public final AlertStore alertStore;
    public final AlertRuleBook alertRules;
    public final AlertBroadcast alertBroadcast = new AlertBroadcast();
    private final TestCertificates certificates;
    private final List<ManagedChannel> channels = new ArrayList<>();

    public static ApiServer plaintext() throws Exception {
        return new ApiServer(null, TestDatabase.Kind.H2, false, 0);
    }

    /** Plaintext, with more services made over the server's database (compliance, export). */
    public static ApiServer plaintextWith(java.util.function.Function<TestDatabase, List<io.grpc.BindableService>> more)
            throws Exception {
        return new ApiServer(null, TestDatabase.Kind.H2, false, 0, more);
    }

    public static ApiServer tls() throws Exception {
        return new ApiServer(new TestCertificates(), TestDatabase.Kind.H2, false, 0);
    }

    /**
     * Also LogService, over a real writer and indexer on daily files in a temporary folder and the
     * index in {@code kind}; live tails buffer {@code tailBufferEvents} events.
     */
    public static ApiServer withLogs(TestDatabase.Kind kind, int tailBufferEvents) throws Exception {
        return new ApiServer(null, kind, true, tailBufferEvents);
    }

    private ApiServer(TestCertificates certificates, TestDatabase.Kind kind, boolean withLogs, int tailBufferEvents)
            throws Exception {
        this(certificates, kind, withLogs, tailBufferEvents, database -> List.of());
    }

    private ApiServer(TestCertificates certificates, TestDatabase.Kind kind, boolean withLogs, int tailBufferEvents,
                      java.util.function.Function<TestDatabase, List<io.grpc.BindableService>> more) throws Exception {
        this.certificates = certificates;
        this.database = TestDatabase.open(kind);
        this.authenticator = new Authenticator(database.dsl(), hasher, settings, clock);
        this.users = new UserAdministration(database.dsl(), hasher, clock);
        this.audit = new AuditTrail(database.dsl(), clock);
        this.registry = new DeviceRegistry(database.dsl(), clock);
        this.unknownSenders = new UnknownSenders(database.dsl());
        NeighbourTable table = new NeighbourTable(List.of(new NeighbourTable.Source() {
            @Override public String name() { return "test"; }

            @Override public Map<InetAddress, MacAddress> read() { return Map.copyOf(neighbours); }
        }));
        resolver = new RegisteredDeviceResolver(registry, table, unknownSenders);
        for (Role role : Role.values()) {
            String name = role == Role.ADMINISTRATOR ? "admin" : role.name().toLowerCase();
            users.create(name, role, name + "-password-1");
        }
        alertStore = new AlertStore(database.dsl());
        alertRules = new AlertRuleBook(List.of(), new RuleStore(database.dsl()), alertEngine, clock);
        GrpcServer.Builder builder = GrpcServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .access(new AccessInterceptor(authenticator, MethodPolicies.standard(), audit))
                .addService(new AuthGrpcService(authenticator))
                .addService(new DeviceGrpcService(registry, resolver))
                .addService(new AdminGrpcService(users, audit))
                .addService(new AlertGrpcService(alertStore, alertRules, alertBroadcast, clock));
        logs = withLogs ? new LogPipeline(database.index(), resolver) : null;
        if (logs != null) {
            // as the collector does: an assigned sender's former id becomes the device's alias
            DeviceAliasStore aliases = new DeviceAliasStore(database.dsl());
            resolver.onSenderAssigned(assignment -> aliases.record(assignment, clock.instant()));
            builder.addService(new LogGrpcService(logs.search(), logs.indexer(), tailBufferEvents));
        }
        more.apply(database).forEach(builder::addService);
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

    /** A plaintext channel whose HTTP/2 receive window is {@code windowBytes}: a client that stops reading stalls soon. */
    public ManagedChannel channelWithWindow(int windowBytes) {
        ManagedChannel channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("localhost", port())
                .usePlaintext().flowControlWindow(windowBytes).build();
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
        if (logs != null) logs.close();
        database.close();
    }
}
