package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;

class DailySealerTest {
    private static final LocalDate D1 = LocalDate.of(2025, 6, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);
    private static final DeviceId DEVICE = SealLab.DEVICE;

    @TempDir
    Path root;
    private SealLab lab;

    @BeforeEach
    void startLab() throws IOException {
        lab = new SealLab(root);
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    @Test
    void sealsEveryClosedDayButNotToday() throws IOException {
        lab.writeDay(DEVICE, D1, 3);
        lab.writeDay(DEVICE, D2, 3);
        lab.writeDay(DEVICE, D3, 3);

        SealRun run = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3);

        assertThat(run.sealed()).extracting(sealed -> sealed.statement().day()).containsExactly(D1, D2);
        assertThat(lab.dayFiles(DEVICE, D3).isSealed()).isFalse();
        assertThat(Files.exists(lab.dayFiles(DEVICE, D3).signature())).isFalse();
    }

    @Test
    void theStatementDescribesTheFileItSeals() throws IOException {
        Path log = lab.writeDay(DEVICE, D1, 7);

        SealedDay sealed = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D2).sealed().getFirst();

        SealStatement statement = SealStatement.parse(Files.readAllBytes(sealed.sealFile()));
        LogFileFacts facts = LogFileFacts.of(log);
        assertThat(statement).isEqualTo(sealed.statement());
        assertThat(statement.device()).isEqualTo(DEVICE);
        assertThat(statement.day()).isEqualTo(D1);
        assertThat(statement.zone()).isEqualTo(SealLab.ZONE);
        assertThat(statement.fileName()).isEqualTo("2025-06-01.log");
        assertThat(statement.fileSize()).isEqualTo(Files.size(log));
        assertThat(statement.lineCount()).isEqualTo(7);
        assertThat(statement.fileSha256()).isEqualTo(facts.sha256());
        assertThat(statement.previous()).isEmpty();
        assertThat(statement.signerFingerprint()).isEqualTo(lab.key.fingerprint());
        assertThat(statement.tsaLabel()).isEqualTo(BuiltInTsa.LABEL);
    }

    @Test
    void missedDaysAreSealedOldestFirstEachLinkedToTheOneBefore() throws IOException {
        lab.writeDay(DEVICE, D1, 2);
        lab.writeDay(DEVICE, D2, 2);
        lab.writeDay(DEVICE, D3, 2);

        List<SealedDay> sealed = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3.plusDays(5)).sealed();

        assertThat(sealed).extracting(s -> s.statement().day()).containsExactly(D1, D2, D3);
        assertThat(sealed.get(1).statement().previous())
                .contains(new SealStatement.PreviousSeal(D1, Sha256.hexDigest(Files.readAllBytes(sealed.get(0).sealFile()))));
        assertThat(sealed.get(2).statement().previous())
                .contains(new SealStatement.PreviousSeal(D2, sealed.get(1).statementSha256()));
    }

    @Test
    void aSilentDayIsNoGapInTheChain() throws IOException {
        lab.writeDay(DEVICE, D1, 2);
        lab.writeDay(DEVICE, D3, 2);

        List<SealedDay> sealed = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3.plusDays(1)).sealed();

        assertThat(sealed.get(1).statement().previous().map(SealStatement.PreviousSeal::day)).contains(D1);
        assertThat(lab.verify(DEVICE, D3.plusDays(1)).ok()).isTrue();
    }

    @Test
    void eachDeviceHasItsOwnChain() throws IOException {
        DeviceId other = new DeviceId("switch-7");
        lab.writeDay(DEVICE, D1, 2);
        lab.writeDay(other, D2, 2);

        List<SealedDay> sealed = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3).sealed();

        assertThat(sealed).extracting(s -> s.statement().device()).containsExactly(DEVICE, other);
        assertThat(sealed).allSatisfy(s -> assertThat(s.statement().previous()).isEmpty());
    }

    @Test
    void aSecondPassSealsNothingAndLeavesEveryFileAsItWas() throws IOException {
        lab.writeDay(DEVICE, D1, 2);
        lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D2);
        byte[] statement = Files.readAllBytes(lab.dayFiles(DEVICE, D1).seal());
        byte[] stamp = Files.readAllBytes(lab.dayFiles(DEVICE, D1).timeStamp());

        SealRun again = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D2);

        assertThat(again.sealed()).isEmpty();
        assertThat(again.failures()).isEmpty();
        assertThat(Files.readAllBytes(lab.dayFiles(DEVICE, D1).seal())).isEqualTo(statement);
        assertThat(Files.readAllBytes(lab.dayFiles(DEVICE, D1).timeStamp())).isEqualTo(stamp);
    }

    @Test
    void anEmptyDayIsSealedWithZeroLines() throws IOException {
        lab.writeDay(DEVICE, D1, 0);

        SealedDay sealed = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D2).sealed().getFirst();

        assertThat(sealed.statement().fileSize()).isZero();
        assertThat(sealed.statement().lineCount()).isZero();
        assertThat(lab.verify(DEVICE, D2).ok()).isTrue();
    }

    @Test
    void aTsaOutageStopsTheDeviceAndTheNextPassCarriesOnInOrder() throws IOException {
        lab.writeDay(DEVICE, D1, 2);
        lab.writeDay(DEVICE, D2, 2);
        AtomicBoolean tsaDown = new AtomicBoolean(true);
        DailySealer sealer = new DailySealer(lab.key, new SwitchableTsa(lab.tsaClient, tsaDown), java.time.Clock.systemUTC());

        SealRun failed = sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3);

        assertThat(failed.sealed()).isEmpty();
        assertThat(failed.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.day()).isEqualTo(D1);
            assertThat(failure.reason()).contains("TSA down for the test");
        });
        assertThat(filesOf(DEVICE)).containsExactlyInAnyOrder("2025-06-01.log", "2025-06-02.log");

        tsaDown.set(false);
        SealRun recovered = sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3);

        assertThat(recovered.sealed()).extracting(s -> s.statement().day()).containsExactly(D1, D2);
        assertThat(lab.verify(DEVICE, D3).ok()).isTrue();
    }

    @Test
    void leftoversOfAnUnfinishedAttemptAreSetAsideNotReused() throws IOException {
        lab.writeDay(DEVICE, D1, 2);
        Files.writeString(lab.dayFiles(DEVICE, D1).signature(), "half-written");

        lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D2);

        assertThat(filesOf(DEVICE)).anySatisfy(name -> assertThat(name).startsWith("2025-06-01.seal.p7s.abandoned-"));
        assertThat(lab.verify(DEVICE, D2).ok()).isTrue();
    }

    @Test
    void aDayBehindTheLatestSealIsLeftUnsealedAndReported() throws IOException {
        lab.writeDay(DEVICE, D2, 2);
        lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3);
        lab.writeDay(DEVICE, D1, 2);

        SealRun run = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D3);

        assertThat(run.sealed()).isEmpty();
        assertThat(run.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("already sealed"));
        assertThat(lab.verifyDay(DEVICE, D1, D3).problemKinds()).containsExactly(SealProblem.Kind.UNSEALED);
    }

    @Test
    void sealDayRefusesADayThatHasNotEnded() throws IOException {
        LocalDate today = LocalDate.now(SealLab.ZONE);
        lab.writeDay(DEVICE, today, 1);

        assertThatThrownBy(() -> lab.sealer.sealDay(lab.dataDir, DEVICE, today, SealLab.ZONE))
                .isInstanceOf(SealException.class).hasMessageContaining("not closed yet");
        assertThat(lab.dayFiles(DEVICE, today).isSealed()).isFalse();
    }

    @Test
    void sealDayNeverOverwritesASeal() throws Exception {
        lab.writeDay(DEVICE, D1, 2);
        SealedDay first = lab.sealer.sealDay(lab.dataDir, DEVICE, D1, SealLab.ZONE);
        byte[] statement = Files.readAllBytes(first.sealFile());

        assertThatThrownBy(() -> lab.sealer.sealDay(lab.dataDir, DEVICE, D1, SealLab.ZONE))
                .isInstanceOf(SealException.class).hasMessageContaining("already");
        assertThat(Files.readAllBytes(first.sealFile())).isEqualTo(statement);
    }

    @Test
    void sealFilesAreReadableByAuditorsAndHaveNoTemporaryLeftovers() throws IOException {
        lab.writeDay(DEVICE, D1, 2);

        lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, D2);

        assertThat(filesOf(DEVICE)).containsExactlyInAnyOrder("2025-06-01.log", "2025-06-01.seal",
                "2025-06-01.seal.p7s", "2025-06-01.seal.tsr");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(lab.dayFiles(DEVICE, D1).seal()))).isEqualTo("rw-r--r--");
    }

    private List<String> filesOf(DeviceId device) throws IOException {
        try (Stream<Path> files = Files.list(lab.dataDir.resolve("logs").resolve(device.value()))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** A TSA that can be switched off, as an external TSA is when the network is down. */
    private record SwitchableTsa(TimeStampSource delegate, AtomicBoolean down) implements TimeStampSource {
        @Override
        public TimeStampReply timeStamp(byte[] data) throws TimeStampException {
            if (down.get()) {
                throw new TimeStampException("TSA down for the test");
            }
            return delegate.timeStamp(data);
        }

        @Override
        public String label() {
            return delegate.label();
        }

        @Override
        public boolean isBuiltIn() {
            return delegate.isBuiltIn();
        }
    }
}
