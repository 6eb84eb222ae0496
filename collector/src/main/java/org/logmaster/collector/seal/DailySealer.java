package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.logmaster.collector.enrich.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals closed days of the daily files under {@code <data>/logs/<device-id>/}.
 *
 * <p>For a day it writes, beside {@code <day>.log}: {@code <day>.seal.p7s} (CMS signature of the
 * statement), {@code <day>.seal.tsr} (RFC 3161 response over the {@code .p7s} bytes) and, last,
 * {@code <day>.seal} (the statement). The statement's presence is what makes a day sealed, so a
 * crash half-way leaves a day that is simply still unsealed; any leftover signature files of
 * such an attempt are renamed aside ({@code .abandoned-<millis>}), never reused or deleted.
 * Nothing is ever overwritten.
 *
 * <p>Each device's seals form a chain: a statement names the previous sealed day of that device
 * and the SHA-256 of its statement file. Days are therefore sealed oldest first, and a device's
 * pass stops at its first failure (say, the TSA is unreachable), to go on from there next time.
 */
public final class DailySealer {
    private static final Logger LOG = LoggerFactory.getLogger(DailySealer.class);

    private final ApplianceSigningKey key;
    private final TimeStampSource tsa;
    private final Clock clock;

    public DailySealer(ApplianceSigningKey key, TimeStampSource tsa, Clock clock) {
        this.key = key;
        this.tsa = tsa;
        this.clock = clock;
    }

    /**
     * Seals, for every device under {@code <dataDir>/logs}, every day before {@code today} that has
     * a daily file and no seal yet and comes after the device's latest seal, oldest first. This
     * also catches up days missed while the collector was down.
     */
    public synchronized SealRun sealClosedDays(Path dataDir, ZoneId zone, LocalDate today) {
        List<SealedDay> sealed = new ArrayList<>();
        List<SealRun.Failure> failures = new ArrayList<>();
        for (DeviceId device : devices(dataDir, failures)) {
            sealDevice(dataDir, device, zone, today, sealed, failures);
        }
        return new SealRun(sealed, failures);
    }

    /**
     * Seals one closed day of one device. The day must have ended in {@code zone}, have a daily
     * file, and come after the device's latest sealed day (a seal cannot be slipped into the
     * chain behind a later one).
     */
    public synchronized SealedDay sealDay(Path dataDir, DeviceId device, LocalDate day, ZoneId zone)
            throws SealException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (!day.isBefore(today)) {
            throw new SealException(device + " " + day + " is not closed yet in " + zone + " (today is " + today + ")");
        }
        Path folder = deviceFolder(dataDir, device);
        try {
            TreeSet<LocalDate> sealedDays = DayFiles.days(folder, DayFiles.SEAL);
            LocalDate later = sealedDays.higher(day);
            if (later != null) {
                throw new SealException(device + " " + day + " cannot be sealed: the later day " + later
                        + " is already sealed");
            }
            return seal(device, new DayFiles(folder, day), zone, Optional.ofNullable(sealedDays.lower(day))
                    .map(previous -> new DayFiles(folder, previous)));
        } catch (IOException e) {
            throw new SealException("cannot seal " + device + " " + day + ": " + e.getMessage(), e);
        }
    }

    private void sealDevice(Path dataDir, DeviceId device, ZoneId zone, LocalDate today, List<SealedDay> sealed,
                            List<SealRun.Failure> failures) {
        Path folder = deviceFolder(dataDir, device);
        TreeSet<LocalDate> logDays;
        TreeSet<LocalDate> sealedDays;
        try {
            logDays = DayFiles.days(folder, DayFiles.LOG);
            sealedDays = DayFiles.days(folder, DayFiles.SEAL);
        } catch (IOException e) {
            failures.add(new SealRun.Failure(device, today, "cannot list " + folder + ": " + e.getMessage()));
            return;
        }
        Optional<LocalDate> latestSeal = sealedDays.isEmpty() ? Optional.empty() : Optional.of(sealedDays.last());
        Optional<DayFiles> previous = latestSeal.map(day -> new DayFiles(folder, day));
        for (LocalDate day : logDays.headSet(today, false)) {
            if (sealedDays.contains(day)) {
                continue;
            }
            if (latestSeal.isPresent() && day.isBefore(latestSeal.get())) {
                failures.add(new SealRun.Failure(device, day, "left unsealed: the later day " + latestSeal.get()
                        + " is already sealed, and a seal cannot be inserted into the chain behind it"));
                continue;
            }
            try {
                SealedDay result = seal(device, new DayFiles(folder, day), zone, previous);
                sealed.add(result);
                previous = Optional.of(new DayFiles(folder, day));
            } catch (SealException | IOException e) {
                LOG.error("sealing {} {} failed; later days of this device wait for it: {}", device, day,
                        e.getMessage());
                failures.add(new SealRun.Failure(device, day, e.getMessage()));
                return;
            }
        }
    }

    private SealedDay seal(DeviceId device, DayFiles files, ZoneId zone, Optional<DayFiles> previous)
            throws IOException, SealException {
        if (!Files.isRegularFile(files.log())) {
            throw new SealException("no daily file " + files.log());
        }
        if (files.isSealed()) {
            throw new SealException(files.seal() + " already exists");
        }
        setAsideLeftovers(files);
        LogFileFacts facts = LogFileFacts.of(files.log());
        Optional<SealStatement.PreviousSeal> link = Optional.empty();
        if (previous.isPresent()) {
            byte[] previousStatement = Files.readAllBytes(previous.get().seal());
            link = Optional.of(new SealStatement.PreviousSeal(previous.get().day(),
                    Sha256.hexDigest(previousStatement)));
        }
        Instant now = clock.instant();
        SealStatement statement = new SealStatement(device, files.day(), zone, files.log().getFileName().toString(),
                facts.size(), facts.lineCount(), facts.sha256(), link, now, key.fingerprint(), tsa.label());
        byte[] statementBytes = statement.toBytes();
        byte[] signature = StatementSignature.sign(statementBytes, key, now);
        TimeStampReply stamp;
        try {
            stamp = tsa.timeStamp(signature);
        } catch (TimeStampException e) {
            throw new SealException("no time stamp for " + device + " " + files.day() + ": " + e.getMessage(), e);
        }
        AtomicFiles.createNew(files.signature(), signature, AtomicFiles.WORLD_READABLE);
        AtomicFiles.createNew(files.timeStamp(), stamp.responseBytes(), AtomicFiles.WORLD_READABLE);
        AtomicFiles.createNew(files.seal(), statementBytes, AtomicFiles.WORLD_READABLE);
        LOG.info("sealed {} {}: {} lines, {} bytes, time-stamped {} by {}", device, files.day(), facts.lineCount(),
                facts.size(), stamp.time(), tsa.label());
        return new SealedDay(statement, files.seal(), Sha256.hexDigest(statementBytes),
                stamp.time());
    }

    /** Signature files without a statement are from an attempt that did not finish; keep them, out of the way. */
    private void setAsideLeftovers(DayFiles files) throws IOException {
        for (Path leftover : List.of(files.signature(), files.timeStamp())) {
            if (Files.exists(leftover)) {
                Path aside = leftover.resolveSibling(leftover.getFileName() + ".abandoned-" + clock.millis());
                Files.move(leftover, aside);
                LOG.warn("set aside {} from an unfinished sealing attempt as {}", leftover, aside.getFileName());
            }
        }
    }

    private static Path deviceFolder(Path dataDir, DeviceId device) {
        return dataDir.resolve("logs").resolve(device.value());
    }

    private static List<DeviceId> devices(Path dataDir, List<SealRun.Failure> failures) {
        Path logs = dataDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(logs)) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> {
                        if (!DeviceId.isValid(name)) {
                            LOG.warn("ignoring {} under {}: not a device id", name, logs);
                        }
                        return DeviceId.isValid(name);
                    })
                    .sorted()
                    .map(DeviceId::new)
                    .toList();
        } catch (IOException e) {
            LOG.error("cannot list devices under {}", logs, e);
            failures.add(new SealRun.Failure(null, null, "cannot list " + logs + ": " + e.getMessage()));
            return List.of();
        }
    }
}
