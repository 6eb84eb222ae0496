package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.logmaster.collector.enrich.DeviceId;

/** Read-only access to the seal files of a data folder, for status and records (no log is hashed). */
public final class SealFiles {
    private SealFiles() {
    }

    /** Every device with a folder under {@code <dataDir>/logs}, by id; folders that are not device ids are skipped. */
    public static List<DeviceId> devices(Path dataDir) throws IOException {
        Path logs = dataDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> folders = Files.list(logs)) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                    .filter(DeviceId::isValid).sorted().map(DeviceId::new).toList();
        }
    }

    /** The folder of a device's daily files and seals. */
    public static Path deviceFolder(Path dataDir, DeviceId device) {
        return dataDir.resolve("logs").resolve(device.value());
    }

    /** Days of a device that have a seal statement, oldest first. */
    public static TreeSet<LocalDate> sealedDays(Path dataDir, DeviceId device) throws IOException {
        Path folder = deviceFolder(dataDir, device);
        return Files.isDirectory(folder) ? DayFiles.days(folder, DayFiles.SEAL) : new TreeSet<>();
    }

    /** Days of a device that have a daily file (plain or compressed), oldest first. */
    public static TreeSet<LocalDate> logDays(Path dataDir, DeviceId device) throws IOException {
        Path folder = deviceFolder(dataDir, device);
        return Files.isDirectory(folder) ? DayFiles.days(folder, DayFiles.LOG, DayFiles.LOG_GZ) : new TreeSet<>();
    }

    /** The files of one day: the log (or its .gz), then .seal, .seal.p7s, .seal.tsr, those that exist. */
    public static List<Path> dayFiles(Path dataDir, DeviceId device, LocalDate day) {
        DayFiles files = new DayFiles(deviceFolder(dataDir, device), day);
        return java.util.stream.Stream.of(files.log(), files.compressedLog(), files.seal(), files.signature(),
                files.timeStamp()).filter(Files::exists).toList();
    }

    /** {@code <day>.log}: the daily file as the store writes it. */
    public static Path log(Path dataDir, DeviceId device, LocalDate day) {
        return new DayFiles(deviceFolder(dataDir, device), day).log();
    }

    /** {@code <day>.log.gz}: the daily file once the archive has compressed it. */
    public static Path compressedLog(Path dataDir, DeviceId device, LocalDate day) {
        return new DayFiles(deviceFolder(dataDir, device), day).compressedLog();
    }

    /** {@code <day>.log.expired}: says the daily file was deleted after its retention period. */
    public static Path expiredMarker(Path dataDir, DeviceId device, LocalDate day) {
        return new DayFiles(deviceFolder(dataDir, device), day).expiredMarker();
    }

    /** Reads what an existing seal says, without touching the daily file. */
    public static Optional<SealedDay> read(Path dataDir, DeviceId device, LocalDate day) throws IOException {
        DayFiles files = new DayFiles(deviceFolder(dataDir, device), day);
        if (!files.isSealed()) {
            return Optional.empty();
        }
        byte[] statementBytes = Files.readAllBytes(files.seal());
        SealStatement statement = SealStatement.parse(statementBytes);
        Instant tsaTime = null;
        if (Files.exists(files.timeStamp())) {
            try {
                TimeStampToken token = new TimeStampResponse(Files.readAllBytes(files.timeStamp())).getTimeStampToken();
                tsaTime = token == null ? null : token.getTimeStampInfo().getGenTime().toInstant();
            } catch (TSPException | RuntimeException e) {
                tsaTime = null;
            }
        }
        return Optional.of(new SealedDay(statement, files.seal(), Sha256.hexDigest(statementBytes), tsaTime));
    }
}
