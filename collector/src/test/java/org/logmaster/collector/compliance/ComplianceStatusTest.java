package org.logmaster.collector.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.SealEnvironment;

/** Status per device per day from the seals index and the folder listing. */
class ComplianceStatusTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    private static final DeviceId FW = new DeviceId("fw-01");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    @TempDir
    Path root;
    private Path data;
    private SealEnvironment seals;
    private TestDatabase database;
    private SealRecords records;

    @BeforeEach
    void setUp() throws Exception {
        data = root.resolve("data");
        seals = SealEnvironment.withBuiltInTsa(root.resolve("keys"), "pw".toCharArray(), "test");
        database = TestDatabase.h2();
        records = new SealRecords(database.dsl());
    }

    @AfterEach
    void tearDown() {
        seals.close();
        database.close();
    }

    private void seal(LocalDate day, Clock clock) throws Exception {
        DayLogs.write(data, FW.value(), day, 3);
        records.recordSealed(seals.sealer(clock).sealDay(data, FW, day, ZONE));
    }

    private List<DayStatus> status(Duration lateAfter) throws Exception {
        return new ComplianceStatus(data, ZONE, records, lateAfter, Clock.systemUTC()).status(List.of(), null, null);
    }

    @Test
    void eachDayHasItsState() throws Exception {
        seal(TODAY.minusDays(3), Clock.systemUTC());
        seal(TODAY.minusDays(2), Clock.systemUTC());
        DayLogs.write(data, FW.value(), TODAY.minusDays(1), 2);
        DayLogs.write(data, FW.value(), TODAY, 1);
        Files.delete(data.resolve("logs/fw-01/" + TODAY.minusDays(2) + ".log"));
        assertThat(status(Duration.ofDays(30))).extracting(DayStatus::state).containsExactly(
                DayStatus.State.SEALED, DayStatus.State.MISSING, DayStatus.State.UNSEALED, DayStatus.State.OPEN);
    }

    @Test
    void aDayDeletedByRetentionIsExpiredNotMissing() throws Exception {
        seal(TODAY.minusDays(800), Clock.systemUTC());
        Files.delete(data.resolve("logs/fw-01/" + TODAY.minusDays(800) + ".log"));
        records.recordStorage(FW, TODAY.minusDays(800), SealRecord.DELETED);
        assertThat(status(Duration.ofDays(30))).extracting(DayStatus::state).containsExactly(DayStatus.State.EXPIRED);
    }

    @Test
    void aSealStampedLongAfterItsDayEndedIsLate() throws Exception {
        seal(TODAY.minusDays(3), Clock.systemUTC());
        DayStatus status = status(Duration.ofHours(1)).getFirst();
        // stamped now: more than two days after the day ended
        assertThat(status.late()).isTrue();
        assertThat(status(Duration.ofDays(7)).getFirst().late()).isFalse();
    }

    @Test
    void aSealMadeByTheCommandLineIsIndexedWhenStatusFirstSeesIt() throws Exception {
        DayLogs.write(data, FW.value(), TODAY.minusDays(1), 3);
        seals.sealer(Clock.systemUTC()).sealDay(data, FW, TODAY.minusDays(1), ZONE);
        DayStatus status = status(Duration.ofDays(1)).getFirst();
        assertThat(status.state()).isEqualTo(DayStatus.State.SEALED);
        assertThat(status.seal()).get().extracting(SealRecord::lineCount).isEqualTo(3L);
        assertThat(records.exists(FW, TODAY.minusDays(1))).isTrue();
        assertThat(status.seal().get().tsaTime()).get().matches(t -> t.isBefore(Instant.now().plusSeconds(5)));
    }
}
