package org.logmaster.console.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.logmaster.api.v1.AdminServiceGrpc;
import org.logmaster.api.v1.AuthServiceGrpc;
import org.logmaster.api.v1.CreateUserRequest;
import org.logmaster.api.v1.ComplianceServiceGrpc;
import org.logmaster.api.v1.ExportServiceGrpc;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.LoginRequest;
import org.logmaster.api.v1.LoginResponse;
import org.logmaster.api.v1.WhoAmIRequest;
import org.logmaster.api.v1.WhoAmIResponse;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.ComplianceRecords;
import org.logmaster.console.client.EvidenceExports;
import org.logmaster.console.client.DeviceRegistry;
import org.logmaster.console.client.LiveEventSource;
import org.logmaster.console.client.LiveTailStatus;
import org.logmaster.console.client.LogQueries;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.client.TransportSecurity;
import org.logmaster.console.client.UserAdministration;

import com.google.protobuf.Timestamp;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.AbstractStub;

/** {@link CollectorConnection} over one gRPC channel (Netty transport, embedded in this bundle). */
public final class GrpcCollectorConnection implements CollectorConnection {

    /** Every call but the live tail; a search over a large range may take a while. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** How often an open call (the live tail) pings; the collector allows every 30 s and more. */
    private static final Duration LIVE_TAIL_KEEPALIVE = Duration.ofSeconds(60);
    /** The empty service name asks about the server as a whole. */
    private static final HealthCheckRequest WHOLE_SERVER = HealthCheckRequest.newBuilder().setService("").build();

    private final ConnectionSettings settings;
    private final PinningTrustManager trust;
    private final ManagedChannel channel;
    private final BearerToken token = new BearerToken();
    private final DeviceRegistry devices;
    private final ComplianceRecords compliance;
    private final EvidenceExports evidence;
    private final List<Consumer<ConnectionStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;

    private GrpcCollectorConnection(ConnectionSettings settings, PinningTrustManager trust, ManagedChannel channel) {
        this.settings = settings;
        this.trust = trust;
        this.channel = channel;
        this.devices = new GrpcDeviceRegistry(() -> prepared(DeviceServiceGrpc.newBlockingStub(channel)));
        this.compliance = new GrpcComplianceRecords(() -> prepared(ComplianceServiceGrpc.newBlockingStub(channel)));
        this.evidence = new GrpcEvidenceExports(() -> ExportServiceGrpc.newBlockingStub(channel).withCallCredentials(token));
    }

    public static GrpcCollectorConnection open(ConnectionSettings settings) {
        PinningTrustManager trust = settings.security() == TransportSecurity.TLS
                ? new PinningTrustManager(settings.pinnedCertificate())
                : null;
        ChannelCredentials credentials = trust == null
                ? InsecureChannelCredentials.create()
                : TlsChannelCredentials.newBuilder().trustManager(trust).build();
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(settings.host(), settings.port(), credentials)
                .userAgent("logmaster-console")
                // a live tail is quiet while nothing is logged: pings find a silently lost network
                // (the collector permits one every 30 s), and the tail reconnects and resumes
                .keepAliveTime(LIVE_TAIL_KEEPALIVE.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .build();
        return new GrpcCollectorConnection(settings, trust, channel);
    }

    @Override
    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public ConnectionStatus checkHealth(Duration timeout) {
        if (channel.isShutdown()) {
            return status;
        }
        update(ConnectionStatus.of(ConnectionState.CONNECTING, settings.address()));
        ConnectionStatus result;
        try {
            HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .check(WHOLE_SERVER);
            result = response.getStatus() == HealthCheckResponse.ServingStatus.SERVING
                    ? new ConnectionStatus(ConnectionState.CONNECTED, settings.address(), presentedCertificate())
                    : new ConnectionStatus(ConnectionState.NOT_SERVING, "health: " + response.getStatus(), presentedCertificate());
        } catch (StatusRuntimeException e) {
            result = failure(e);
        }
        update(result);
        return result;
    }

    @Override
    public SessionInfo login(Credentials credentials) {
        LoginRequest request = LoginRequest.newBuilder().setUsername(credentials.user())
                .setPassword(new String(credentials.password())).build();
        LoginResponse response = GrpcCalls.call(() -> AuthServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).login(request));
        token.set(response.getSessionToken());
        return whoAmI();
    }

    @Override
    public SessionInfo whoAmI() {
        WhoAmIResponse me = GrpcCalls.call(() -> prepared(AuthServiceGrpc.newBlockingStub(channel))
                .whoAmI(WhoAmIRequest.getDefaultInstance()));
        Timestamp expires = me.getSessionExpiresAt();
        return new SessionInfo(me.getUsername(), me.getRole(), Set.copyOf(me.getPermissionsList()),
                Instant.ofEpochSecond(expires.getSeconds(), expires.getNanos()));
    }

    @Override
    public LogQueries logs() {
        return request -> GrpcCalls.call(() -> prepared(LogServiceGrpc.newBlockingStub(channel)).search(request));
    }

    @Override
    public LiveEventSource liveTail(EventFilter filter, Consumer<LiveTailStatus> statusListener) {
        return liveTail(filter, statusListener, RetryDelay.standard());
    }

    /** With a chosen back-off: tests reconnect without waiting a second. */
    GrpcLiveTail liveTail(EventFilter filter, Consumer<LiveTailStatus> statusListener, RetryDelay retryDelay) {
        return new GrpcLiveTail(channel, token, filter, retryDelay, statusListener);
    }

    @Override
    public DeviceRegistry devices() {
        return devices;
    }

    @Override
    public ComplianceRecords compliance() {
        return compliance;
    }

    @Override
    public EvidenceExports evidence() {
        return evidence;
    }

    @Override
    public UserAdministration users() {
        return (username, role, password) -> GrpcCalls.call(() -> prepared(AdminServiceGrpc.newBlockingStub(channel))
                .createUser(CreateUserRequest.newBuilder().setUsername(username).setRole(role)
                        .setPassword(new String(password)).build())
                .getGeneratedPassword());
    }

    /** The session's token and a deadline on a stub, for one call. */
    private <S extends AbstractStub<S>> S prepared(S stub) {
        return stub.withCallCredentials(token).withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ConnectionStatus failure(StatusRuntimeException e) {
        Optional<CertificateFingerprint> presented = trust == null ? Optional.empty() : trust.lastPresented();
        if (presented.isPresent() && !presented.equals(trust.pinned())) {
            ConnectionState state = trust.pinned().isPresent()
                    ? ConnectionState.CERTIFICATE_MISMATCH
                    : ConnectionState.UNTRUSTED_CERTIFICATE;
            return new ConnectionStatus(state, "SHA-256 " + presented.get(), presented.get());
        }
        String description = e.getStatus().getDescription();
        return new ConnectionStatus(ConnectionState.UNREACHABLE,
                e.getStatus().getCode() + (description == null ? "" : ": " + description), presented.orElse(null));
    }

    private CertificateFingerprint presentedCertificate() {
        return trust == null ? null : trust.lastPresented().orElse(null);
    }

    private void update(ConnectionStatus next) {
        status = next;
        for (Consumer<ConnectionStatus> listener : listeners) {
            listener.accept(next);
        }
    }

    @Override
    public void addStatusListener(Consumer<ConnectionStatus> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStatusListener(Consumer<ConnectionStatus> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        update(ConnectionStatus.DISCONNECTED);
    }
}
