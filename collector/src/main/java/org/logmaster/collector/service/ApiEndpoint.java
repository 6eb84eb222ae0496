package org.logmaster.collector.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.logmaster.collector.api.AccessInterceptor;
import org.logmaster.collector.api.AdminGrpcService;
import org.logmaster.collector.api.AttributionGrpcService;
import org.logmaster.collector.attribution.WhoHadQuery;
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
import org.logmaster.collector.auth.UserAdministration;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.index.Indexer;
import org.logmaster.collector.ingest.ConfigRef;
import org.logmaster.collector.ingest.ListenerBindException;
import org.logmaster.collector.tls.ApplianceCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC API as the collector runs it: TLS with the appliance certificate (generated on first
 * start), every call through the {@link AccessInterceptor}, the Auth, Log, Device, Admin and
 * Attribution services, health checks that report NOT_SERVING while writing or indexing fails, and hourly
 * removal of expired sessions.
 */
final class ApiEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiEndpoint.class);
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(2);

    private final GrpcServer server;
    private final LogGrpcService logs;
    private final String fingerprint;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("api-housekeeping").daemon().factory());

    private final AlertGrpcService alerts;

    private ApiEndpoint(GrpcServer server, LogGrpcService logs, String fingerprint, AlertGrpcService alerts) {
        this.alerts = alerts;
        this.server = server;
        this.logs = logs;
        this.fingerprint = fingerprint;
    }

    static ApiEndpoint start(CollectorConfig config, Path configFile, IndexDatabase index, Indexer indexer,
                             EventSearch search, DeviceIdentification devices, AuditTrail audit, Clock clock,
                             BooleanSupplier healthy, Sealing sealing, WhoHadQuery whoHad, AlertStage alerts) throws IOException {
        CollectorConfig.Api api = config.api();
        AuthSettings settings = authSettings(api);
        PasswordHasher hasher = new PasswordHasher(settings.hashParameters());
        Authenticator authenticator = new Authenticator(index.dsl(), hasher, settings, clock);
        LogGrpcService logs = new LogGrpcService(search, indexer, api.tailBufferEvents());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(api.bind()), api.port());
        GrpcServer.Builder builder = GrpcServer.builder()
                .address(address)
                .access(new AccessInterceptor(authenticator, MethodPolicies.standard(), audit))
                .addService(new AuthGrpcService(authenticator))
                .addService(logs)
                .addService(new DeviceGrpcService(devices.registry(), devices.resolver()))
                .addService(new AdminGrpcService(new UserAdministration(index.dsl(), hasher, clock), audit))
                .addService(new AttributionGrpcService(whoHad));
        if (sealing != null) {
            sealing.services(config, index, search, clock).forEach(builder::addService);
        }
        AlertGrpcService alertService = alerts != null ? alerts.grpcService() : null;
        if (alertService != null) builder.addService(alertService);
        String fingerprint = null;
        if (api.tls()) {
            char[] password = (api.keystorePassword() != null ? api.keystorePassword() : "").toCharArray();
            ApplianceCertificate certificate = ApplianceCertificate.loadOrCreate(config.apiKeystore(), password,
                    ApplianceCertificate.localHostName());
            builder.tls(certificate.keyManagerFactory());
            fingerprint = certificate.fingerprintSha256();
        } else {
            log.warn("*** the gRPC API runs WITHOUT TLS (api.tls: false): passwords, session tokens and logs cross "
                    + "the network readable. This is for tests on loopback only. ***");
            builder.plaintext();
        }
        GrpcServer server;
        try {
            server = builder.start();
        } catch (IOException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : e;
            throw ListenerBindException.explain("tcp", address,
                    new ConfigRef("api", configFile == null ? "the configuration file" : configFile.toString()), cause);
        }
        ApiEndpoint endpoint = new ApiEndpoint(server, logs, fingerprint, alertService);
        endpoint.timer.scheduleWithFixedDelay(() -> {
            server.serving(healthy.getAsBoolean() && (alerts == null || alerts.diskHealthy()));
            if (alerts != null) ComponentHealth.report(server, alerts);
        }, 0, HEALTH_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        endpoint.timer.scheduleWithFixedDelay(() -> purge(authenticator), 1, 60, TimeUnit.MINUTES);
        return endpoint;
    }

    private static AuthSettings authSettings(CollectorConfig.Api api) {
        return new AuthSettings(Duration.ofMinutes(api.sessionMinutes()), api.maxFailedLogins(),
                Duration.ofMinutes(api.lockoutMinutes()), AuthSettings.DEFAULTS.hashParameters());
    }

    private static void purge(Authenticator authenticator) {
        try {
            int purged = authenticator.purgeExpiredSessions();
            if (purged > 0) log.info("removed {} expired sessions", purged);
        } catch (RuntimeException e) {
            log.warn("removing expired sessions failed: {}", e.toString());
        }
    }

    int port() {
        return server.port();
    }

    boolean tls() {
        return server.tls();
    }

    /** SHA-256 fingerprint of the API certificate (colon hex), or null without TLS. */
    String fingerprint() {
        return fingerprint;
    }

    /** Ends live tails (clients resume with their cursor), then stops the server. */
    @Override
    public void close() {
        timer.shutdownNow();
        logs.close();
        if (alerts != null) alerts.close();
        server.close();
    }
}
