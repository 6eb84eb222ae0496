package org.logmaster.collector.store;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Arrival times in daily files: UTC, ISO-8601, always exactly milliseconds
 * ({@code 2026-11-28T09:15:02.123Z}). The writer formats hundreds of thousands per second, so
 * the text of the current second is cached; an instance is therefore not thread-safe.
 */
final class ArrivalTimeFormat {
    static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    private static final int FAST_LENGTH = 24;  // yyyy-MM-ddTHH:mm:ss.SSSZ
    private static final long YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_10000 = LocalDate.of(10000, 1, 1).toEpochDay() * 86_400L;

    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] cachedPrefix = new byte[20];  // "yyyy-MM-ddTHH:mm:ss."

    void format(Instant instant, LineBuffer out) {
        long second = instant.getEpochSecond();
        if (second != cachedSecond) {
            if (second < YEAR_0 || second >= YEAR_10000) {
                // outside the four-digit years; no real clock gets here, but the format stays total
                byte[] text = ISO_MILLIS.format(instant).getBytes(StandardCharsets.US_ASCII);
                out.put(text, 0, text.length);
                return;
            }
            fillPrefix(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
            cachedSecond = second;
        }
        out.ensureRoom(FAST_LENGTH);
        byte[] dst = out.array();
        int d = out.length();
        System.arraycopy(cachedPrefix, 0, dst, d, cachedPrefix.length);
        d += cachedPrefix.length;
        int millis = instant.getNano() / 1_000_000;
        dst[d++] = (byte) ('0' + millis / 100);
        dst[d++] = (byte) ('0' + millis / 10 % 10);
        dst[d++] = (byte) ('0' + millis % 10);
        dst[d++] = 'Z';
        out.advance(FAST_LENGTH);
    }

    private void fillPrefix(LocalDateTime t) {
        digits(t.getYear(), 0, 4);
        cachedPrefix[4] = '-';
        digits(t.getMonthValue(), 5, 2);
        cachedPrefix[7] = '-';
        digits(t.getDayOfMonth(), 8, 2);
        cachedPrefix[10] = 'T';
        digits(t.getHour(), 11, 2);
        cachedPrefix[13] = ':';
        digits(t.getMinute(), 14, 2);
        cachedPrefix[16] = ':';
        digits(t.getSecond(), 17, 2);
        cachedPrefix[19] = '.';
    }

    private void digits(int value, int at, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            cachedPrefix[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    static Instant parse(byte[] b, int offset, int length) throws MalformedLineException {
        try {
            if (length == FAST_LENGTH && b[offset + 4] == '-' && b[offset + 7] == '-' && b[offset + 10] == 'T'
                    && b[offset + 13] == ':' && b[offset + 16] == ':' && b[offset + 19] == '.' && b[offset + 23] == 'Z') {
                int year = number(b, offset, 4);
                int month = number(b, offset + 5, 2);
                int day = number(b, offset + 8, 2);
                int hour = number(b, offset + 11, 2);
                int minute = number(b, offset + 14, 2);
                int second = number(b, offset + 17, 2);
                int millis = number(b, offset + 20, 3);
                if (hour > 23 || minute > 59 || second > 59) {
                    throw new MalformedLineException("arrival time out of range");
                }
                long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L
                        + hour * 3600L + minute * 60L + second;
                return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
            }
            return Instant.parse(new String(b, offset, length, StandardCharsets.US_ASCII));
        } catch (DateTimeParseException e) {
            throw new MalformedLineException("arrival time is not ISO-8601: " + e.getParsedString());
        } catch (DateTimeException e) {
            throw new MalformedLineException("arrival time out of range: " + e.getMessage());
        }
    }

    private static int number(byte[] b, int offset, int count) throws MalformedLineException {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) throw new MalformedLineException("arrival time has a non-digit");
            value = value * 10 + digit;
        }
        return value;
    }
}
