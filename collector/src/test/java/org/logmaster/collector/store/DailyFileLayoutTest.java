package org.logmaster.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;

class DailyFileLayoutTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");

    @TempDir
    Path dataDir;
    @TempDir
    Path elsewhere;

    @Test
    void aDailyFileIsNamedAfterDeviceAndDay() throws IOException {
        DailyFileLayout layout = new DailyFileLayout(dataDir, ISTANBUL);

        Path file = layout.fileFor(new DeviceDay(new DeviceId("fw-1"), LocalDate.of(2026, 11, 28)));

        assertThat(file).isEqualTo(dataDir.resolve("logs/fw-1/2026-11-28.log"));
    }

    @Test
    void theDayEndsAtMidnightInTheConfiguredZone() {
        DailyFileLayout layout = new DailyFileLayout(dataDir, ISTANBUL);

        assertThat(layout.dayOf(Instant.parse("2026-11-28T20:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(layout.dayOf(Instant.parse("2026-11-28T21:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void listsDevicesAndTheirDaysIgnoringWhatIsNotOurs() throws IOException {
        DailyFileLayout layout = new DailyFileLayout(dataDir, ISTANBUL);
        Files.createDirectories(dataDir.resolve("logs/fw-1"));
        Files.writeString(dataDir.resolve("logs/fw-1/2026-11-29.log"), "");
        Files.writeString(dataDir.resolve("logs/fw-1/2026-11-28.log"), "");
        Files.writeString(dataDir.resolve("logs/fw-1/2026-11-28.log.p7s"), "");
        Files.writeString(dataDir.resolve("logs/fw-1/2026-13-45.log"), "");
        Files.createDirectories(dataDir.resolve("logs/Not A Device"));
        Files.createDirectories(dataDir.resolve("logs/.hidden"));
        Files.writeString(dataDir.resolve("logs/.writer.lock"), "");

        assertThat(layout.devices()).containsExactly(new DeviceId("fw-1"));
        assertThat(layout.days(new DeviceId("fw-1")))
                .containsExactly(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29));
        assertThat(layout.files()).extracting(DailyFile::path).containsExactly(
                dataDir.resolve("logs/fw-1/2026-11-28.log"), dataDir.resolve("logs/fw-1/2026-11-29.log"));
    }

    @Test
    void withoutALogsFolderThereAreNoFiles() throws IOException {
        assertThat(new DailyFileLayout(dataDir, ISTANBUL).files()).isEmpty();
    }

    @Test
    void aDeviceFolderLinkedOutsideTheDataFolderIsRefused() throws IOException {
        Path outside = elsewhere;
        Files.createDirectories(dataDir.resolve("logs"));
        Files.createSymbolicLink(dataDir.resolve("logs/fw-1"), outside);
        DailyFileLayout layout = new DailyFileLayout(dataDir, ISTANBUL);

        assertThatThrownBy(() -> layout.fileFor(new DeviceDay(new DeviceId("fw-1"), LocalDate.of(2026, 11, 28))))
                .isInstanceOf(DailyFileLayout.PathEscapeException.class);
        assertThat(layout.devices()).isEmpty();
    }

    @Test
    void aDailyFileThatIsASymbolicLinkIsRefused() throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("target.log"), "");
        Files.createDirectories(dataDir.resolve("logs/fw-1"));
        Files.createSymbolicLink(dataDir.resolve("logs/fw-1/2026-11-28.log"), outside);
        DailyFileLayout layout = new DailyFileLayout(dataDir, ISTANBUL);

        assertThatThrownBy(() -> layout.fileFor(new DeviceDay(new DeviceId("fw-1"), LocalDate.of(2026, 11, 28))))
                .isInstanceOf(DailyFileLayout.PathEscapeException.class);
    }

    @Test
    void nameTricksCannotBecomeDeviceIds() {
        for (String trick : new String[] {"..", "../etc", "a/../../b", "/etc", "a\u0000b", ".hidden", "A"}) {
            assertThat(DeviceId.isValid(trick)).as(trick).isFalse();
        }
    }
}
