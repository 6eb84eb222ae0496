package org.logmaster.collector.service;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.logmaster.collector.alert.AlertBroadcast;
import org.logmaster.collector.alert.AlertDispatcher;
import org.logmaster.collector.alert.AlertRuleBook;
import org.logmaster.collector.alert.AlertSettings;
import org.logmaster.collector.alert.AlertStore;
import org.logmaster.collector.alert.DurationText;
import org.logmaster.collector.alert.MailAction;
import org.logmaster.collector.alert.RuleEngine;
import org.logmaster.collector.alert.RuleStore;
import org.logmaster.collector.alert.SyslogForwardAction;
import org.logmaster.collector.alert.SystemAlerts;
import org.logmaster.collector.alert.SystemMonitor;
import org.logmaster.collector.api.AlertGrpcService;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.index.Indexer;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.metrics.CollectorMetrics;
import org.logmaster.collector.metrics.MetricsServer;
import org.logmaster.collector.store.GroupCommitWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts, metrics and component health as the collector runs them: the rule engine fed by the
 * indexer's committed rows, the system readings at a fixed rate, the actions (store, live
 * stream, mail, SIEM), the Prometheus endpoint, and the health of storage, disk and TSA.
 */
final class AlertStage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertStage.class);

    private final AlertDispatcher dispatcher;
    private final SystemAlerts system;
    private final AlertStore store;
    private final AlertRuleBook rules;
    private final AlertBroadcast broadcast = new AlertBroadcast();
    private final Clock clock;
    private final SyslogForwardAction forward;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("system-checks").daemon().factory());
    private final CollectorMetrics metrics;
    private final GroupCommitWriter writer;
    private final Indexer indexer;
    private final CollectorConfig config;
    private MetricsServer metricsServer;

    private AlertStage(CollectorConfig config, IndexDatabase index, Indexer indexer, GroupCommitWriter writer,
                       CounterRegistry counters, Clock clock) {
        AlertSettings settings = config.alerts();
        this.config = config;
        this.clock = clock;
        this.writer = writer;
        this.indexer = indexer;
        RuleEngine engine = new RuleEngine();
        dispatcher = new AlertDispatcher(engine, settings.queueBatches());
        store = new AlertStore(index.dsl());
        rules = new AlertRuleBook(settings.rules(), new RuleStore(index.dsl()), engine, clock);
        system = new SystemAlerts(dispatcher::raise, clock, DurationText.parse(settings.system().suppress(), Duration.ofHours(1)));
        dispatcher.recordWith(store);
        dispatcher.addAction(broadcast);
        if (settings.mail() != null) dispatcher.addAction(new MailAction(settings.mail()));
        forward = settings.forward() != null ? new SyslogForwardAction(settings.forward(), hostName()) : null;
        if (forward != null) dispatcher.addAction(forward);
        SystemMonitor monitor = new SystemMonitor(system, settings.system(), counters::snapshot, writer::queueDepth,
                config.storage().queueCapacity(), config.dataDir(), clock);
        indexer.addIndexListener(monitor);
        indexer.addIndexListener(dispatcher);
        long every = settings.system().checkSeconds();
        timer.scheduleWithFixedDelay(monitor::check, every, every, TimeUnit.SECONDS);
        metrics = new CollectorMetrics(new CollectorMetrics.Sources(counters, writer::stats, writer::batchNanosTotal,
                config.storage().queueCapacity(), indexer::stats, config.dataDir(), dispatcher, system, broadcast));
    }

    /** Starts the stage; the indexer must not have committed anything yet for no row to be missed. */
    static AlertStage start(CollectorConfig config, IndexDatabase index, Indexer indexer, GroupCommitWriter writer,
                            CounterRegistry counters, Clock clock) throws IOException {
        AlertStage stage = new AlertStage(config, index, indexer, writer, counters, clock);
        stage.dispatcher.start();
        if (config.metrics().enabled()) {
            try {
                stage.metricsServer = MetricsServer.start(config.metrics().bind(), config.metrics().port(), stage.metrics);
            } catch (IOException e) {
                stage.close();
                throw e;
            }
        }
        log.info("alerts: {} rules, mail {}, forwarding {}", stage.rules.rules().size(),
                config.alerts().mail() != null ? "on" : "off", stage.forward != null ? "on" : "off");
        return stage;
    }

    /** The hooks the sealing stage reports to. */
    SystemAlerts system() {
        return system;
    }

    AlertDispatcher dispatcher() {
        return dispatcher;
    }

    AlertGrpcService grpcService() {
        return new AlertGrpcService(store, rules, broadcast, clock);
    }

    /** Port of the metrics endpoint, or -1 when it is off. */
    int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    boolean storageHealthy() {
        return writer.healthy() && indexer.healthy();
    }

    /** False when the data folder's file system is fuller than the disk-usage threshold. */
    boolean diskHealthy() {
        int limit = config.alerts().system().diskUsagePercent();
        SystemMonitor.DiskReading d = SystemMonitor.DiskReading.of(config.dataDir());
        return limit <= 0 || d == null || d.usedPercent() <= limit;
    }

    boolean tsaHealthy() {
        return system.tsaHealthy();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "logmaster";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (metricsServer != null) metricsServer.close();
        try {
            dispatcher.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (forward != null) forward.close();
    }
}
