package org.logmaster.collector.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logmaster.collector.index.schema.Tables.SEALS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.SealRun;

/** The scheduler's pass against H2 and PostgreSQL: seals missed days, records rows, indexes outside seals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SealSchedulerContract {
    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final DeviceId FW = new DeviceId("fw-01");
    private TestDatabase database;
    private SealEnvironment seals;
    @TempDir
    Path root;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void openDatabase() {
        database = TestDatabase.open(kind());
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void openSeals() throws Exception {
        database.dsl().deleteFrom(SEALS).execute();
        seals = SealEnvironment.withBuiltInTsa(root.resolve("keys"), "pw".toCharArray(), "test");
    }

    @AfterEach
    void closeSeals() {
        seals.close();
    }

    private SealScheduler scheduler(Path dataDir) {
        return new SealScheduler(seals.sealer(Clock.systemUTC()), new SealRecords(database.dsl()), dataDir, ZONE,
                Clock.systemUTC(), failure -> { });
    }

    @Test
    void thePassAtStartSealsEveryMissedClosedDayAndRecordsIt() throws Exception {
        Path data = root.resolve("data");
        LocalDate today = LocalDate.now(ZONE);
        DayLogs.write(data, FW.value(), today.minusDays(3), 5);
        DayLogs.write(data, FW.value(), today.minusDays(2), 7);
        DayLogs.write(data, FW.value(), today, 2);
        try (SealScheduler scheduler = scheduler(data)) {
            SealRun run = scheduler.sealNow();
            assertThat(run.failures()).isEmpty();
            assertThat(run.sealed()).hasSize(2);
        }
        List<SealRecord> rows = new SealRecords(database.dsl()).find(List.of(FW), null, null);
        assertThat(rows).extracting(SealRecord::day).containsExactly(today.minusDays(3), today.minusDays(2));
        assertThat(rows.get(1).lineCount()).isEqualTo(7);
        assertThat(rows.get(1).previousDay()).contains(today.minusDays(3));
        assertThat(rows.get(1).builtInTsa()).isTrue();
        assertThat(rows.get(1).tsaTime()).isPresent();
    }

    @Test
    void aSealMadeOutsideTheCollectorIsIndexedAtTheNextPass() throws Exception {
        Path data = root.resolve("data");
        LocalDate day = LocalDate.now(ZONE).minusDays(1);
        DayLogs.write(data, FW.value(), day, 3);
        seals.sealer(Clock.systemUTC()).sealDay(data, FW, day, ZONE);
        assertThat(new SealRecords(database.dsl()).exists(FW, day)).isFalse();
        try (SealScheduler scheduler = scheduler(data)) {
            assertThat(scheduler.sealNow().sealed()).isEmpty();
        }
        assertThat(new SealRecords(database.dsl()).find(FW, day)).get()
                .extracting(SealRecord::lineCount).isEqualTo(3L);
    }

    @Test
    void anUnreachableTsaLeavesTheDayUnsealedAndReportsIt() throws Exception {
        Path data = root.resolve("data");
        LocalDate day = LocalDate.now(ZONE).minusDays(1);
        DayLogs.write(data, FW.value(), day, 3);
        seals.close(); // stops the built-in TSA: its port refuses connections
        List<SealRun.Failure> reported = new java.util.ArrayList<>();
        try (SealScheduler scheduler = new SealScheduler(seals.sealer(Clock.systemUTC()),
                new SealRecords(database.dsl()), data, ZONE, Clock.systemUTC(), reported::add)) {
            SealRun run = scheduler.sealNow();
            assertThat(run.sealed()).isEmpty();
        }
        assertThat(reported).extracting(SealRun.Failure::device).containsExactly(FW);
        assertThat(new SealRecords(database.dsl()).exists(FW, day)).isFalse();
    }
}
