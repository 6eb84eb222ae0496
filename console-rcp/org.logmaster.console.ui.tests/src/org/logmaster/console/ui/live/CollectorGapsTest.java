package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.LiveGap;

class CollectorGapsTest {

    private static final NumberFormat COUNTS = NumberFormat.getIntegerInstance(Locale.ROOT);
    private static final Instant T = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void withoutGapsTheCountersSayNothing() {
        assertThat(new CollectorGaps().summary(COUNTS)).isEmpty();
    }

    @Test
    void skippedEventsAreSummedOverGapsAndPointToSearch() {
        CollectorGaps gaps = new CollectorGaps();
        gaps.add(new LiveGap(1_000, T, T.plusSeconds(5)));
        gaps.add(new LiveGap(234, T.plusSeconds(60), T.plusSeconds(61)));

        assertThat(gaps.summary(COUNTS)).isEqualTo(" · 1,234 not streamed (2 gaps, see Search)");
    }

    @Test
    void aLostResumeWithoutACountIsStillShown() {
        CollectorGaps gaps = new CollectorGaps();
        gaps.add(new LiveGap(LiveGap.UNKNOWN, T, T.plusSeconds(40)));

        assertThat(gaps.summary(COUNTS)).isEqualTo(" · some not streamed (1 gap, see Search)");
    }
}
