package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's verify-device.sh from docs/evidence-format.md on compressed and expired days. */
class ArchivedDayScriptTest {
    @TempDir
    Path root;
    private SealLab lab;
    private final LocalDate day1 = LocalDate.of(2025, 3, 1);
    private final LocalDate day2 = LocalDate.of(2025, 3, 2);
    private final LocalDate today = LocalDate.of(2025, 3, 5);

    @BeforeEach
    void sealTwoDays() throws Exception {
        lab = new SealLab(root);
        for (LocalDate day : new LocalDate[] {day1, day2}) {
            lab.writeDay(SealLab.DEVICE, day, 30);
            lab.sealer.sealDay(lab.dataDir, SealLab.DEVICE, day, SealLab.ZONE);
        }
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private OutsideTools.Result script() throws Exception {
        return OutsideTools.auditorScript(lab.dayFiles(SealLab.DEVICE, day1).folder(), lab.key.certificateFile(),
                lab.tsa.rootCertificateFile(), lab.tsa.certificateFile());
    }

    private void gzip(LocalDate day) throws Exception {
        Path folder = lab.dayFiles(SealLab.DEVICE, day).folder();
        assertThat(OutsideTools.run(folder, "gzip", day + ".log").succeeded()).isTrue();
    }

    @Test
    void aCompressedDayVerifiesWithTheScriptAndTheCollector() throws Exception {
        gzip(day1);
        OutsideTools.Result result = script();
        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains(day1 + " OK");
        assertThat(lab.verify(SealLab.DEVICE, today).ok()).isTrue();
    }

    @Test
    void aChangedCompressedDayFailsTheScript() throws Exception {
        Path log = lab.dayFiles(SealLab.DEVICE, day1).log();
        byte[] bytes = Files.readAllBytes(log);
        bytes[5] ^= 1;
        Files.write(log, bytes);
        gzip(day1);
        OutsideTools.Result result = script();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains(day1 + " FAILED: LOG-DOES-NOT-MATCH");
    }

    @Test
    void anExpiredDayIsReportedWithItsNoteAndTheChainStillHolds() throws Exception {
        DayFiles files = lab.dayFiles(SealLab.DEVICE, day1);
        Files.delete(files.log());
        Files.writeString(files.expiredMarker(), "deleted 2027-03-02T00:10:00Z after the retention period of 731 days\n");
        OutsideTools.Result result = script();
        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains(day1 + " OK (daily file deleted after its retention period")
                .contains(day2 + " OK");
    }

    @Test
    void aDeletedDayWithoutTheNoteIsStillMissing() throws Exception {
        Files.delete(lab.dayFiles(SealLab.DEVICE, day1).log());
        assertThat(script().succeeded()).isFalse();
        assertThat(lab.verifyDay(SealLab.DEVICE, day1, today).problemKinds()).contains(SealProblem.Kind.MISSING_DAY);
    }
}
