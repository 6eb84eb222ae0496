package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.logmaster.collector.enrich.DeviceId;

class SealStatementTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    private static SealStatement statement(Optional<SealStatement.PreviousSeal> previous, String tsaLabel) {
        return new SealStatement(new DeviceId("fw-01"), LocalDate.of(2025, 1, 15), ZoneId.of("Europe/Istanbul"),
                "2025-01-15.log", 1234, 10, A, previous, Instant.parse("2025-01-16T00:05:00.123Z"), B, tsaLabel);
    }

    @Test
    void isWrittenAsKeyValueLinesInAFixedOrder() {
        String text = new String(statement(Optional.of(new SealStatement.PreviousSeal(LocalDate.of(2025, 1, 14), C)),
                "Kamu SM").toBytes(), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                Format: logmaster-seal/1
                Device: fw-01
                Day: 2025-01-15
                Time-Zone: Europe/Istanbul
                File: 2025-01-15.log
                File-Size: 1234
                Line-Count: 10
                File-SHA-256: %s
                Previous-Seal-Day: 2025-01-14
                Previous-Seal-SHA-256: %s
                Sealed-At: 2025-01-16T00:05:00.123Z
                Signer-Certificate-SHA-256: %s
                TSA: Kamu SM
                """.formatted(A, C, B));
    }

    @Test
    void readsBackWhatItWrites() {
        SealStatement first = statement(Optional.empty(), BuiltInTsa.LABEL);

        assertThat(SealStatement.parse(first.toBytes())).isEqualTo(first);
    }

    @Test
    void theFirstSealOfAChainLinksToNone() {
        String text = new String(statement(Optional.empty(), "x").toBytes(), StandardCharsets.UTF_8);

        assertThat(text).contains("Previous-Seal-Day: none\n", "Previous-Seal-SHA-256: none\n");
    }

    @Test
    void aLabelCannotAddLines() {
        SealStatement sneaky = statement(Optional.empty(), "TSA\nFile-Size: 1");

        assertThat(new String(sneaky.toBytes(), StandardCharsets.UTF_8).lines()).hasSize(SealStatement.KEYS.size());
    }

    @Test
    void rejectsTextThatIsNotAStatement() {
        String reordered = new String(statement(Optional.empty(), "x").toBytes(), StandardCharsets.UTF_8)
                .replace("Device: fw-01\nDay: 2025-01-15\n", "Day: 2025-01-15\nDevice: fw-01\n");

        assertThatThrownBy(() -> SealStatement.parse(reordered.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys");
        assertThatThrownBy(() -> SealStatement.parse("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAPathInsteadOfADeviceId() {
        String text = new String(statement(Optional.empty(), "x").toBytes(), StandardCharsets.UTF_8)
                .replace("Device: fw-01", "Device: ../etc");

        assertThatThrownBy(() -> SealStatement.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
