package org.logmaster.collector.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seal files verify with tools nobody here wrote (Debian's openssl and sha256sum, run exactly
 * as docs/evidence-format.md tells an auditor), and every kind of tampering is caught both by
 * those tools and by {@link SealVerifier}.
 */
class OutsideVerificationTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final int DAYS = 5;
    private static final LocalDate MIDDLE = FIRST.plusDays(2);

    @TempDir
    Path root;
    private SealLab lab;

    @BeforeEach
    void sealFiveDays() throws IOException {
        lab = new SealLab(root);
        for (int i = 0; i < DAYS; i++) {
            lab.writeDay(SealLab.DEVICE, FIRST.plusDays(i), 20 + i);
        }
        SealRun run = lab.sealer.sealClosedDays(lab.dataDir, SealLab.ZONE, TODAY);
        assertThat(run.failures()).isEmpty();
        assertThat(run.sealed()).hasSize(DAYS);
    }

    @AfterEach
    void stopTsa() {
        lab.close();
    }

    @Test
    void everySealedDayVerifiesWithOpensslAndSha256sum() throws IOException {
        for (int i = 0; i < DAYS; i++) {
            DayFiles day = lab.dayFiles(SealLab.DEVICE, FIRST.plusDays(i));
            assertThat(cms(day).output()).contains("Verification successful");
            assertThat(cms(day).succeeded()).isTrue();
            assertThat(ts(day).output()).contains("Verification: OK");
            assertThat(ts(day).succeeded()).isTrue();
            assertThat(OutsideTools.sha256sum(day.log()))
                    .isEqualTo(OutsideTools.statementValue(day.seal(), "File-SHA-256"));
            assertThat(OutsideTools.statementValue(day.seal(), "Previous-Seal-SHA-256"))
                    .isEqualTo(i == 0 ? "none" : OutsideTools.sha256sum(
                            lab.dayFiles(SealLab.DEVICE, FIRST.plusDays(i - 1)).seal()));
        }
        OutsideTools.Result script = script();
        assertThat(script.succeeded()).as(script.output()).isTrue();
        assertThat(script.output().lines()).containsExactly("2025-03-01 OK", "2025-03-02 OK", "2025-03-03 OK",
                "2025-03-04 OK", "2025-03-05 OK");
    }

    @Test
    void theAuditorScriptNamesTheDayThatIsStillOpen() throws IOException {
        lab.writeDay(SealLab.DEVICE, TODAY, 1);

        OutsideTools.Result script = script();

        assertThat(script.succeeded()).isTrue();
        assertThat(script.output()).contains("2025-03-10 UNSEALED");
    }

    @Test
    void everySealedDayVerifiesWithTheSealVerifierAndShowsTheLabTsa() throws IOException {
        DeviceVerification result = lab.verify(SealLab.DEVICE, TODAY);

        assertThat(result.ok()).as(result.problemDays().toString()).isTrue();
        assertThat(result.days()).hasSize(DAYS);
        assertThat(result.days()).allSatisfy(day -> {
            assertThat(day.builtInTsa()).isTrue();
            assertThat(day.tsaLabel()).contains(BuiltInTsa.LABEL);
            assertThat(day.tsaTime()).hasValueSatisfying(time -> assertThat(time).isBefore(Instant.now().plusSeconds(60)));
            assertThat(day.signer()).hasValueSatisfying(name -> assertThat(name).contains("LogMaster seal signer lab"));
        });
    }

    @Test
    void theSignatureCarriesSigningTimeAndSigningCertificateV2() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, FIRST);

        OutsideTools.Result printed = OutsideTools.run(day.folder(), OutsideTools.OPENSSL, "cms", "-cmsout", "-print",
                "-inform", "DER", "-in", day.signature().getFileName().toString());

        assertThat(printed.succeeded()).isTrue();
        assertThat(printed.output()).contains("signingTime", "signingCertificateV2", "sha256")
                .contains("eContent: <ABSENT>");
    }

    @Test
    void anEditedStatementIsCaught() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        rewrite(day.seal(), Files.readString(day.seal(), StandardCharsets.UTF_8).replace("Line-Count: 22", "Line-Count: 21"));

        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY).problemKinds()).contains(SealProblem.Kind.BAD_SIGNATURE);
        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE.plusDays(1), TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.CHAIN_BROKEN);
        OutsideTools.Result cms = cms(day);
        assertThat(cms.succeeded()).isFalse();
        assertThat(cms.output()).contains("content verify error");
        assertThat(script().output()).contains("2025-03-03 FAILED: BAD-SIGNATURE\n");
    }

    @Test
    void oneChangedByteInTheLogIsCaught() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        try (RandomAccessFile file = new RandomAccessFile(day.log().toFile(), "rw")) {
            file.seek(100);
            int original = file.read();
            file.seek(100);
            file.write(original ^ 0x01);
        }

        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.CHANGED);
        assertThat(OutsideTools.sha256sum(day.log()))
                .isNotEqualTo(OutsideTools.statementValue(day.seal(), "File-SHA-256"));
        assertLogMismatchInScript();
        assertThat(otherDaysOk()).isTrue();
    }

    @Test
    void aRemovedLineIsCaught() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        List<String> lines = Files.readAllLines(day.log(), StandardCharsets.UTF_8);
        lines.remove(5);
        rewrite(day.log(), String.join("\n", lines) + "\n");

        DayVerification verdict = lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY);
        assertThat(verdict.problemKinds()).containsExactly(SealProblem.Kind.TRUNCATED);
        assertThat(verdict.problems().getFirst().detail()).contains((lines.size()) + " lines");
        assertThat(OutsideTools.sha256sum(day.log()))
                .isNotEqualTo(OutsideTools.statementValue(day.seal(), "File-SHA-256"));
        assertLogMismatchInScript();
    }

    @Test
    void anAppendedLineIsCaught() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        Files.writeString(day.log(), MIDDLE + "T23:59:59.999Z 192.0.2.7 <134>1 forged line\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        DayVerification verdict = lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY);
        assertThat(verdict.problemKinds()).containsExactly(SealProblem.Kind.EXTENDED);
        assertThat(verdict.problems().getFirst().detail()).contains("1 lines were added");
        assertThat(OutsideTools.sha256sum(day.log()))
                .isNotEqualTo(OutsideTools.statementValue(day.seal(), "File-SHA-256"));
        assertLogMismatchInScript();
    }

    @Test
    void aDeletedDayInTheMiddleOfTheChainIsCaught() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        for (Path file : List.of(day.log(), day.seal(), day.signature(), day.timeStamp())) {
            Files.delete(file);
        }
        DayFiles next = lab.dayFiles(SealLab.DEVICE, MIDDLE.plusDays(1));

        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.MISSING_DAY);
        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE.plusDays(1), TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.MISSING_DAY);
        // the auditor follows the next day's link and finds no such seal file
        String linked = OutsideTools.statementValue(next.seal(), "Previous-Seal-Day");
        assertThat(linked).isEqualTo(MIDDLE.toString());
        assertThat(OutsideTools.sha256sum(next.folder().resolve(linked + ".seal"))).startsWith("sha256sum failed");
        OutsideTools.Result script = script();
        assertThat(script.succeeded()).isFalse();
        assertThat(script.output()).contains("2025-03-04 FAILED: CHAIN-BROKEN(links-to-2025-03-03,previous-seal-here-is-2025-03-02)"
                + " CHAIN-BROKEN(2025-03-03.seal-missing-or-changed)");
    }

    @Test
    void aStatementResignedWithAForeignKeyIsCaught() throws Exception {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        // the forger has a key of their own, under the same name as the appliance's
        ApplianceSigningKey foreign = ApplianceSigningKey.loadOrCreate(root.resolve("forger"), SealLab.PASSWORD, "lab");
        rewrite(day.log(), Files.readString(day.log()).replace("allow", "deny!"));
        SealStatement sealed = SealStatement.parse(Files.readAllBytes(day.seal()));
        LogFileFacts forged = LogFileFacts.of(day.log());
        SealStatement statement = new SealStatement(sealed.device(), sealed.day(), sealed.zone(), sealed.fileName(),
                forged.size(), forged.lineCount(), forged.sha256(), sealed.previous(), sealed.sealedAt(),
                foreign.fingerprint(), sealed.tsaLabel());
        byte[] signature = StatementSignature.sign(statement.toBytes(), foreign, sealed.sealedAt());
        replace(day.seal(), statement.toBytes());
        replace(day.signature(), signature);
        replace(day.timeStamp(), lab.tsaClient.timeStamp(signature).responseBytes());

        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.WRONG_KEY);
        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE.plusDays(1), TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.CHAIN_BROKEN);
        OutsideTools.Result cms = cms(day);
        assertThat(cms.succeeded()).isFalse();
        assertThat(cms.output()).containsIgnoringCase("certificate verify error");
        assertThat(script().output()).contains("2025-03-03 FAILED: BAD-SIGNATURE\n",
                "2025-03-04 FAILED: CHAIN-BROKEN(2025-03-03.seal-missing-or-changed)");
        assertThat(OutsideTools.statementValue(lab.dayFiles(SealLab.DEVICE, MIDDLE.plusDays(1)).seal(),
                "Previous-Seal-SHA-256")).isNotEqualTo(OutsideTools.sha256sum(day.seal()));
    }

    @Test
    void aTimeStampFromAnotherDayIsCaught() throws IOException {
        DayFiles day = lab.dayFiles(SealLab.DEVICE, MIDDLE);
        replace(day.timeStamp(), Files.readAllBytes(lab.dayFiles(SealLab.DEVICE, MIDDLE.minusDays(1)).timeStamp()));

        assertThat(lab.verifyDay(SealLab.DEVICE, MIDDLE, TODAY).problemKinds())
                .containsExactly(SealProblem.Kind.TOKEN_MISMATCH);
        OutsideTools.Result ts = ts(day);
        assertThat(ts.succeeded()).isFalse();
        assertThat(ts.output()).contains("message imprint mismatch");
        assertThat(script().output()).contains("2025-03-03 FAILED: BAD-TIMESTAMP\n");
    }

    private void assertLogMismatchInScript() throws IOException {
        OutsideTools.Result script = script();
        assertThat(script.succeeded()).isFalse();
        assertThat(script.output()).contains("2025-03-03 FAILED: LOG-DOES-NOT-MATCH\n", "2025-03-04 OK");
    }

    private OutsideTools.Result script() throws IOException {
        return OutsideTools.auditorScript(lab.dayFiles(SealLab.DEVICE, FIRST).folder(), lab.key.certificateFile(),
                lab.tsa.rootCertificateFile(), lab.tsa.certificateFile());
    }

    private boolean otherDaysOk() throws IOException {
        return lab.verify(SealLab.DEVICE, TODAY).days().stream()
                .filter(verdict -> !verdict.day().equals(MIDDLE))
                .allMatch(DayVerification::ok);
    }

    private OutsideTools.Result cms(DayFiles day) throws IOException {
        return OutsideTools.cmsVerify(day, lab.key.certificateFile());
    }

    private OutsideTools.Result ts(DayFiles day) throws IOException {
        return OutsideTools.tsVerify(day, lab.tsa.rootCertificateFile(), lab.tsa.certificateFile());
    }

    private static void rewrite(Path file, String content) throws IOException {
        replace(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void replace(Path file, byte[] content) throws IOException {
        Files.delete(file);
        Files.write(file, content);
    }
}
