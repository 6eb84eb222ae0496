package org.logmaster.collector.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.logmaster.collector.alert.AlertSettings;
import org.logmaster.collector.metrics.MetricsSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The collector's whole configuration, bound from one YAML file (keys in kebab-case). Every field
 * has a default, so an empty file is a valid configuration; {@link ConfigValidator} checks values
 * and names the offending key.
 */
public record CollectorConfig(
        @JsonProperty("data-dir") Path dataDir,
        @JsonProperty("time-zone") String timeZone,
        @JsonProperty("listeners") Listeners listeners,
        @JsonProperty("storage") Storage storage,
        @JsonProperty("index") Index index,
        @JsonProperty("parsing") Parsing parsing,
        @JsonProperty("api") Api api,
        @JsonProperty("seal") SealSettings seal,
        @JsonProperty("archive") ArchiveSettings archive,
        @JsonProperty("alerts") AlertSettings alerts,
        @JsonProperty("metrics") MetricsSettings metrics) {

    public static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/logmaster");

    public CollectorConfig {
        dataDir = dataDir != null ? dataDir : DEFAULT_DATA_DIR;
        timeZone = timeZone != null && !timeZone.isBlank() ? timeZone : ZoneId.systemDefault().getId();
        listeners = listeners != null ? listeners : new Listeners(null, null, null, null, null);
        storage = storage != null ? storage : new Storage(null, null);
        index = index != null ? index : new Index(null, null, null);
        parsing = parsing != null ? parsing : new Parsing(null, null);
        api = api != null ? api : new Api(null, null, null, null, null, null, null, null, null, null);
        seal = seal != null ? seal : SealSettings.defaults();
        archive = archive != null ? archive : ArchiveSettings.defaults();
        alerts = alerts != null ? alerts : AlertSettings.defaults();
        metrics = metrics != null ? metrics : MetricsSettings.defaults();
    }

    public static CollectorConfig defaults() {
        return new CollectorConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The zone that decides where one day ends (day files, sealing). */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public record Listeners(
            @JsonProperty("udp") Udp udp,
            @JsonProperty("tcp") Tcp tcp,
            @JsonProperty("tls") Tls tls,
            @JsonProperty("files") List<TailedFile> files,
            @JsonProperty("max-message-bytes") Integer maxMessageBytes) {
        public Listeners {
            udp = udp != null ? udp : new Udp(null, null, null, null, null);
            tcp = tcp != null ? tcp : new Tcp(null, null, null, null, null);
            tls = tls != null ? tls : new Tls(null, null, null, null, null, null);
            files = files != null ? List.copyOf(files) : List.of();
            maxMessageBytes = maxMessageBytes != null ? maxMessageBytes : 64 * 1024;
        }
    }

    public record Udp(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("bind") String bind,
            @JsonProperty("port") Integer port,
            @JsonProperty("sockets") Integer sockets,
            @JsonProperty("receive-buffer-bytes") Integer receiveBufferBytes) {
        public Udp {
            enabled = enabled == null || enabled;
            bind = bind != null ? bind : "0.0.0.0";
            port = port != null ? port : 514;
            sockets = sockets != null && sockets > 0 ? sockets : Runtime.getRuntime().availableProcessors();
            receiveBufferBytes = receiveBufferBytes != null ? receiveBufferBytes : 8 * 1024 * 1024;
        }
    }

    public record Tcp(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("bind") String bind,
            @JsonProperty("port") Integer port,
            @JsonProperty("max-connections") Integer maxConnections,
            @JsonProperty("idle-timeout-seconds") Integer idleTimeoutSeconds) {
        public Tcp {
            enabled = enabled == null || enabled;
            bind = bind != null ? bind : "0.0.0.0";
            port = port != null ? port : 514;
            maxConnections = maxConnections != null ? maxConnections : 1000;
            idleTimeoutSeconds = idleTimeoutSeconds != null ? idleTimeoutSeconds : 0;
        }
    }

    /**
     * Syslog over TLS (RFC 5425). Without a keystore the collector generates a certificate on first
     * start under {@code <data-dir>/keys/}.
     */
    public record Tls(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("bind") String bind,
            @JsonProperty("port") Integer port,
            @JsonProperty("keystore") Path keystore,
            @JsonProperty("keystore-password") String keystorePassword,
            @JsonProperty("max-connections") Integer maxConnections) {
        public Tls {
            enabled = enabled == null || enabled;
            bind = bind != null ? bind : "0.0.0.0";
            port = port != null ? port : 6514;
            maxConnections = maxConnections != null ? maxConnections : 1000;
        }
    }

    /** A file to tail, such as a local daemon's log; its lines belong to {@code device}. */
    public record TailedFile(
            @JsonProperty("name") String name,
            @JsonProperty("path") Path path,
            @JsonProperty("device") String device) {}

    public record Storage(
            @JsonProperty("queue-capacity") Integer queueCapacity,
            @JsonProperty("max-batch") Integer maxBatch) {
        public Storage {
            queueCapacity = queueCapacity != null ? queueCapacity : 65536;
            maxBatch = maxBatch != null ? maxBatch : 8192;
        }
    }

    /** Empty url: the embedded H2 database under {@code <data-dir>/index}. */
    public record Index(
            @JsonProperty("url") String url,
            @JsonProperty("user") String user,
            @JsonProperty("password") String password) {
        public Index {
            url = url != null ? url.strip() : "";
            user = user != null ? user : "";
            password = password != null ? password : "";
        }
    }

    /**
     * RFC 3164 timestamps carry no zone: {@code default-sender-zone} applies unless a sender's
     * address is listed in {@code sender-zones}.
     */
    public record Parsing(
            @JsonProperty("default-sender-zone") String defaultSenderZone,
            @JsonProperty("sender-zones") Map<String, String> senderZones) {
        public Parsing {
            senderZones = senderZones != null ? Map.copyOf(senderZones) : Map.of();
        }
    }

    /**
     * The gRPC API (docs/api.md). TLS by default, with a certificate generated on first start
     * under {@code <data-dir>/keys/api-tls.p12} unless a keystore is given; {@code tls: false}
     * (plaintext) is for tests and allowed only on a loopback address.
     *
     * @param sessionMinutes       lifetime of a session from its login
     * @param maxFailedLogins      consecutive failed logins that lock a user
     * @param lockoutMinutes       how long a locked user stays locked
     * @param tailBufferEvents     events buffered per live tail before a slow client gets a gap
     */
    public record Api(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("bind") String bind,
            @JsonProperty("port") Integer port,
            @JsonProperty("tls") Boolean tls,
            @JsonProperty("keystore") Path keystore,
            @JsonProperty("keystore-password") String keystorePassword,
            @JsonProperty("session-minutes") Integer sessionMinutes,
            @JsonProperty("max-failed-logins") Integer maxFailedLogins,
            @JsonProperty("lockout-minutes") Integer lockoutMinutes,
            @JsonProperty("tail-buffer-events") Integer tailBufferEvents) {
        public static final int DEFAULT_PORT = 6515;

        public Api {
            enabled = enabled == null || enabled;
            bind = bind != null ? bind : "0.0.0.0";
            port = port != null ? port : DEFAULT_PORT;
            tls = tls == null || tls;
            sessionMinutes = sessionMinutes != null ? sessionMinutes : 8 * 60;
            maxFailedLogins = maxFailedLogins != null ? maxFailedLogins : 5;
            lockoutMinutes = lockoutMinutes != null ? lockoutMinutes : 15;
            tailBufferEvents = tailBufferEvents != null ? tailBufferEvents : 10_000;
        }
    }

    /** The API's TLS key store: the configured one, or the generated default under the data folder. */
    public Path apiKeystore() {
        return api.keystore() != null ? api.keystore() : dataDir.resolve("keys").resolve("api-tls.p12");
    }

    /** Zone of RFC 3164 timestamps from senders without their own entry. */
    public ZoneId senderZone() {
        return parsing.defaultSenderZone() != null ? ZoneId.of(parsing.defaultSenderZone()) : zone();
    }

    /** The JDBC URL in force: the configured one, or the embedded H2 default. */
    public String indexUrl() {
        if (!index.url().isEmpty()) {
            return index.url();
        }
        return "jdbc:h2:file:" + dataDir.resolve("index").resolve("logmaster").toAbsolutePath()
                + ";AUTO_SERVER=TRUE";
    }
}
