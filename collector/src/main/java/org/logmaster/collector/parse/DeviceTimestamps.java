package org.logmaster.collector.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The RFC parsers' timestamp readers, opened to vendor dialects: devices repeat a timestamp
 * inside the message (Cisco's {@code *Mar  1 00:00:01.123:}), and reading it with the same
 * code keeps the year inference and time-zone rules in one place.
 */
public final class DeviceTimestamps {
    private DeviceTimestamps() {}

    /** A timestamp read out of text and the index just past it. */
    public record Found(Instant instant, int end) {}

    /**
     * BSD {@code Mmm dd [yyyy] hh:mm:ss[.fff]} at {@code text[from..to)}, which must be followed
     * by a space or {@code to}; without a year, the year is inferred from {@code arrival}.
     *
     * @return the timestamp, or null when there is none at {@code from}
     */
    public static Found bsd(String text, int from, int to, Instant arrival, ZoneId zone) {
        byte[] b = latin1(text, from, to);
        ParsedTimestamp ts = BsdTimestamp.parse(b, 0, b.length, arrival, zone);
        return ts.ok() ? new Found(ts.instant(), from + ts.end()) : null;
    }

    /**
     * RFC 3339 {@code 2024-02-05T10:01:02[.f][Z|+hh:mm]} at {@code text[from..to)}, up to nine
     * fractional digits; without an offset it is read in {@code zoneWithoutOffset}.
     *
     * @return the timestamp, or null when there is none at {@code from}
     */
    public static Found rfc3339(String text, int from, int to, ZoneId zoneWithoutOffset) {
        byte[] b = latin1(text, from, to);
        ParsedTimestamp ts = Rfc3339Timestamp.parse(b, 0, b.length, 9, zoneWithoutOffset);
        return ts.ok() ? new Found(ts.instant(), from + ts.end()) : null;
    }

    /** Timestamps are ASCII; anything else becomes '?' and simply fails to parse. */
    private static byte[] latin1(String text, int from, int to) {
        return text.substring(from, Math.min(to, text.length())).getBytes(StandardCharsets.ISO_8859_1);
    }
}
