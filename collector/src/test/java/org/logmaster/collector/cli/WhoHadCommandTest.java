package org.logmaster.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WhoHadCommandTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final Instant NINE_UTC = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void anInstantInUtcIsTakenAsItIs() {
        assertThat(WhoHadCommand.instant("2026-11-28T09:00:00Z", ISTANBUL)).isEqualTo(NINE_UTC);
    }

    @Test
    void aTimeWithOffsetIsTakenWithItsOffset() {
        assertThat(WhoHadCommand.instant("2026-11-28T12:00:00+03:00", ISTANBUL)).isEqualTo(NINE_UTC);
    }

    @Test
    void aLocalTimeIsInTheCollectorsZone() {
        assertThat(WhoHadCommand.instant("2026-11-28T12:00:00", ISTANBUL)).isEqualTo(NINE_UTC);
    }

    @Test
    void anythingElseIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> WhoHadCommand.instant("yesterday", ISTANBUL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--at");
    }
}
