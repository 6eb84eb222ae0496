package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.store.DeviceDay;

class AlertDispatcherTest {
    static EventRow failedLoginRow(String ip, long seconds) {
        Instant at = TestEvents.T0.plusSeconds(seconds);
        LogEvent e = new LogEvent(LogEvent.Format.RFC3164, 4, 4, at, "gw1", "sshd", "77", null, List.of(),
                "Failed password for root from " + ip + " port 22 ssh2", false, null);
        return new EventRow(new DeviceDay(new DeviceId("gw1"), LocalDate.of(2026, 3, 1)), seconds * 100, at,
                "192.0.2.1", "udp", e);
    }

    private static List<EventRow> sixFailedLogins() {
        List<EventRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) rows.add(failedLoginRow("203.0.113.7", i));
        return rows;
    }

    private static final class Collecting implements AlertAction {
        final List<Alert> alerts = new CopyOnWriteArrayList<>();

        public String name() { return "collect"; }

        public void deliver(Alert alert) { alerts.add(alert); }
    }

    @Test
    void committedRowsAreEvaluatedAndTheActionsSeeTheStoredAlert() throws Exception {
        var dispatcher = new AlertDispatcher(RuleEngineTest.engine(RuleEngineTest.sshBruteForce()), 16);
        var collect = new Collecting();
        dispatcher.recordWith(a -> a.withId(99));
        dispatcher.addAction(collect);
        dispatcher.start();
        dispatcher.indexed(sixFailedLogins());
        assertThat(dispatcher.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        dispatcher.close();

        assertThat(collect.alerts).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo(99));
        assertThat(dispatcher.stats().evaluatedEvents()).isEqualTo(6);
        assertThat(dispatcher.stats().raised()).containsEntry("critical", 1L);
    }

    @Test
    void aFullQueueSkipsBatchesAndCountsTheirEvents() throws Exception {
        var dispatcher = new AlertDispatcher(RuleEngineTest.engine(RuleEngineTest.sshBruteForce()), 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        dispatcher.addAction(new AlertAction() {
            public String name() { return "slow"; }

            public void deliver(Alert alert) throws InterruptedException {
                busy.countDown();
                release.await();
            }
        });
        dispatcher.start();
        dispatcher.indexed(sixFailedLogins());      // taken by the worker, which then blocks in the action
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        dispatcher.indexed(sixFailedLogins());      // fills the queue of one
        dispatcher.indexed(sixFailedLogins());      // skipped
        dispatcher.indexed(List.of(failedLoginRow("198.51.100.1", 0))); // skipped
        assertThat(dispatcher.stats().skippedEvents()).isEqualTo(7);
        release.countDown();
        dispatcher.close();
    }

    @Test
    void aFailingActionIsCountedAndTheOthersStillRun() throws Exception {
        var dispatcher = new AlertDispatcher(new RuleEngine(), 16);
        var collect = new Collecting();
        dispatcher.addAction(new AlertAction() {
            public String name() { return "broken"; }

            public void deliver(Alert alert) throws Exception {
                throw new java.io.IOException("no route");
            }
        });
        dispatcher.addAction(collect);
        dispatcher.start();
        var system = new SystemAlerts(dispatcher::raise, java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
        system.tsaFailed("https://tsa.example", "HTTP 503");
        assertThat(dispatcher.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
        dispatcher.close();
        assertThat(collect.alerts).singleElement().satisfies(a -> assertThat(a.rule()).isEqualTo(SystemAlerts.TSA_FAILURE));
        assertThat(dispatcher.stats().actionFailures()).containsEntry("broken", 1L);
    }
}
