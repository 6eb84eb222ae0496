package org.logmaster.collector.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.logmaster.collector.audit.AuditEvent;
import org.logmaster.collector.audit.AuditTrail;
import org.logmaster.collector.compliance.SealRecord;
import org.logmaster.collector.compliance.SealRecords;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.seal.LogFileFacts;
import org.logmaster.collector.seal.SealFiles;
import org.logmaster.collector.seal.SealStatement;
import org.logmaster.collector.seal.SealedDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ages closed days: compresses sealed days after a while, deletes days after the retention
 * period.
 *
 * <p>Compression writes {@code <day>.log.gz} beside the log, checks that its uncompressed bytes
 * have exactly the size and SHA-256 the seal states, and only then removes {@code <day>.log}; a
 * day whose log no longer matches its seal is left alone (verification reports it). The seal
 * files are never touched, and the seal keeps describing the original bytes:
 * {@code gunzip -c <day>.log.gz | sha256sum} prints the sealed digest.
 *
 * <p>Deletion removes only the daily file, leaves the seal files (so the chain of later days
 * still verifies) and a {@code <day>.log.expired} note, and appends an audit entry with the
 * day's sealed digest. Unsealed days are never deleted unless the policy says so explicitly.
 */
public final class DayArchive {
    public static final String DELETE_ACTION = "collector.retention.delete";
    private static final Logger LOG = LoggerFactory.getLogger(DayArchive.class);

    private final Path dataDir;
    private final ZoneId zone;
    private final ArchivePolicy policy;
    private final SealRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    /** @param records the seals index to keep up to date, or null when there is none */
    public DayArchive(Path dataDir, ZoneId zone, ArchivePolicy policy, SealRecords records, AuditTrail audit,
                      Clock clock) {
        this.dataDir = dataDir;
        this.zone = zone;
        this.policy = policy;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** One pass over every device. */
    public ArchiveRun run() throws IOException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate deleteBefore = today.minusDays(policy.retentionDays());
        LocalDate compressBefore = policy.compressAfterDays() == 0 ? LocalDate.MIN
                : today.minusDays(policy.compressAfterDays());
        List<ArchiveRun.DeviceDay> compressed = new ArrayList<>();
        List<ArchiveRun.DeviceDay> deleted = new ArrayList<>();
        List<ArchiveRun.DeviceDay> kept = new ArrayList<>();
        List<ArchiveRun.Failure> failures = new ArrayList<>();
        for (DeviceId device : SealFiles.devices(dataDir)) {
            TreeSet<LocalDate> sealed = SealFiles.sealedDays(dataDir, device);
            for (LocalDate day : SealFiles.logDays(dataDir, device).headSet(today, false)) {
                ArchiveRun.DeviceDay id = new ArchiveRun.DeviceDay(device, day);
                try {
                    if (day.isBefore(deleteBefore)) {
                        if (sealed.contains(day) || policy.deleteUnsealed()) {
                            delete(device, day, sealed.contains(day));
                            deleted.add(id);
                        } else {
                            LOG.warn("{} is past its retention period but not sealed: kept (archive.delete-unsealed"
                                    + " is false)", id);
                            kept.add(id);
                        }
                    } else if (day.isBefore(compressBefore) && sealed.contains(day)
                            && Files.exists(SealFiles.log(dataDir, device, day))) {
                        compress(device, day).ifPresentOrElse(reason -> failures.add(new ArchiveRun.Failure(id, reason)),
                                () -> compressed.add(id));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.error("archiving {} failed: {}", id, e.toString());
                    failures.add(new ArchiveRun.Failure(id, e.toString()));
                }
            }
        }
        return new ArchiveRun(compressed, deleted, kept, failures);
    }

    /** @return why the day was left uncompressed, or empty when it was compressed */
    private Optional<String> compress(DeviceId device, LocalDate day) throws IOException {
        Path log = SealFiles.log(dataDir, device, day);
        Path gz = SealFiles.compressedLog(dataDir, device, day);
        SealStatement statement = SealFiles.read(dataDir, device, day).map(SealedDay::statement).orElseThrow();
        if (!Files.exists(gz)) {
            Path temp = Files.createTempFile(log.getParent(), "." + day + ".log.", ".gz");
            try {
                try (InputStream in = Files.newInputStream(log);
                     OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                    in.transferTo(out);
                }
                force(temp);
                Optional<String> mismatch = mismatch(temp, statement);
                if (mismatch.isPresent()) {
                    return Optional.of("not compressed: " + log.getFileName() + " " + mismatch.get());
                }
                Files.move(temp, gz);
                force(log.getParent());
            } finally {
                Files.deleteIfExists(temp);
            }
        } else {
            // an earlier pass stopped between writing the .gz and removing the log: check it again
            Optional<String> mismatch = mismatch(gz, statement);
            if (mismatch.isPresent()) {
                return Optional.of(gz.getFileName() + " exists beside the log but " + mismatch.get()
                        + "; both are kept");
            }
        }
        Files.delete(log);
        force(log.getParent());
        if (records != null) records.recordStorage(device, day, SealRecord.GZIP);
        LOG.info("compressed {} {} ({} bytes sealed)", device, day, statement.fileSize());
        return Optional.empty();
    }

    private static Optional<String> mismatch(Path gz, SealStatement statement) throws IOException {
        LogFileFacts facts = LogFileFacts.of(gz);
        if (facts.size() != statement.fileSize() || !facts.sha256().equals(statement.fileSha256())) {
            return Optional.of("does not match its seal (" + facts.size() + " bytes, SHA-256 " + facts.sha256()
                    + "; sealed " + statement.fileSize() + " bytes, " + statement.fileSha256() + ")");
        }
        return Optional.empty();
    }

    private void delete(DeviceId device, LocalDate day, boolean sealed) throws IOException {
        Instant now = clock.instant();
        String facts = sealed ? SealFiles.read(dataDir, device, day).map(s -> "sealed SHA-256 "
                + s.statement().fileSha256() + ", " + s.statement().lineCount() + " lines").orElse("sealed")
                : "NOT sealed, deleted because archive.delete-unsealed is true";
        Path marker = SealFiles.expiredMarker(dataDir, device, day);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "deleted " + now + " after the retention period of " + policy.retentionDays()
                    + " days; " + facts + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        Files.deleteIfExists(SealFiles.log(dataDir, device, day));
        Files.deleteIfExists(SealFiles.compressedLog(dataDir, device, day));
        force(marker.getParent());
        if (records != null && sealed) records.recordStorage(device, day, SealRecord.DELETED);
        audit.append(new AuditEvent(null, null, DELETE_ACTION, device.value() + " " + day, AuditEvent.OK,
                "retention " + policy.retentionDays() + " days; " + facts));
        LOG.info("deleted {} {} after the retention period ({})", device, day, facts);
    }

    private static void force(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot sync a directory; the file contents were forced already
        }
    }
}
