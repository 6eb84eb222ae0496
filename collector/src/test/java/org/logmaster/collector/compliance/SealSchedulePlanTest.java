package org.logmaster.collector.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SealSchedulePlanTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    @Test
    void theNextPassIsOneMinuteAfterMidnightInTheConfiguredZone() {
        // 20:30 UTC is 23:30 in Istanbul (UTC+3): midnight there is 21:00 UTC
        Instant now = Instant.parse("2026-11-27T20:30:00Z");
        assertThat(SealScheduler.untilNextPass(now, ISTANBUL, false, Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(31));
    }

    @Test
    void aFailedPassIsRetriedAfterTheBackOff() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(SealScheduler.untilNextPass(now, ISTANBUL, true, Duration.ofMinutes(4)))
                .isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void aBackOffBeyondTheBoundaryWaitsOnlyForTheBoundary() {
        Instant now = Instant.parse("2026-11-27T20:50:00Z");
        assertThat(SealScheduler.untilNextPass(now, ISTANBUL, true, Duration.ofHours(1)))
                .isEqualTo(Duration.ofMinutes(11));
    }
}
