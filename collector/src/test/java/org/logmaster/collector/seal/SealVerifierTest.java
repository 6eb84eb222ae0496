package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;

class SealVerifierTest {
    private static final LocalDate D1 = LocalDate.of(2025, 9, 1);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);
    private static final LocalDate TODAY = D1.plusDays(3);
    private static final DeviceId DEVICE = SealLab.DEVICE;

    @TempDir
    Path root;
    private SealLab lab;

    @BeforeEach
    void sealThreeDays() throws IOException {
        lab = new SealLab(root);
        for (LocalDate day : List.of(D1, D2, D3)) {
            lab.writeDay(DEVICE, day, 4);
        }
        lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, TODAY);
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    @Test
    void aClosedDayWithoutSealIsUnsealedButTodayIsNot() throws IOException {
        lab.writeDay(DEVICE, TODAY, 3);
        lab.writeDay(DEVICE, TODAY.plusDays(1), 3);

        assertThat(lab.verify(DEVICE, TODAY).ok()).isTrue();
        assertThat(lab.verifyDay(DEVICE, TODAY, TODAY.plusDays(1)).problemKinds())
                .containsExactly(SealProblem.Kind.UNSEALED);
    }

    @Test
    void aVanishedLogIsAMissingDay() throws IOException {
        Files.delete(lab.dayFiles(DEVICE, D2).log());

        DayVerification verdict = lab.verifyDay(DEVICE, D2, TODAY);

        assertThat(verdict.problemKinds()).containsExactly(SealProblem.Kind.MISSING_DAY);
        assertThat(verdict.problems().getFirst().detail()).contains("2025-09-02.log is gone");
    }

    @Test
    void aRemovedStatementLeavesItsDayUnsealedAndTheNextDayMissingItsLink() throws IOException {
        Files.delete(lab.dayFiles(DEVICE, D2).seal());

        DayVerification removed = lab.verifyDay(DEVICE, D2, TODAY);
        assertThat(removed.problemKinds()).containsExactly(SealProblem.Kind.UNSEALED);
        assertThat(removed.problems().getFirst().detail()).contains("signature files exist");
        assertThat(lab.verifyDay(DEVICE, D3, TODAY).problemKinds()).containsExactly(SealProblem.Kind.MISSING_DAY);
    }

    @Test
    void aMissingTimeStampIsABadTimeStamp() throws IOException {
        Files.delete(lab.dayFiles(DEVICE, D2).timeStamp());

        assertThat(lab.verifyDay(DEVICE, D2, TODAY).problemKinds()).containsExactly(SealProblem.Kind.BAD_TIMESTAMP);
    }

    @Test
    void aMissingSignatureIsABadSignature() throws IOException {
        Files.delete(lab.dayFiles(DEVICE, D2).signature());

        assertThat(lab.verifyDay(DEVICE, D2, TODAY).problemKinds()).containsExactly(SealProblem.Kind.BAD_SIGNATURE);
    }

    @Test
    void stampsOfAnUntrustedTsaAreBadTimeStamps() throws IOException {
        BuiltInTsa otherTsa = BuiltInTsa.loadOrCreate(root.resolve("other-tsa"), SealLab.PASSWORD);
        SealVerifier verifier = new SealVerifier(List.of(lab.key.certificate()), List.of(otherTsa.rootCertificate()));

        DeviceVerification result = verifier.verifyDevice(lab.dataDir, DEVICE, SealLab.ZONE, TODAY);

        assertThat(result.days()).allSatisfy(day -> {
            assertThat(day.problemKinds()).containsExactly(SealProblem.Kind.BAD_TIMESTAMP);
            assertThat(day.problems().getFirst().detail()).contains("not trusted");
        });
    }

    @Test
    void aStatementCopiedToAnotherDayIsMalformed() throws IOException {
        LocalDate copy = TODAY;
        DayFiles from = lab.dayFiles(DEVICE, D3);
        DayFiles to = lab.dayFiles(DEVICE, copy);
        Files.copy(from.log(), to.log());
        Files.copy(from.seal(), to.seal());
        Files.copy(from.signature(), to.signature());
        Files.copy(from.timeStamp(), to.timeStamp());

        assertThat(lab.verifyDay(DEVICE, copy, copy.plusDays(1)).problemKinds()).contains(SealProblem.Kind.MALFORMED);
    }

    @Test
    void sealsMadeWithARetiredKeyStillVerify() throws Exception {
        Path keyFolder = root.resolve("keys");
        Path operatorFile = root.resolve("operator.p12");
        ApplianceSigningKey operatorKey = ApplianceSigningKey.loadOrCreate(root.resolve("operator"), SealLab.PASSWORD, "ca");
        KeyStoreFiles.writePkcs12(operatorFile, "op",
                new KeyStoreFiles.KeyWithChain(operatorKey.privateKey(), operatorKey.chain()), SealLab.PASSWORD);
        ApplianceSigningKey imported = ApplianceSigningKey.importPkcs12(operatorFile, SealLab.PASSWORD, keyFolder,
                SealLab.PASSWORD);
        lab.writeDay(DEVICE, TODAY, 2);
        new DailySealer(imported, lab.tsaClient, java.time.Clock.systemUTC())
                .sealClosedDays(lab.dataDir, SealLab.ZONE, TODAY.plusDays(1));

        SealVerifier verifier = new SealVerifier(ApplianceSigningKey.trustedCertificates(keyFolder),
                List.of(lab.tsa.rootCertificate()));
        DeviceVerification result = verifier.verifyDevice(lab.dataDir, DEVICE, SealLab.ZONE, TODAY.plusDays(1));

        assertThat(result.days()).hasSize(4);
        assertThat(result.ok()).as(result.problemDays().toString()).isTrue();
        assertThat(result.days().getLast().signer()).hasValueSatisfying(name -> assertThat(name).contains("ca"));
    }

    @Test
    void garbageInTheSealFilesIsReportedNotThrown() throws IOException {
        DayFiles day = lab.dayFiles(DEVICE, D2);
        Files.write(day.seal(), new byte[] {0, (byte) 0xff, '\n'});
        Files.write(day.signature(), "-----BEGIN nonsense".getBytes());
        Files.write(day.timeStamp(), new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f});

        assertThat(lab.verifyDay(DEVICE, D2, TODAY).problemKinds()).containsExactlyInAnyOrder(
                SealProblem.Kind.MALFORMED, SealProblem.Kind.BAD_SIGNATURE, SealProblem.Kind.BAD_TIMESTAMP);
        assertThat(lab.verifyDay(DEVICE, D3, TODAY).problemKinds()).containsExactly(SealProblem.Kind.CHAIN_BROKEN);
    }

    @Test
    void verifyAllCoversEveryDevice() throws IOException {
        DeviceId other = new DeviceId("ap-2");
        lab.writeDay(other, D1, 2);
        lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, TODAY);

        List<DeviceVerification> all = lab.verifier().verifyAll(lab.dataDir, SealLab.ZONE, TODAY);

        assertThat(all).extracting(DeviceVerification::device).containsExactly(other, DEVICE);
        assertThat(all).allSatisfy(device -> assertThat(device.ok()).isTrue());
    }
}
