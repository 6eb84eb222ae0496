package org.logmaster.collector.parse;

/**
 * Proleptic Gregorian date arithmetic on plain ints. The parsers validate and convert
 * dates with this instead of java.time factories so that the hot path allocates nothing
 * and invalid dates are answered with a boolean rather than an exception.
 */
final class CivilDate {
    private CivilDate() {}

    static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static boolean isValid(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    /** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** Seconds since the epoch of a wall-clock time read as if it were UTC. */
    static long epochSecond(int year, int month, int day, int hour, int minute, int second) {
        return epochDay(year, month, day) * 86_400 + hour * 3_600L + minute * 60L + second;
    }
}
