package org.logmaster.collector.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.logmaster.collector.alert.AlertBroadcast;
import org.logmaster.collector.alert.AlertDispatcher;
import org.logmaster.collector.alert.AlertSeverity;
import org.logmaster.collector.alert.AlertStats;
import org.logmaster.collector.alert.SystemAlerts;
import org.logmaster.collector.alert.SystemMonitor;
import org.logmaster.collector.index.IndexerStats;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.ListenerCounters;
import org.logmaster.collector.store.WriterStats;

/**
 * The collector's readings as Micrometer meters in a Prometheus registry. Meters read the stages'
 * own counters when scraped (function counters and gauges), so the data path pays nothing for
 * metrics. Names are listed in docs/alerts.md.
 */
public final class CollectorMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CounterRegistry listeners;
    /** Held here because Micrometer keeps only weak references to what its meters read. */
    private final Sources sources;
    private final Set<String> boundListeners = ConcurrentHashMap.newKeySet();

    /** The readings; any source may be null when that stage is not running. */
    public record Sources(CounterRegistry listeners, Supplier<WriterStats> writer, LongSupplier batchNanos,
                          int writerQueueCapacity,
                          Supplier<IndexerStats> indexer, Path dataDir, AlertDispatcher alerts,
                          SystemAlerts system, AlertBroadcast streams) {}

    public CollectorMetrics(Sources s) {
        this.listeners = s.listeners();
        this.sources = s;
        if (s.writer() != null) writer(s.writer(), s.writerQueueCapacity());
        if (s.writer() != null && s.batchNanos() != null) {
            // a summary: _count and _sum, so that rate(sum)/rate(count) is the mean group-commit latency
            FunctionTimer.builder("logmaster_store_batch", s, x -> x.writer().get().batches(),
                            x -> x.batchNanos().getAsLong(), TimeUnit.NANOSECONDS)
                    .description("group commits: encode, write and fsync of one batch").register(registry);
        }
        if (s.indexer() != null) indexer(s.indexer());
        if (s.dataDir() != null) disk(s.dataDir());
        if (s.alerts() != null) alerts(s.alerts());
        if (s.system() != null) seals(s.system());
        if (s.streams() != null) {
            Gauge.builder("logmaster_alerts_streams", s.streams(), AlertBroadcast::subscribers)
                    .description("clients following the live alert stream").register(registry);
        }
        bindListeners();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter (listeners that appeared meanwhile included). */
    public String scrape() {
        bindListeners();
        return registry.scrape();
    }

    /** Listeners register their counters when they start; each gets its meters on first sight. */
    private void bindListeners() {
        if (listeners == null) return;
        for (ListenerCounters.Snapshot snapshot : listeners.snapshot()) {
            String name = snapshot.listener();
            if (!boundListeners.add(name)) continue;
            ListenerCounters c = listeners.forListener(name);
            listenerCounter("logmaster_ingest_received", "frames received", c, x -> x.snapshot().received());
            listenerCounter("logmaster_ingest_stored", "frames durable in their daily file", c, x -> x.snapshot().stored());
            listenerCounter("logmaster_ingest_dropped", "frames lost (UDP: queue full or kernel buffer)", c,
                    x -> x.snapshot().dropped());
            listenerCounter("logmaster_ingest_malformed", "messages kept raw because they broke their grammar", c,
                    x -> x.snapshot().malformed());
            listenerCounter("logmaster_ingest_oversized", "frames cut at listeners.max-message-bytes", c,
                    x -> x.snapshot().oversized());
        }
    }

    private void listenerCounter(String name, String help, ListenerCounters c, ToDoubleFunction<ListenerCounters> f) {
        FunctionCounter.builder(name, c, f).description(help).tag("listener", c.listener()).register(registry);
    }

    private void writer(Supplier<WriterStats> stats, int capacity) {
        FunctionCounter.builder("logmaster_store_batches", stats, s -> s.get().batches())
                .description("group commits of the writer").register(registry);
        FunctionCounter.builder("logmaster_store_fsyncs", stats, s -> s.get().fsyncs())
                .description("daily files forced to disk").register(registry);
        FunctionCounter.builder("logmaster_store_io_errors", stats, s -> s.get().ioErrors())
                .description("failed writes or forces (each retried)").register(registry);
        Gauge.builder("logmaster_store_frames_per_batch", stats,
                        s -> s.get().batches() == 0 ? 0 : (double) s.get().stored() / s.get().batches())
                .description("mean frames per group commit since start").register(registry);
        Gauge.builder("logmaster_store_queue_depth", stats, s -> s.get().queueDepth())
                .description("frames waiting for the writer").register(registry);
        Gauge.builder("logmaster_store_queue_capacity", () -> capacity)
                .description("frames the writer queue holds").register(registry);
        Gauge.builder("logmaster_store_healthy", stats, s -> s.get().healthy() ? 1 : 0)
                .description("1 while writes succeed").register(registry);
    }

    private void indexer(Supplier<IndexerStats> stats) {
        FunctionCounter.builder("logmaster_index_rows", stats, s -> s.get().indexedRows())
                .description("rows committed to the index").register(registry);
        Gauge.builder("logmaster_index_lag_bytes", stats, s -> s.get().lagBytes())
                .description("durable bytes of daily files not yet indexed").register(registry);
        Gauge.builder("logmaster_index_healthy", stats, s -> s.get().healthy() ? 1 : 0)
                .description("1 while index commits succeed").register(registry);
    }

    private void disk(Path dataDir) {
        Gauge.builder("logmaster_disk_free_bytes", dataDir, d -> reading(d, SystemMonitor.DiskReading::freeBytes))
                .description("usable bytes on the data folder's file system").baseUnit("bytes").register(registry);
        Gauge.builder("logmaster_disk_total_bytes", dataDir, d -> reading(d, SystemMonitor.DiskReading::totalBytes))
                .description("size of the data folder's file system").baseUnit("bytes").register(registry);
    }

    private static double reading(Path dir, ToDoubleFunction<SystemMonitor.DiskReading> f) {
        SystemMonitor.DiskReading r = SystemMonitor.DiskReading.of(dir);
        return r == null ? Double.NaN : f.applyAsDouble(r);
    }

    private void alerts(AlertDispatcher dispatcher) {
        for (AlertSeverity severity : AlertSeverity.values()) {
            FunctionCounter.builder("logmaster_alerts_raised", dispatcher,
                            d -> d.stats().raised().getOrDefault(severity.key(), 0L))
                    .description("alerts raised").tag("severity", severity.key()).register(registry);
        }
        FunctionCounter.builder("logmaster_alerts_evaluated_events", dispatcher, d -> d.stats().evaluatedEvents())
                .description("committed events the alert rules saw").register(registry);
        FunctionCounter.builder("logmaster_alerts_skipped_events", dispatcher, d -> d.stats().skippedEvents())
                .description("committed events not evaluated because the alert queue was full").register(registry);
        FunctionCounter.builder("logmaster_alerts_action_failures", dispatcher, d -> failures(d.stats()))
                .description("failed alert deliveries (mail, forward, store)").register(registry);
        Gauge.builder("logmaster_alerts_queue_depth", dispatcher, d -> d.stats().queueDepth())
                .description("batches waiting for rule evaluation").register(registry);
        Gauge.builder("logmaster_alerts_rules", dispatcher, d -> d.stats().rules())
                .description("operator rules loaded").register(registry);
    }

    private static double failures(AlertStats s) {
        return s.actionFailures().values().stream().mapToLong(Long::longValue).sum();
    }

    private void seals(SystemAlerts system) {
        FunctionCounter.builder("logmaster_seals_done", system, SystemAlerts::sealsDone)
                .description("daily files sealed and time-stamped").register(registry);
        FunctionCounter.builder("logmaster_seals_failed", system, SystemAlerts::sealsFailed)
                .description("seal attempts that failed (TSA failures included)").register(registry);
        Gauge.builder("logmaster_tsa_healthy", system, s -> s.tsaHealthy() ? 1 : 0)
                .description("0 from a TSA failure until the next successful seal").register(registry);
    }
}
