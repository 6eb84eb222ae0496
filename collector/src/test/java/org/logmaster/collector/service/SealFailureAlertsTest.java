package org.logmaster.collector.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.alert.Alert;
import org.logmaster.collector.alert.SystemAlerts;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.SealRun;

class SealFailureAlertsTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final DeviceId FIREWALL = new DeviceId("fw01");

    private final List<Alert> raised = new ArrayList<>();

    private SealFailureAlerts at(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        SystemAlerts alerts = new SystemAlerts(raised::add, clock, Duration.ofHours(1));
        return new SealFailureAlerts(alerts, "built-in TSA", ISTANBUL, Duration.ofHours(6), clock);
    }

    private List<String> rules() {
        return raised.stream().map(Alert::rule).toList();
    }

    @Test
    void aMissingTimeStampRaisesTheTsaFailureAlert() {
        at("2026-11-27T22:00:00Z").accept(new SealRun.Failure(FIREWALL, DAY, "no time stamp for fw01 2026-11-27: refused"));

        assertThat(rules()).containsExactly(SystemAlerts.TSA_FAILURE);
    }

    @Test
    void aFailureWithinTheGraceTimeRaisesNoDayNotSealedAlert() {
        // Istanbul midnight after the 27th is 21:00 UTC; six hours of grace end at 03:00 UTC on the 28th
        at("2026-11-28T02:59:00Z").accept(new SealRun.Failure(FIREWALL, DAY, "disk full"));

        assertThat(rules()).doesNotContain(SystemAlerts.DAY_NOT_SEALED);
    }

    @Test
    void aDayStillFailingAfterItsGraceTimeRaisesDayNotSealed() {
        at("2026-11-28T03:01:00Z").accept(new SealRun.Failure(FIREWALL, DAY, "disk full"));

        assertThat(rules()).containsExactly(SystemAlerts.DAY_NOT_SEALED);
        assertThat(raised.getFirst().groupKey()).isEqualTo("fw01/2026-11-27");
    }

    @Test
    void retriesOfTheSameLateDayAreSuppressed() {
        SealFailureAlerts alerts = at("2026-11-28T04:00:00Z");
        alerts.accept(new SealRun.Failure(FIREWALL, DAY, "disk full"));
        alerts.accept(new SealRun.Failure(FIREWALL, DAY, "disk full"));

        assertThat(rules()).containsExactly(SystemAlerts.DAY_NOT_SEALED);
    }
}
