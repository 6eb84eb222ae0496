package org.logmaster.collector.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Reads an RFC 3339 date-time ({@code 2003-10-11T22:14:15.003Z}, {@code ...+03:00}) from
 * bytes. RFC 5424 uses it with at most 6 fractional digits and a mandatory offset; the
 * rsyslog forward format puts the same thing into RFC 3164 headers, where we are more
 * lenient (nanoseconds, and a missing offset read in the sender's zone).
 */
final class Rfc3339Timestamp {
    /** "YYYY-MM-DDThh:mm:ss" */
    private static final int FIXED_PART = 19;
    private static final int[] POWERS_OF_TEN =
            {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Rfc3339Timestamp() {}

    /**
     * @param maxFractionDigits  more fractional digits than this are an error
     * @param zoneWithoutOffset  zone for a timestamp without offset, or null if the offset is mandatory
     */
    static ParsedTimestamp parse(byte[] b, int pos, int limit, int maxFractionDigits, ZoneId zoneWithoutOffset) {
        if (limit - pos < FIXED_PART) {
            return ParsedTimestamp.failed("too short");
        }
        int year = Digits.four(b, pos, limit);
        int month = Digits.two(b, pos + 5, limit);
        int day = Digits.two(b, pos + 8, limit);
        int hour = Digits.two(b, pos + 11, limit);
        int minute = Digits.two(b, pos + 14, limit);
        int second = Digits.two(b, pos + 17, limit);
        byte t = b[pos + 10];
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || b[pos + 4] != '-' || b[pos + 7] != '-' || (t != 'T' && t != 't')
                || b[pos + 13] != ':' || b[pos + 16] != ':') {
            return ParsedTimestamp.failed("not YYYY-MM-DDThh:mm:ss");
        }
        if (!CivilDate.isValid(year, month, day)) {
            return ParsedTimestamp.failed("no such date");
        }
        // RFC 5424 6.2.3 forbids leap seconds; java.time could not represent them anyway.
        if (hour > 23 || minute > 59 || second > 59) {
            return ParsedTimestamp.failed("no such time of day");
        }
        int p = pos + FIXED_PART;
        int nanos = 0;
        if (p < limit && b[p] == '.') {
            p++;
            int digits = 0;
            int fraction = 0;
            int d;
            while ((d = Digits.one(b, p, limit)) >= 0) {
                if (++digits > maxFractionDigits) {
                    return ParsedTimestamp.failed("more than " + maxFractionDigits + " fractional digits");
                }
                fraction = fraction * 10 + d;
                p++;
            }
            if (digits == 0) {
                return ParsedTimestamp.failed("'.' without fractional digits");
            }
            nanos = fraction * POWERS_OF_TEN[9 - digits];
        }
        long local = CivilDate.epochSecond(year, month, day, hour, minute, second);
        byte o = p < limit ? b[p] : 0;
        if (o == 'Z' || o == 'z') {
            return ParsedTimestamp.of(Instant.ofEpochSecond(local, nanos), p + 1);
        }
        if (o == '+' || o == '-') {
            int offsetHours = Digits.two(b, p + 1, limit);
            int offsetMinutes = Digits.two(b, p + 4, limit);
            if (offsetHours < 0 || offsetMinutes < 0 || !Digits.is(b, p + 3, limit, ':')
                    || offsetHours > 23 || offsetMinutes > 59) {
                return ParsedTimestamp.failed("offset not +hh:mm or -hh:mm");
            }
            int offset = (offsetHours * 3_600 + offsetMinutes * 60) * (o == '-' ? -1 : 1);
            return ParsedTimestamp.of(Instant.ofEpochSecond(local - offset, nanos), p + 6);
        }
        if (zoneWithoutOffset == null) {
            return ParsedTimestamp.failed("no offset ('Z' or +hh:mm)");
        }
        Instant instant = LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                .atZone(zoneWithoutOffset).toInstant();
        return ParsedTimestamp.of(instant, p);
    }

}
