package org.logmaster.collector.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Reads the RFC 3164 timestamp {@code Mmm dd hh:mm:ss} (day space-padded or not), plus two
 * widespread extensions: fractional seconds ({@code 10:01:02.123}) and an explicit year
 * before the time ({@code Feb  5 2024 10:01:02}, Cisco ASA and others). Without a year the
 * year is the latest that is not more than 30 days after the arrival, read in the sender's zone, so
 * that messages around New Year land in the right year whichever side of midnight the
 * device's or our clock was.
 */
final class BsdTimestamp {
    /** "Mmm d hh:mm:ss" */
    private static final int SHORTEST = 14;
    private static final int NO_YEAR = -1;

    private BsdTimestamp() {}

    static ParsedTimestamp parse(byte[] b, int pos, int limit, Instant arrival, ZoneId zone) {
        if (limit - pos < SHORTEST) {
            return ParsedTimestamp.failed("too short");
        }
        int month = month(b[pos], b[pos + 1], b[pos + 2]);
        if (month == 0 || b[pos + 3] != ' ') {
            return ParsedTimestamp.failed("no month name");
        }
        int p = pos + 4;
        int day;
        if (b[p] == ' ') {
            day = Digits.one(b, p + 1, limit);
            p += 2;
        } else if (Digits.one(b, p + 1, limit) >= 0) {
            day = Digits.two(b, p, limit);
            p += 2;
        } else {
            day = Digits.one(b, p, limit);
            p += 1;
        }
        if (day < 1 || !Digits.is(b, p, limit, ' ')) {
            return ParsedTimestamp.failed("no day of month");
        }
        p++;
        int year = NO_YEAR;
        if (Digits.is(b, p + 4, limit, ' ')) {
            year = Digits.four(b, p, limit);
            if (year < 0) {
                return ParsedTimestamp.failed("no year");
            }
            p += 5;
        }
        int hour = Digits.two(b, p, limit);
        int minute = Digits.two(b, p + 3, limit);
        int second = Digits.two(b, p + 6, limit);
        if (hour < 0 || minute < 0 || second < 0 || !Digits.is(b, p + 2, limit, ':') || !Digits.is(b, p + 5, limit, ':')
                || hour > 23 || minute > 59 || second > 59) {
            return ParsedTimestamp.failed("no time of day");
        }
        p += 8;
        int nanos = 0;
        if (Digits.is(b, p, limit, '.')) {
            int scale = 100_000_000;
            int d;
            int q = p + 1;
            while ((d = Digits.one(b, q, limit)) >= 0 && scale > 0) {
                nanos += d * scale;
                scale /= 10;
                q++;
            }
            if (q == p + 1) {
                return ParsedTimestamp.failed("'.' without fractional digits");
            }
            p = q;
        }
        if (p < limit && b[p] != ' ') {
            return ParsedTimestamp.failed("timestamp not followed by a space");
        }
        Instant instant = year == NO_YEAR
                ? closestToArrival(month, day, hour, minute, second, nanos, arrival, zone)
                : CivilDate.isValid(year, month, day)
                        ? LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant()
                        : null;
        return instant == null ? ParsedTimestamp.failed("no such date") : ParsedTimestamp.of(instant, p);
    }

    /** How far ahead of the arrival a device clock may run before we read the date as last year's. */
    static final long MAX_FUTURE_SECONDS = 30L * 86_400;

    /**
     * The instant of the given wall-clock time in {@code zone}, in the latest of the arrival's
     * year and its neighbours that is not more than {@link #MAX_FUTURE_SECONDS} after the arrival
     * (logs describe the past: "Oct 11" arriving in June is last October, while "Jan 1 00:00:01"
     * arriving a minute before New Year comes from a clock slightly ahead); null if the date
     * exists in none of them (Feb 30, or Feb 29 far from a leap year).
     */
    static Instant closestToArrival(int month, int day, int hour, int minute, int second, int nanos,
                                    Instant arrival, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        int arrivalOffset = rules.getOffset(arrival).getTotalSeconds();
        long arrivalLocal = arrival.getEpochSecond() + arrivalOffset;
        int arrivalYear = LocalDate.ofEpochDay(Math.floorDiv(arrivalLocal, 86_400)).getYear();
        long best = 0;
        long bestDistance = Long.MAX_VALUE;
        int bestYear = 0;
        for (int year = arrivalYear + 1; year >= arrivalYear - 1; year--) {
            if (!CivilDate.isValid(year, month, day)) {
                continue;
            }
            long local = CivilDate.epochSecond(year, month, day, hour, minute, second);
            if (local - arrivalLocal <= MAX_FUTURE_SECONDS) {
                bestDistance = Math.abs(local - arrivalLocal);
                best = local;
                bestYear = year;
                break;
            }
        }
        if (bestDistance == Long.MAX_VALUE) {
            return null;
        }
        // Usually the sender's offset then is the offset at arrival; check that it is, and let
        // java.time settle DST gaps and overlaps only when it is not.
        long guess = best - arrivalOffset;
        if (rules.getOffset(Instant.ofEpochSecond(guess)).getTotalSeconds() == arrivalOffset) {
            return Instant.ofEpochSecond(guess, nanos);
        }
        return LocalDateTime.of(bestYear, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
    }

    /** 1..12 for an English month abbreviation in any letter case, 0 otherwise. */
    static int month(byte a, byte b, byte c) {
        int key = ((a & 0xFF | 0x20) << 16) | ((b & 0xFF | 0x20) << 8) | (c & 0xFF | 0x20);
        return switch (key) {
            case 'j' << 16 | 'a' << 8 | 'n' -> 1;
            case 'f' << 16 | 'e' << 8 | 'b' -> 2;
            case 'm' << 16 | 'a' << 8 | 'r' -> 3;
            case 'a' << 16 | 'p' << 8 | 'r' -> 4;
            case 'm' << 16 | 'a' << 8 | 'y' -> 5;
            case 'j' << 16 | 'u' << 8 | 'n' -> 6;
            case 'j' << 16 | 'u' << 8 | 'l' -> 7;
            case 'a' << 16 | 'u' << 8 | 'g' -> 8;
            case 's' << 16 | 'e' << 8 | 'p' -> 9;
            case 'o' << 16 | 'c' << 8 | 't' -> 10;
            case 'n' << 16 | 'o' << 8 | 'v' -> 11;
            case 'd' << 16 | 'e' << 8 | 'c' -> 12;
            default -> 0;
        };
    }
}
