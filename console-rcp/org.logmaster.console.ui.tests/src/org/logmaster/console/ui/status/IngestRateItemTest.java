package org.logmaster.console.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.LiveTailStatus;

class IngestRateItemTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void aLiveStreamIsReceivingWithItsRate() {
        assertThat(IngestRateItem.text(LiveTailStatus.LIVE, NOW, "120")).isEqualTo("Live: receiving · 120 ev/s");
    }

    @Test
    void aStreamWithNothingYetIsWaitingForEvents() {
        assertThat(IngestRateItem.text(LiveTailStatus.CONNECTING, NOW, "0")).isEqualTo("Live: waiting for events · 0 ev/s");
    }

    @Test
    void aLostStreamSaysItsStatusCodeAndWhenItReconnects() {
        LiveTailStatus lost = LiveTailStatus.reconnecting("UNAVAILABLE: io exception", NOW.plusMillis(3_200));

        assertThat(IngestRateItem.text(lost, NOW, "0")).isEqualTo("Live: stream lost (UNAVAILABLE), retry in 4 s");
    }

    @Test
    void aDueAttemptIsRetryingNow() {
        LiveTailStatus due = LiveTailStatus.reconnecting("UNAVAILABLE: io exception", NOW.minusMillis(1));

        assertThat(IngestRateItem.text(due, NOW, "0")).endsWith("retrying now");
    }

    @Test
    void aRefusedStreamSaysItStoppedAndWhy() {
        LiveTailStatus refused = LiveTailStatus.refused("PERMISSION_DENIED: no LOGS_READ");

        assertThat(IngestRateItem.text(refused, NOW, "0")).isEqualTo("Live: stopped (PERMISSION_DENIED)");
    }

    @Test
    void theTooltipHasTheServersWholeMessage() {
        LiveTailStatus lost = LiveTailStatus.reconnecting("UNAVAILABLE: the collector is stopping; resume with the last cursor",
                NOW.plusSeconds(4));

        assertThat(IngestRateItem.toolTip(lost))
                .isEqualTo("Last stream error: UNAVAILABLE: the collector is stopping; resume with the last cursor");
    }

    @Test
    void noStreamIsOff() {
        assertThat(IngestRateItem.text(LiveTailStatus.OFF, NOW, "0")).isEqualTo("Live: off");
    }
}
