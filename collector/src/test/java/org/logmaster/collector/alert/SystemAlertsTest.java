package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.ingest.ListenerCounters;

class SystemAlertsTest {
    private final List<Alert> raised = new ArrayList<>();
    private final MutableClock clock = new MutableClock(TestEvents.T0);
    private final SystemAlerts system = new SystemAlerts(raised::add, clock, Duration.ofHours(1));

    @TempDir
    Path data;

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) { this.now = now; }

        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        public Clock withZone(java.time.ZoneId zone) { return this; }

        public Instant instant() { return now; }
    }

    @Test
    void aTsaFailureAlertsOnceWithinTheSuppressionAndMarksTheTsaUnhealthy() {
        system.tsaFailed("https://tsa.example", "timeout");
        system.tsaFailed("https://tsa.example", "timeout");
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(SystemAlerts.TSA_FAILURE);
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
        });
        assertThat(system.tsaHealthy()).isFalse();
        assertThat(system.sealsFailed()).isEqualTo(2);
        system.daySealed("gw1", LocalDate.of(2026, 2, 28));
        assertThat(system.tsaHealthy()).isTrue();
        assertThat(system.sealsDone()).isEqualTo(1);
    }

    @Test
    void afterTheSuppressionTheSameFailureAlertsAgain() {
        system.dayNotSealed("gw1", LocalDate.of(2026, 2, 28));
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        system.dayNotSealed("gw1", LocalDate.of(2026, 2, 28));
        assertThat(raised).hasSize(2).allMatch(a -> a.groupKey().equals("gw1/2026-02-28"));
    }

    @Test
    void newUdpDropsAlertButAnUnchangedCountDoesNot() {
        ListenerCounters udp = new ListenerCounters("udp");
        var monitor = monitor(List.of(udp), () -> 0, new AlertSettings.SystemRules(0, null, 0, null, null, null));
        monitor.check();
        assertThat(raised).isEmpty();
        udp.dropped();
        udp.dropped();
        monitor.check();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(SystemAlerts.UDP_DROPS);
            assertThat(a.evidence()).contains("dropped-since-last-check=2");
        });
        clock.now = clock.now.plus(Duration.ofHours(2));
        monitor.check();
        assertThat(raised).hasSize(1);
    }

    @Test
    void aQueueAboveItsThresholdAlerts() {
        AtomicInteger depth = new AtomicInteger(79);
        var monitor = monitor(List.of(), depth::get, new AlertSettings.SystemRules(0, 80, 0, null, null, null));
        monitor.check();
        assertThat(raised).isEmpty();
        depth.set(81);
        monitor.check();
        assertThat(raised).singleElement().satisfies(a -> assertThat(a.rule()).isEqualTo(SystemAlerts.QUEUE_SATURATION));
    }

    @Test
    void aDiskFullerThanTheThresholdAlerts() {
        int used = SystemMonitor.DiskReading.of(data).usedPercent();
        monitor(List.of(), () -> 0, new AlertSettings.SystemRules(used + 1 > 100 ? 100 : used + 1, 0, 0, null, null, null))
                .check();
        assertThat(raised).isEmpty();
        if (used > 0) {
            monitor(List.of(), () -> 0, new AlertSettings.SystemRules(used - 1, 0, 0, null, null, null)).check();
            assertThat(raised).singleElement().satisfies(a -> assertThat(a.rule()).isEqualTo(SystemAlerts.DISK_USAGE));
        }
    }

    @Test
    void aDeviceSilentLongerThanTheLimitAlerts() {
        var monitor = monitor(List.of(), () -> 0, new AlertSettings.SystemRules(0, 0, 30, null, null, null));
        monitor.indexed(List.of(AlertDispatcherTest.failedLoginRow("203.0.113.7", 0)));
        clock.now = TestEvents.T0.plus(Duration.ofMinutes(29));
        monitor.check();
        assertThat(raised).isEmpty();
        clock.now = TestEvents.T0.plus(Duration.ofMinutes(31));
        monitor.check();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(SystemAlerts.DEVICE_SILENT);
            assertThat(a.groupKey()).isEqualTo("gw1");
        });
    }

    private SystemMonitor monitor(List<ListenerCounters> listeners, java.util.function.IntSupplier depth,
                                  AlertSettings.SystemRules rules) {
        return new SystemMonitor(system, rules, () -> listeners.stream().map(ListenerCounters::snapshot).toList(),
                depth, 100, data, clock);
    }
}
