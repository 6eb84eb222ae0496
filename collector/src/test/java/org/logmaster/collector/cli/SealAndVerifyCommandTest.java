package org.logmaster.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.compliance.DayLogs;

/** {@code seal} and {@code verify} as an operator runs them, on an embedded index and the built-in TSA. */
class SealAndVerifyCommandTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    @TempDir
    Path root;
    private Path config;
    private Path data;
    private final LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
    private final LocalDate dayBefore = yesterday.minusDays(1);

    @BeforeEach
    void writeConfiguration() throws Exception {
        data = root.resolve("data");
        config = root.resolve("collector.yaml");
        Files.writeString(config, "data-dir: " + data + "\ntime-zone: Europe/Istanbul\n");
        DayLogs.write(data, "fw-01", dayBefore, 4);
        DayLogs.write(data, "fw-01", yesterday, 6);
    }

    private CommandRun seal(LocalDate day) {
        return CommandRun.of("seal", "-c", config.toString(), "--day", day.toString(), "--device", "fw-01");
    }

    private CommandRun verify() {
        return CommandRun.of("verify", "-c", config.toString());
    }

    @Test
    void sealedDaysVerify() {
        assertThat(seal(dayBefore).exitCode()).isZero();
        CommandRun sealed = seal(yesterday);
        assertThat(sealed.exitCode()).isZero();
        assertThat(sealed.output()).contains("sealed, 6 lines");
        CommandRun verified = verify();
        assertThat(verified.output()).contains("OK: 2 sealed days verify");
        assertThat(verified.exitCode()).isZero();
    }

    @Test
    void aChangedByteFailsAndIsNamed() throws Exception {
        seal(dayBefore);
        seal(yesterday);
        try (RandomAccessFile file = new RandomAccessFile(data.resolve("logs/fw-01/" + yesterday + ".log").toFile(), "rw")) {
            file.seek(40);
            int b = file.read();
            file.seek(40);
            file.write(b ^ 1);
        }
        CommandRun verified = verify();
        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.output()).contains("FAILED").contains("fw-01 " + yesterday + " CHANGED");
    }

    @Test
    void aRemovedDayFailsAndIsNamed() throws Exception {
        seal(dayBefore);
        seal(yesterday);
        for (String suffix : new String[] {".log", ".seal", ".seal.p7s", ".seal.tsr"}) {
            Files.delete(data.resolve("logs/fw-01/" + dayBefore + suffix));
        }
        CommandRun verified = verify();
        assertThat(verified.exitCode()).isEqualTo(1);
        assertThat(verified.output()).contains("MISSING_DAY");
    }

    private Path dayFile(LocalDate day, String suffix) {
        return data.resolve("logs/fw-01/" + day + suffix);
    }

    private void assertVerifyNames(String kind) {
        CommandRun verified = verify();
        assertThat(verified.exitCode()).as(verified.output()).isEqualTo(1);
        assertThat(verified.output()).contains("FAILED").contains(kind);
    }

    @Test
    void aTruncatedFileFailsAndIsNamed() throws Exception {
        seal(yesterday);
        Path log = dayFile(yesterday, ".log");
        byte[] bytes = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        assertVerifyNames("TRUNCATED");
    }

    @Test
    void anExtendedFileFailsAndIsNamed() throws Exception {
        seal(yesterday);
        Files.writeString(dayFile(yesterday, ".log"), "added later\n", java.nio.file.StandardOpenOption.APPEND);
        assertVerifyNames("EXTENDED");
    }

    @Test
    void aSwappedTimeStampFailsAndIsNamed() throws Exception {
        seal(yesterday);
        Path tsr = dayFile(yesterday, ".seal.tsr");
        Path other = dayFile(dayBefore, ".seal.tsr");
        Path aside = root.resolve("aside.tsr");
        Files.move(tsr, aside);
        Files.move(other, tsr);
        Files.move(aside, other);
        assertVerifyNames("TOKEN_MISMATCH");
    }

    @Test
    void aSignatureByAForeignKeyFailsAndIsNamed() throws Exception {
        seal(yesterday);
        try (var foreign = org.logmaster.collector.seal.SealEnvironment.withBuiltInTsa(root.resolve("foreign"),
                "x".toCharArray(), "impostor")) {
            byte[] statement = Files.readAllBytes(dayFile(yesterday, ".seal"));
            Files.write(dayFile(yesterday, ".seal.p7s"), foreign.signDetached(statement, java.time.Instant.now()));
        }
        assertVerifyNames("WRONG_KEY");
    }

    @Test
    void sealingADaySealsTheUnsealedDaysBeforeItFirst() {
        CommandRun sealed = seal(yesterday);
        assertThat(sealed.exitCode()).isZero();
        assertThat(sealed.output()).contains("fw-01 " + dayBefore + ": sealed").contains("fw-01 " + yesterday + ": sealed");
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    void aDayThatIsNotOverCannotBeSealed() {
        CommandRun run = seal(LocalDate.now(ZONE));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("NOT sealed").contains("not closed yet");
    }

    @Test
    void aBadDayIsABadArgument() {
        assertThat(CommandRun.of("seal", "-c", config.toString(), "--day", "28.11.2026").exitCode()).isEqualTo(2);
    }

    @Test
    void initCreatesTheSealKey() {
        Path initConfig = root.resolve("init.yaml");
        CommandRun run = CommandRun.of("init", "-c", initConfig.toString(), "--data-dir", root.resolve("fresh").toString(),
                "--time-zone", "UTC");
        assertThat(run.exitCode()).isZero();
        assertThat(root.resolve("fresh/keys/seal/appliance.pem")).exists();
        assertThat(root.resolve("fresh/keys/seal/tsa-root.pem")).exists();
        assertThat(run.output()).contains("seal-signing certificate");
    }

    @Test
    void exportWritesABundleWhoseManifestVerifiesAndIsAudited() throws Exception {
        seal(dayBefore);
        seal(yesterday);
        Path zip = root.resolve("case.zip");
        CommandRun run = CommandRun.of("export", "-c", config.toString(), "--case", "2026/7", "--requester", "court",
                "--reason", "test", "--from", dayBefore.atStartOfDay(ZONE).toInstant().toString(),
                "--to", yesterday.plusDays(1).atStartOfDay(ZONE).toInstant().toString(), "-o", zip.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("2 days");
        Path folder = Files.createDirectories(root.resolve("unzipped"));
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toString()).directory(folder.toFile()).start();
        assertThat(unzip.waitFor()).isZero();
        Process cms = new ProcessBuilder("/bin/sh", "-c", "openssl cms -verify -binary -content manifest.json"
                + " -in META-INF/signature.p7s -inform DER -CAfile certificates/appliance.pem -purpose any -out /dev/null")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        assertThat(cms.waitFor()).isZero();
        CommandRun audit = CommandRun.of("verify-audit", "-c", config.toString());
        assertThat(audit.output()).contains("audit trail intact: 1 entries");
    }

    @Test
    void exportRefusesToOverwriteAFile() throws Exception {
        Path zip = Files.writeString(root.resolve("taken.zip"), "x");
        CommandRun run = CommandRun.of("export", "-c", config.toString(), "--case", "1", "--requester", "r",
                "--reason", "r", "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-02T00:00:00Z", "-o", zip.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.readString(zip)).isEqualTo("x");
    }
}
