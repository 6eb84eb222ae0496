package org.logmaster.collector.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.audit.AuditEntry;
import org.logmaster.collector.audit.AuditQuery;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.compliance.DayLogs;
import org.logmaster.collector.compliance.SealRecord;
import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.DayVerification;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.seal.SealProblem;

/** Compression and retention on real files, with the seals index and audit trail in H2. */
class DayArchiveTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    private static final DeviceId FW = new DeviceId("fw-01");
    private static final LocalDate TODAY = LocalDate.now(ZONE);
    @TempDir
    Path root;
    private Path data;
    private SealEnvironment seals;
    private TestDatabase database;
    private SealRecords records;
    private AuditTrail audit;

    @BeforeEach
    void setUp() throws Exception {
        data = root.resolve("data");
        seals = SealEnvironment.withBuiltInTsa(root.resolve("keys"), "pw".toCharArray(), "test");
        database = TestDatabase.h2();
        records = new SealRecords(database.dsl());
        audit = new AuditTrail(database.dsl(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        seals.close();
        database.close();
    }

    private void sealedDays(LocalDate... days) throws Exception {
        for (LocalDate day : days) {
            DayLogs.write(data, FW.value(), day, 20);
            records.recordSealed(seals.sealer(Clock.systemUTC()).sealDay(data, FW, day, ZONE));
        }
    }

    private ArchiveRun archive(int compressAfter, int retention, boolean deleteUnsealed) throws IOException {
        return new DayArchive(data, ZONE, new ArchivePolicy(compressAfter, retention, deleteUnsealed), records, audit,
                Clock.systemUTC()).run();
    }

    private List<DayVerification> verify() throws IOException {
        return seals.verifier().verifyDevice(data, FW, ZONE, TODAY).days();
    }

    private Path folder() {
        return data.resolve("logs").resolve(FW.value());
    }

    @Test
    void aSealedOldDayIsCompressedAndStillVerifies() throws Exception {
        LocalDate old = TODAY.minusDays(40);
        sealedDays(old, TODAY.minusDays(39));
        ArchiveRun run = archive(30, 731, false);
        assertThat(run.compressed()).extracting(ArchiveRun.DeviceDay::day).containsExactly(old, TODAY.minusDays(39));
        assertThat(folder().resolve(old + ".log")).doesNotExist();
        assertThat(folder().resolve(old + ".log.gz")).exists();
        assertThat(verify()).allMatch(DayVerification::ok);
        assertThat(records.find(FW, old)).get().extracting(SealRecord::storage).isEqualTo(SealRecord.GZIP);
    }

    @Test
    void theSealedDigestIsWhatGunzipAndSha256sumPrint() throws Exception {
        LocalDate old = TODAY.minusDays(40);
        sealedDays(old);
        archive(30, 731, false);
        String sealed = Files.readAllLines(folder().resolve(old + ".seal")).stream()
                .filter(line -> line.startsWith("File-SHA-256: ")).findFirst().orElseThrow().substring(14);
        Process p = new ProcessBuilder("/bin/sh", "-c", "gunzip -c " + old + ".log.gz | sha256sum")
                .directory(folder().toFile()).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).startsWith(sealed);
    }

    @Test
    void aChangedByteInsideACompressedDayIsFound() throws Exception {
        LocalDate old = TODAY.minusDays(40);
        sealedDays(old);
        archive(30, 731, false);
        Path gz = folder().resolve(old + ".log.gz");
        byte[] original;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            original = in.readAllBytes();
        }
        original[50] ^= 1;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(original);
        }
        assertThat(verify().getFirst().problemKinds()).contains(SealProblem.Kind.CHANGED);
    }

    @Test
    void aDayThatNoLongerMatchesItsSealIsNotCompressed() throws Exception {
        LocalDate old = TODAY.minusDays(40);
        sealedDays(old);
        Path log = folder().resolve(old + ".log");
        Files.writeString(log, "tampered\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        ArchiveRun run = archive(30, 731, false);
        assertThat(run.compressed()).isEmpty();
        assertThat(run.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("does not match its seal"));
        assertThat(log).exists();
        assertThat(folder().resolve(old + ".log.gz")).doesNotExist();
    }

    @Test
    void recentDaysAreLeftAlone() throws Exception {
        sealedDays(TODAY.minusDays(3));
        ArchiveRun run = archive(30, 731, false);
        assertThat(run.compressed()).isEmpty();
        assertThat(run.deleted()).isEmpty();
        assertThat(folder().resolve(TODAY.minusDays(3) + ".log")).exists();
    }

    @Test
    void aSealedDayPastRetentionIsDeletedAuditedAndTheChainStillVerifies() throws Exception {
        LocalDate expired = TODAY.minusDays(800);
        LocalDate kept = TODAY.minusDays(20);
        sealedDays(expired, kept);
        ArchiveRun run = archive(30, 731, false);
        assertThat(run.deleted()).extracting(ArchiveRun.DeviceDay::day).containsExactly(expired);
        assertThat(folder().resolve(expired + ".log")).doesNotExist();
        assertThat(folder().resolve(expired + ".seal")).exists();
        assertThat(folder().resolve(expired + ".log.expired")).exists();
        assertThat(verify()).allMatch(DayVerification::ok);
        List<AuditEntry> entries = audit.query(new AuditQuery(null, null, null, DayArchive.DELETE_ACTION, 0, 10));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("fw-01 " + expired);
            assertThat(e.details()).contains("sealed SHA-256");
        });
        assertThat(records.find(FW, expired)).get().extracting(SealRecord::storage).isEqualTo(SealRecord.DELETED);
    }

    @Test
    void anUnsealedDayPastRetentionIsKeptWithoutTheExplicitFlag() throws Exception {
        LocalDate old = TODAY.minusDays(800);
        DayLogs.write(data, FW.value(), old, 3);
        ArchiveRun run = archive(30, 731, false);
        assertThat(run.keptUnsealed()).extracting(ArchiveRun.DeviceDay::day).containsExactly(old);
        assertThat(folder().resolve(old + ".log")).exists();
        assertThat(audit.query(new AuditQuery(null, null, null, DayArchive.DELETE_ACTION, 0, 10))).isEmpty();
    }

    @Test
    void anUnsealedDayPastRetentionIsDeletedWithTheFlagAndAuditedAsUnsealed() throws Exception {
        LocalDate old = TODAY.minusDays(800);
        DayLogs.write(data, FW.value(), old, 3);
        ArchiveRun run = archive(30, 731, true);
        assertThat(run.deleted()).hasSize(1);
        assertThat(folder().resolve(old + ".log")).doesNotExist();
        assertThat(audit.query(new AuditQuery(null, null, null, DayArchive.DELETE_ACTION, 0, 10)))
                .singleElement().satisfies(e -> assertThat(e.details()).contains("NOT sealed"));
    }
}
