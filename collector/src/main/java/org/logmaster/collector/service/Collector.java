package org.logmaster.collector.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.logmaster.collector.attribution.AttributionFeed;
import org.logmaster.collector.attribution.EvidenceLines;
import org.logmaster.collector.attribution.JdbcAttributionStore;
import org.logmaster.collector.attribution.WhoHadQuery;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.enrich.NeighbourTable;
import org.logmaster.collector.enrich.RegisteredDeviceTypes;
import org.logmaster.collector.index.EventRepository;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.IndexConfig;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.index.Indexer;
import org.logmaster.collector.index.IndexerOptions;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.Listener;
import org.logmaster.collector.parse.SyslogParser;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.GroupCommitWriter;
import org.logmaster.collector.store.WriterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running collector: the stages of the data path assembled from the configuration, started
 * in dependency order (index, indexer, device identification, writer, listeners, then the API)
 * and stopped in reverse, so that a graceful stop stores and indexes everything that was received.
 */
public final class Collector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final CollectorConfig config;
    private final CounterRegistry counters = new CounterRegistry();
    private final List<Listener> listeners = new ArrayList<>();
    private IndexDatabase index;
    private Indexer indexer;
    private AttributionFeed attribution;
    private GroupCommitWriter writer;
    private StatusReporter status;
    private String tlsFingerprint;
    private DeviceIdentification devices;
    private ApiEndpoint api;
    private Sealing sealing;
    private AlertStage alerts;

    private Collector(CollectorConfig config) {
        this.config = config;
    }

    /** Starts every stage; on failure, stops what was started and rethrows. */
    public static Collector start(CollectorConfig config, Path configFile) throws IOException {
        Collector c = new Collector(config);
        try {
            c.startStages(configFile);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void startStages(Path configFile) throws IOException {
        DailyFileLayout layout = new DailyFileLayout(config.dataDir(), config.zone());
        index = IndexDatabase.open(IndexConfig.of(config.indexUrl(), config.index().user(), config.index().password()));
        EventRepository repository = new EventRepository(index);
        indexer = new Indexer(layout, repository, new SyslogParser(config.senderZone()), counters,
                IndexerOptions.defaults().withSenderZone(config.senderZone()));
        Clock clock = Clock.systemUTC();
        // the registered device type selects the vendor dialect; unregistered senders are detected
        RegisteredDeviceTypes deviceTypes = new RegisteredDeviceTypes(index.dsl(), clock, Duration.ofMinutes(1));
        indexer.deviceTypes(deviceTypes);
        // leases, NAT translations and associations, built from what is indexed and kept in the index
        attribution = new AttributionFeed(index.dsl(), Map.of());
        indexer.addIndexListener(attribution);
        indexer.start();
        attribution.start();

        AuditTrail audit = new AuditTrail(index.dsl(), clock);
        devices = new DeviceIdentification(index.dsl(), NeighbourTable.system(), audit, clock);
        devices.registry().addChangeListener(deviceTypes::invalidate);
        devices.start();
        writer = new GroupCommitWriter(layout, devices.resolver(), counters, WriterOptions.defaults()
                .withQueueCapacity(config.storage().queueCapacity())
                .withMaxBatch(config.storage().maxBatch()));
        writer.addAppendListener(indexer);
        writer.start();
        // before the listeners: every event received is evaluated once committed
        alerts = AlertStage.start(config, index, indexer, writer, counters, clock);

        ListenerFactory factory = new ListenerFactory(config, configFile, writer, counters);
        for (Listener l : factory.create()) {
            l.start();
            listeners.add(l);
        }
        tlsFingerprint = factory.tlsFingerprint();
        if (config.seal().enabled()) {
            sealing = Sealing.start(config, index, clock, alerts == null ? null : alerts.system());
        }
        if (config.api().enabled()) {
            api = ApiEndpoint.start(config, configFile, index, indexer, new EventSearch(index, devices.aliases()),
                    devices, audit, clock, () -> writer.healthy() && indexer.healthy(), sealing,
                    new WhoHadQuery(new JdbcAttributionStore(index.dsl()), new EvidenceLines(layout)),
                    alerts);
        }
        status = new StatusReporter(counters, writer, indexer, Duration.ofSeconds(10));
        status.start();
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    public CounterRegistry counters() {
        return counters;
    }

    public IndexDatabase index() {
        return index;
    }

    public Indexer indexer() {
        return indexer;
    }

    /** SHA-256 fingerprint of the syslog TLS certificate, or null when TLS is off. */
    public String tlsFingerprint() {
        return tlsFingerprint;
    }

    public CollectorConfig config() {
        return config;
    }

    /** The API's bound port, or -1 when the API is disabled. */
    public int apiPort() {
        return api == null ? -1 : api.port();
    }

    public boolean apiTls() {
        return api != null && api.tls();
    }

    /** SHA-256 fingerprint of the API's TLS certificate (for trust on first use), or null. */
    public String apiFingerprint() {
        return api == null ? null : api.fingerprint();
    }

    /** The hooks the sealing stage reports seals, TSA failures and unsealed days to. */
    public org.logmaster.collector.alert.SystemAlerts systemAlerts() {
        return alerts.system();
    }

    /** The metrics endpoint's bound port, or -1 when it is off. */
    public int metricsPort() {
        return alerts == null ? -1 : alerts.metricsPort();
    }

    /** Stops the API, listeners, drains the writer, lets the indexer catch up, closes the index. */
    @Override
    public void close() {
        if (api != null) api.close();
        if (sealing != null) sealing.close();
        for (Listener l : listeners.reversed()) {
            try {
                l.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", l.name(), e.toString());
            }
        }
        listeners.clear();
        try {
            if (writer != null) writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (indexer != null) {
            try {
                indexer.awaitCaughtUp(Duration.ofSeconds(30));
            } catch (Exception e) {
                log.warn("index not caught up at stop; it catches up from the daily files at next start: {}", e.toString());
            }
            try {
                indexer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (attribution != null) {
            try {
                attribution.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (alerts != null) alerts.close();
        if (status != null) status.close();
        if (devices != null) devices.close();
        if (index != null) index.close();
    }
}
