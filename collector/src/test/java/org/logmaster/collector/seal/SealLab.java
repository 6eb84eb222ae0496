package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.logmaster.collector.enrich.DeviceId;

/**
 * A sealing set-up in a temporary folder, as an appliance has it: an appliance key, the built-in
 * TSA serving on a loopback port, a data folder with daily files written as plain text lines.
 */
final class SealLab implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final char[] PASSWORD = "lab-password".toCharArray();
    static final DeviceId DEVICE = new DeviceId("fw-01");

    final Path dataDir;
    final ApplianceSigningKey key;
    final BuiltInTsa tsa;
    final TimeStampClient tsaClient;
    final DailySealer sealer;

    SealLab(Path root) throws IOException {
        dataDir = root.resolve("data");
        key = ApplianceSigningKey.loadOrCreate(root.resolve("keys"), PASSWORD, "lab");
        tsa = BuiltInTsa.loadOrCreate(root.resolve("tsa"), PASSWORD);
        tsa.start(0);
        tsaClient = tsa.client();
        sealer = new DailySealer(key, tsaClient, Clock.systemUTC());
    }

    /** Writes a daily file of {@code lines} messages the way the store does: one line each, LF-terminated. */
    Path writeDay(DeviceId device, LocalDate day, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(day).append("T10:").append(String.format("%02d", i % 60)).append(":00.000Z 192.0.2.7 ")
                    .append("<134>1 ").append(day).append(" fw-01 kernel - - - allow src=10.0.0.").append(i % 250)
                    .append(" dst=198.51.100.1 user=ayşe n=").append(i).append('\n');
        }
        Path file = dayFiles(device, day).log();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }

    DayFiles dayFiles(DeviceId device, LocalDate day) {
        return new DayFiles(dataDir.resolve("logs").resolve(device.value()), day);
    }

    SealVerifier verifier() {
        return new SealVerifier(List.of(key.certificate()), List.of(tsa.rootCertificate()));
    }

    DeviceVerification verify(DeviceId device, LocalDate today) throws IOException {
        return verifier().verifyDevice(dataDir, device, ZONE, today);
    }

    DayVerification verifyDay(DeviceId device, LocalDate day, LocalDate today) throws IOException {
        return verify(device, today).days().stream().filter(d -> d.day().equals(day)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + day));
    }

    @Override
    public void close() {
        tsaClient.close();
        tsa.close();
    }
}
