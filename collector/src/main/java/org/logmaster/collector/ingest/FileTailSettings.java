package org.logmaster.collector.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one tailed file.
 *
 * @param name            short name; the listener is called "file:&lt;name&gt;"
 * @param file            the file to follow (rotation renames it and creates a new one under this path)
 * @param deviceId        the device these lines belong to ({@link RawFrame#deviceHint()})
 * @param stateFile       where the read position is kept across restarts
 * @param pollInterval    how often the file is checked for new lines, rotation and truncation
 * @param maxMessageBytes longer lines are cut into frames of this size, counted oversized
 * @param startAtEnd      first start without a state file: skip what the file already holds (true) or
 *                        read it all (false, the default: nothing is missed)
 */
public record FileTailSettings(String name, Path file, String deviceId, Path stateFile, Duration pollInterval,
                               int maxMessageBytes, boolean startAtEnd) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

    public FileTailSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        if (maxMessageBytes < 1) throw new IllegalArgumentException("maxMessageBytes must be positive");
    }

    /** Defaults: checked twice a second, 64 KiB lines, an existing file is read from its start. */
    public static FileTailSettings of(String name, Path file, String deviceId, Path stateFile) {
        return new FileTailSettings(name, file, deviceId, stateFile, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_MESSAGE_BYTES,
                false);
    }

    public FileTailSettings withPollInterval(Duration interval) {
        return new FileTailSettings(name, file, deviceId, stateFile, interval, maxMessageBytes, startAtEnd);
    }

    public FileTailSettings withMaxMessageBytes(int bytes) {
        return new FileTailSettings(name, file, deviceId, stateFile, pollInterval, bytes, startAtEnd);
    }

    public FileTailSettings withStartAtEnd(boolean atEnd) {
        return new FileTailSettings(name, file, deviceId, stateFile, pollInterval, maxMessageBytes, atEnd);
    }

    public String listenerName() {
        return "file:" + name;
    }
}
