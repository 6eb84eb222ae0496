package org.logmaster.collector.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of one device's day: {@code <yyyy-MM-dd>.log} (written by the store), and the seal
 * beside it: {@code .seal} (statement), {@code .seal.p7s} (its CMS signature) and
 * {@code .seal.tsr} (the RFC 3161 response over the signature file).
 */
record DayFiles(Path folder, LocalDate day) {
    static final String LOG = ".log";
    /** A daily file compressed by the archive; its seal describes the uncompressed bytes. */
    static final String LOG_GZ = ".log.gz";
    /** Left by the archive when it deleted the daily file after its retention period (the seal files stay). */
    static final String EXPIRED = ".log.expired";
    static final String SEAL = ".seal";
    static final String SIGNATURE = ".seal.p7s";
    static final String TIME_STAMP = ".seal.tsr";

    Path log() {
        return folder.resolve(day + LOG);
    }

    Path compressedLog() {
        return folder.resolve(day + LOG_GZ);
    }

    Path expiredMarker() {
        return folder.resolve(day + EXPIRED);
    }

    /** The daily file as it is kept now: plain, or compressed by the archive; empty when neither exists. */
    Optional<Path> presentLog() {
        if (Files.exists(log())) return Optional.of(log());
        if (Files.exists(compressedLog())) return Optional.of(compressedLog());
        return Optional.empty();
    }

    boolean isExpired() {
        return Files.exists(expiredMarker());
    }

    Path seal() {
        return folder.resolve(day + SEAL);
    }

    Path signature() {
        return folder.resolve(day + SIGNATURE);
    }

    Path timeStamp() {
        return folder.resolve(day + TIME_STAMP);
    }

    boolean isSealed() {
        return Files.exists(seal());
    }

    /** Every day of the folder that has a file ending in one of {@code suffixes}, oldest first. */
    static TreeSet<LocalDate> days(Path folder, String... suffixes) throws IOException {
        TreeSet<LocalDate> days = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(file -> file.getFileName().toString())
                    .forEach(name -> {
                        for (String suffix : suffixes) {
                            dayOf(name, suffix).ifPresent(days::add);
                        }
                    });
        }
        return days;
    }

    private static Optional<LocalDate> dayOf(String name, String suffix) {
        if (!name.endsWith(suffix) || name.length() != 10 + suffix.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(name.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
