package org.logmaster.collector.service;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.ingest.ConfigRef;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.FileTailSettings;
import org.logmaster.collector.ingest.FileTailer;
import org.logmaster.collector.ingest.FrameSink;
import org.logmaster.collector.ingest.Listener;
import org.logmaster.collector.ingest.StreamSettings;
import org.logmaster.collector.ingest.TcpListener;
import org.logmaster.collector.ingest.TlsListener;
import org.logmaster.collector.ingest.UdpListener;
import org.logmaster.collector.ingest.UdpSettings;
import org.logmaster.collector.tls.ApplianceCertificate;

/** Builds the configured listeners; the one place where YAML keys meet listener settings. */
final class ListenerFactory {
    private final CollectorConfig config;
    private final String configFile;
    private final FrameSink sink;
    private final CounterRegistry counters;
    private String tlsFingerprint;

    ListenerFactory(CollectorConfig config, Path configFile, FrameSink sink, CounterRegistry counters) {
        this.config = config;
        this.configFile = configFile == null ? "the configuration file" : configFile.toString();
        this.sink = sink;
        this.counters = counters;
    }

    List<Listener> create() throws IOException {
        CollectorConfig.Listeners l = config.listeners();
        int maxMessage = l.maxMessageBytes();
        List<Listener> result = new ArrayList<>();
        if (l.udp().enabled()) {
            UdpSettings s = UdpSettings.of("udp", address(l.udp().bind()), l.udp().port(), ref("listeners.udp"))
                    .withSockets(l.udp().sockets())
                    .withReceiveBufferBytes(l.udp().receiveBufferBytes())
                    .withMaxMessageBytes(Math.max(maxMessage, 65535));
            result.add(new UdpListener(s, sink, counters.forListener("udp")));
        }
        if (l.tcp().enabled()) {
            StreamSettings s = StreamSettings.of("tcp", address(l.tcp().bind()), l.tcp().port(), ref("listeners.tcp"))
                    .withMaxMessageBytes(maxMessage)
                    .withMaxConnections(l.tcp().maxConnections())
                    .withIdleTimeout(Duration.ofSeconds(l.tcp().idleTimeoutSeconds()));
            result.add(new TcpListener(s, sink, counters.forListener("tcp")));
        }
        if (l.tls().enabled()) {
            ApplianceCertificate cert = tlsCertificate(l.tls());
            tlsFingerprint = cert.fingerprintSha256();
            StreamSettings s = StreamSettings.of("tls", address(l.tls().bind()), l.tls().port(), ref("listeners.tls"))
                    .withMaxMessageBytes(maxMessage)
                    .withMaxConnections(l.tls().maxConnections());
            result.add(new TlsListener(s, cert.serverContext(), sink, counters.forListener("tls")));
        }
        Path tailState = config.dataDir().resolve("state").resolve("tail");
        for (CollectorConfig.TailedFile f : l.files()) {
            FileTailSettings s = FileTailSettings.of(f.name(), f.path(), f.device(), tailState.resolve(f.name() + ".pos"))
                    .withMaxMessageBytes(maxMessage);
            String name = "file:" + f.name();
            result.add(new FileTailer(s, sink, counters.forListener(name)));
        }
        return result;
    }

    String tlsFingerprint() {
        return tlsFingerprint;
    }

    private ApplianceCertificate tlsCertificate(CollectorConfig.Tls tls) throws IOException {
        Path store = tls.keystore() != null ? tls.keystore()
                : config.dataDir().resolve("keys").resolve("syslog-tls.p12");
        char[] password = (tls.keystorePassword() != null ? tls.keystorePassword() : "").toCharArray();
        return ApplianceCertificate.loadOrCreate(store, password, ApplianceCertificate.localHostName());
    }

    private ConfigRef ref(String section) {
        return new ConfigRef(section, configFile);
    }

    private static InetAddress address(String host) throws IOException {
        return InetAddress.getByName(host);
    }
}
