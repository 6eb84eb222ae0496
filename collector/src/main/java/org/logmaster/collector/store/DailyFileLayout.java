package org.logmaster.collector.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.logmaster.collector.enrich.DeviceId;

/**
 * Where daily files live: {@code <data>/logs/<device-id>/<yyyy-MM-dd>.log}, the day being the
 * arrival day in the appliance's zone. Only {@link DeviceId}s become path segments, and every
 * resolved path is checked to stay inside {@code <data>/logs}, symbolic links included, so
 * neither a crafted name nor a planted link can make the collector write elsewhere.
 */
public final class DailyFileLayout {
    private static final Pattern DAY_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.log");
    private static final String SUFFIX = ".log";

    private final Path dataDir;
    private final Path logsDir;
    private final ZoneId zone;

    public DailyFileLayout(Path dataDir, ZoneId zone) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.logsDir = this.dataDir.resolve("logs");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The layout with days in the system's default zone. */
    public static DailyFileLayout inSystemZone(Path dataDir) {
        return new DailyFileLayout(dataDir, ZoneId.systemDefault());
    }

    public Path dataDir() { return dataDir; }
    public Path logsDir() { return logsDir; }
    public ZoneId zone() { return zone; }

    /** The day (in the appliance's zone) whose file a message that arrived at {@code arrival} goes to. */
    public LocalDate dayOf(Instant arrival) {
        return LocalDate.ofInstant(arrival, zone);
    }

    public Path deviceDir(DeviceId device) throws IOException {
        return checkedInside(logsDir.resolve(device.value()));
    }

    /** The daily file of a device and day (it may not exist yet). */
    public Path fileFor(DeviceDay deviceDay) throws IOException {
        Path file = deviceDir(deviceDay.device()).resolve(deviceDay.day() + SUFFIX);
        if (Files.isSymbolicLink(file)) {
            throw new PathEscapeException(file, "daily files must be regular files, not symbolic links");
        }
        return checkedInside(file);
    }

    /** Devices that have a folder, in name order; entries that are not valid device ids are ignored. */
    public List<DeviceId> devices() throws IOException {
        List<DeviceId> devices = new ArrayList<>();
        for (Path entry : list(logsDir)) {
            String name = entry.getFileName().toString();
            if (DeviceId.isValid(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                devices.add(new DeviceId(name));
            }
        }
        devices.sort(Comparator.comparing(DeviceId::value));
        return devices;
    }

    /** The days a device has a file for, oldest first; other files in its folder are ignored. */
    public List<LocalDate> days(DeviceId device) throws IOException {
        List<LocalDate> days = new ArrayList<>();
        for (Path entry : list(deviceDir(device))) {
            String name = entry.getFileName().toString();
            if (DAY_FILE.matcher(name).matches() && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    days.add(LocalDate.parse(name.substring(0, name.length() - SUFFIX.length())));
                } catch (DateTimeParseException e) {
                    // looks like a day but is none (2026-13-45.log): not ours
                }
            }
        }
        days.sort(Comparator.naturalOrder());
        return days;
    }

    /** Every daily file, by device then day. */
    public List<DailyFile> files() throws IOException {
        List<DailyFile> files = new ArrayList<>();
        for (DeviceId device : devices()) {
            for (LocalDate day : days(device)) {
                DeviceDay deviceDay = new DeviceDay(device, day);
                files.add(new DailyFile(deviceDay, fileFor(deviceDay)));
            }
        }
        return files;
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return entries;
    }

    /** Rejects a path that leaves the logs folder lexically or through a symbolic link on the way. */
    private Path checkedInside(Path path) throws IOException {
        Path normalized = path.normalize();
        if (!normalized.startsWith(logsDir) || normalized.equals(logsDir)) {
            throw new PathEscapeException(path, "outside " + logsDir);
        }
        Path existing = normalized;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && existing.startsWith(logsDir)) {
            Path realLogs = logsDir.toRealPath();
            if (!existing.toRealPath().startsWith(realLogs)) {
                throw new PathEscapeException(path, "a symbolic link leads outside " + logsDir);
            }
        }
        return normalized;
    }

    /** A path that would leave the data folder. */
    public static final class PathEscapeException extends IOException {
        PathEscapeException(Path path, String why) {
            super("refusing path " + path + ": " + why);
        }
    }
}
