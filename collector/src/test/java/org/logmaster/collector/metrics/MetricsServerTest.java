package org.logmaster.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.alert.AlertDispatcher;
import org.logmaster.collector.alert.AlertRule;
import org.logmaster.collector.alert.RuleEngine;
import org.logmaster.collector.alert.RuleSpec;
import org.logmaster.collector.alert.SystemAlerts;
import org.logmaster.collector.index.IndexerStats;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.ListenerCounters;
import org.logmaster.collector.store.WriterStats;

class MetricsServerTest {
    @TempDir
    Path data;

    private MetricsServer server;
    private AlertDispatcher dispatcher;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
        if (dispatcher != null) dispatcher.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theScrapeIsPrometheusTextCarryingTheCollectorsCounts() throws Exception {
        CounterRegistry counters = new CounterRegistry();
        ListenerCounters udp = counters.forListener("udp");
        for (int i = 0; i < 7; i++) udp.received();
        udp.stored(5);
        udp.dropped();
        udp.dropped();
        RuleEngine engine = new RuleEngine();
        engine.load(List.of(AlertRule.compile(new RuleSpec("every-emergency", null, "critical", null,
                new RuleSpec.Match(null, 0, null, null), null, null), AlertRule.Origin.CONFIG)));
        dispatcher = new AlertDispatcher(engine, 16);
        dispatcher.start();
        SystemAlerts system = new SystemAlerts(dispatcher::raise, java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
        system.tsaFailed("https://tsa.example", "timeout");
        system.daySealed("gw1", java.time.LocalDate.of(2026, 3, 1));
        system.daySealed("gw2", java.time.LocalDate.of(2026, 3, 1));
        dispatcher.awaitIdle(10, TimeUnit.SECONDS);
        var metrics = new CollectorMetrics(new CollectorMetrics.Sources(counters,
                () -> new WriterStats(5, 2, 3, 0, 17, 1, true), () -> 3_000_000L, 1024,
                () -> new IndexerStats(5, 0, 0, 2, 4096, true), data, dispatcher, system, null));
        server = MetricsServer.start("127.0.0.1", 0, metrics);

        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        PrometheusText text = PrometheusText.parse(response.body());

        assertThat(text.type("logmaster_ingest_received_total")).isEqualTo("counter");
        assertThat(text.value("logmaster_ingest_received_total", "listener", "udp")).isEqualTo(7);
        assertThat(text.value("logmaster_ingest_stored_total", "listener", "udp")).isEqualTo(5);
        assertThat(text.value("logmaster_ingest_dropped_total", "listener", "udp")).isEqualTo(2);
        assertThat(text.value("logmaster_store_queue_depth")).isEqualTo(17);
        assertThat(text.value("logmaster_store_frames_per_batch")).isEqualTo(2.5);
        assertThat(text.value("logmaster_store_batch_seconds_count")).isEqualTo(2);
        assertThat(text.value("logmaster_store_batch_seconds_sum")).isEqualTo(0.003);
        assertThat(text.value("logmaster_index_lag_bytes")).isEqualTo(4096);
        assertThat(text.value("logmaster_disk_free_bytes")).isPositive();
        assertThat(text.value("logmaster_seals_done_total")).isEqualTo(2);
        assertThat(text.value("logmaster_seals_failed_total")).isEqualTo(1);
        assertThat(text.value("logmaster_tsa_healthy")).isEqualTo(1);
        assertThat(text.value("logmaster_alerts_raised_total", "severity", "critical")).isEqualTo(1);
        assertThat(text.value("logmaster_alerts_raised_total", "severity", "warning")).isEqualTo(0);
        assertThat(text.value("logmaster_alerts_rules")).isEqualTo(1);
    }

    @Test
    void aListenerStartedLaterAppearsInTheNextScrape() throws Exception {
        CounterRegistry counters = new CounterRegistry();
        var metrics = new CollectorMetrics(new CollectorMetrics.Sources(counters, null, null, 0, null, null, null, null, null));
        server = MetricsServer.start("127.0.0.1", 0, metrics);
        counters.forListener("tcp").received();
        assertThat(PrometheusText.parse(get("/metrics").body()).value("logmaster_ingest_received_total", "listener", "tcp"))
                .isEqualTo(1);
    }

    @Test
    void onlyTheMetricsPathIsServed() throws Exception {
        server = MetricsServer.start("127.0.0.1", 0,
                new CollectorMetrics(new CollectorMetrics.Sources(null, null, null, 0, null, null, null, null, null)));
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    @Test
    void theStrictReaderRejectsAnUntypedSample() {
        assertThatThrownBy(() -> PrometheusText.parse("foo_total 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE foo gauge\nfoo{a=\"1\" 1\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPortInUseIsNamedWithItsKey() throws Exception {
        var metrics = new CollectorMetrics(new CollectorMetrics.Sources(null, null, null, 0, null, null, null, null, null));
        server = MetricsServer.start("127.0.0.1", 0, metrics);
        assertThatThrownBy(() -> MetricsServer.start("127.0.0.1", server.port(), metrics))
                .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("metrics.port: cannot listen on 127.0.0.1:");
    }
}
