package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.Alert;
import org.logmaster.api.v1.AlertSeverity;
import org.logmaster.api.v1.ListAlertsRequest;
import org.logmaster.api.v1.StreamAlertsRequest;
import org.logmaster.collector.alert.TestSmtpServer;
import org.logmaster.collector.metrics.PrometheusText;

/**
 * The acceptance test against the real collector process: six "Failed password" lines
 * from one address, sent with util-linux {@code logger}, make exactly one alert, which arrives
 * as one e-mail at a real SMTP server (GreenMail) and once on the gRPC alert stream; the
 * metrics endpoint counts the lines and the alert.
 */
class AlertsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern ADMIN = Pattern.compile("administrator: admin / password: (\\S+)");
    private static final String ATTACKER = "203.0.113.7";

    @TempDir
    static Path data;
    static TestSmtpServer smtp;
    static CollectorProcess collector;
    static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        smtp = new TestSmtpServer();
        // system rules off, so that only the rule under test can mail (a full test disk must not interfere)
        collector = CollectorProcess.start(data, "", """
                alerts:
                  mail: %s
                  system: { disk-usage-percent: 0, queue-percent: 0, silent-minutes: 0 }
                  rules:
                    - name: ssh-brute-force
                      description: more than 5 failed SSH logins from one address in 10 minutes
                      severity: critical
                      match: { text: 'Failed password for \\S+ from (?<ip>[0-9a-fA-F.:]+)' }
                      condition: { at-least: 6, window: 10m, group-by: ip }
                      suppress: 30m
                """.formatted(smtp.yaml()));
        Matcher m = ADMIN.matcher(collector.cli("init"));
        assertThat(m.find()).isTrue();
        admin = ApiClient.connect(collector.apiPort, collector.apiFingerprint()).login("admin", m.group(1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) admin.close();
        if (collector != null) collector.close();
        if (smtp != null) smtp.close();
    }

    private static PrometheusText scrape() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + collector.metricsPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return PrometheusText.parse(r.body());
        }
    }

    private static PrometheusText awaitMetrics(Predicate<PrometheusText> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        PrometheusText last = scrape();
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as("metrics condition within " + WAIT).isLessThan(deadline);
            Thread.sleep(100);
            last = scrape();
        }
        return last;
    }

    @Test
    void healthChecksReportStorageDiskAndTsaOneByOne() {
        var health = HealthGrpc.newBlockingStub(admin.channel());
        for (String component : new String[] {"", "logmaster.storage", "logmaster.disk", "logmaster.tsa"}) {
            HealthCheckResponse r = health.check(HealthCheckRequest.newBuilder().setService(component).build());
            assertThat(r.getStatus()).as(component).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        }
    }

    @Test
    void sixFailedLoginsFromOneAddressMakeOneMailOneStreamedAlertAndCountedMetrics() throws Exception {
        BlockingQueue<Alert> streamed = new LinkedBlockingQueue<>();
        admin.alertsAsync().stream(StreamAlertsRequest.getDefaultInstance(), new StreamObserver<>() {
            public void onNext(Alert a) { streamed.add(a); }

            public void onError(Throwable t) { }

            public void onCompleted() { }
        });
        awaitMetrics(t -> t.value("logmaster_alerts_streams") == 1);

        for (int i = 0; i < 6; i++) {
            Logger.send(collector.udpPort, "-d", "-t", "sshd", "-p", "auth.warning",
                    "Failed password for root from " + ATTACKER + " port " + (40000 + i) + " ssh2");
        }

        // all six evaluated: whatever they raise has been mailed and streamed by now (the indexer
        // counts its rows just after telling the alert stage, hence both conditions)
        PrometheusText metrics = awaitMetrics(t -> t.value("logmaster_alerts_evaluated_events_total") >= 6
                && t.value("logmaster_index_rows_total") >= 6);
        assertThat(metrics.value("logmaster_alerts_raised_total", "severity", "critical")).isEqualTo(1);
        assertThat(metrics.value("logmaster_ingest_stored_total", "listener", "udp")).isEqualTo(6);
        assertThat(metrics.value("logmaster_index_rows_total")).isGreaterThanOrEqualTo(6);
        assertThat(metrics.value("logmaster_alerts_skipped_events_total")).isZero();

        assertThat(smtp.greenMail().waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage[] mails = smtp.greenMail().getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("[LogMaster CRITICAL] ssh-brute-force [" + ATTACKER + "]");
        String body = (String) mails[0].getContent();
        assertThat(body).contains("Rule:     ssh-brute-force");
        for (int i = 0; i < 6; i++) assertThat(body).contains("from " + ATTACKER + " port " + (40000 + i));

        Alert alert = streamed.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(alert).isNotNull();
        assertThat(alert.getRule()).isEqualTo("ssh-brute-force");
        assertThat(alert.getGroupKey()).isEqualTo(ATTACKER);
        assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.ALERT_SEVERITY_CRITICAL);
        assertThat(alert.getEvidenceCount()).isEqualTo(6);
        assertThat(streamed).isEmpty();
        assertThat(admin.alerts().list(ListAlertsRequest.getDefaultInstance()).getAlertsList())
                .singleElement().satisfies(a -> assertThat(a.getId()).isEqualTo(alert.getId()));
    }
}
