package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigLoader;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.SealEnvironment;
import org.logmaster.collector.service.SealSetup;
import org.logmaster.collector.store.DailyLine;

/**
 * The legal path end to end with the built-in TSA: `logger` sends to the running collector, the
 * day is sealed, openssl verifies the seal on its own, and `verify` names a changed byte. A day
 * that ended while the collector was down is sealed by the collector itself when it starts.
 */
class SealEndToEndTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    @TempDir
    Path data;

    @Test
    void aDaySentWithLoggerIsSealedAndVerifiedByOpensslAndByVerify() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        Path log;
        try (CollectorProcess collector = CollectorProcess.start(data)) {
            Logger.send(collector.udpPort, "-d", "--rfc5424", "-t", "sealtest", "-p", "auth.notice", marker);
            List<DailyLine> lines = new DailyFiles(data).await(all -> all.stream().anyMatch(l ->
                    DailyFiles.indexOf(l.raw(), marker.getBytes(StandardCharsets.UTF_8)) >= 0), Duration.ofSeconds(30));
            assertThat(lines).isNotEmpty();
            collector.stop();
            log = onlyLog();
        }
        // today's file is closed once the day is over: seal it as the collector will after midnight
        CollectorConfig config = new ConfigLoader().load(data.resolve("collector.yaml"));
        DeviceId device = new DeviceId(log.getParent().getFileName().toString());
        LocalDate day = LocalDate.parse(log.getFileName().toString().substring(0, 10));
        Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
        try (SealEnvironment seals = SealSetup.open(config)) {
            seals.sealer(tomorrow).sealDay(data, device, day, ZONE);
        }
        Path keys = data.resolve("keys/seal");
        Path folder = log.getParent();
        assertThat(run(folder, "openssl", "cms", "-verify", "-binary", "-content", day + ".seal", "-in", day + ".seal.p7s",
                "-inform", "DER", "-CAfile", keys.resolve("appliance.pem").toString(), "-purpose", "any", "-out",
                "/dev/null")).contains("Verification successful");
        assertThat(run(folder, "openssl", "ts", "-verify", "-data", day + ".seal.p7s", "-in", day + ".seal.tsr",
                "-CAfile", keys.resolve("tsa-root.pem").toString(), "-untrusted", keys.resolve("tsa.pem").toString()))
                .contains("Verification: OK");
        assertThat(run(folder, "sha256sum", day + ".log")).startsWith(Files.readAllLines(folder.resolve(day + ".seal"))
                .stream().filter(l -> l.startsWith("File-SHA-256: ")).findFirst().orElseThrow().substring(14));

        CollectorProcess.CliRun verified = cli("verify");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.seek(file.length() - 5);
            int b = file.read();
            file.seek(file.length() - 5);
            file.write(b ^ 1);
        }
        CollectorProcess.CliRun tampered = cli("verify");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).contains(device + " " + day + " CHANGED");
    }

    @Test
    void aDayThatEndedWhileTheCollectorWasDownIsSealedAtStart() throws Exception {
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        Path missed = data.resolve("logs/fw-missed/" + yesterday + ".log");
        Files.createDirectories(missed.getParent());
        Files.writeString(missed, yesterday + "T10:00:00.000Z 192.0.2.9 <13>1 - fw - - - - written before the stop\n");
        try (CollectorProcess collector = CollectorProcess.start(data)) {
            Path seal = missed.resolveSibling(yesterday + ".seal");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(seal) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(seal).exists();
            assertThat(collector.isAlive()).isTrue();
        }
        assertThat(cli("verify", "--device", "fw-missed").exitCode()).isZero();
    }

    private Path onlyLog() throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("logs"))) {
            List<Path> logs = files.filter(f -> f.toString().endsWith(".log")).toList();
            assertThat(logs).hasSize(1);
            return logs.getFirst();
        }
    }

    private CollectorProcess.CliRun cli(String... args) throws Exception {
        List<String> cmd = CollectorProcess.command(args);
        cmd.add("--config");
        cmd.add(data.resolve("collector.yaml").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CollectorProcess.CliRun(p.exitValue(), out);
    }

    private static String run(Path folder, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
