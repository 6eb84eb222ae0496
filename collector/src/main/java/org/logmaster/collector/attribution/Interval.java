package org.logmaster.collector.attribution;

import java.time.Instant;

/**
 * Interval rules shared by every record. An interval is half-open, {@code [start, end)}: a
 * lease released at 10:00:00 is not held at 10:00:00, so a new holder from that second on
 * is no overlap. A single observation ({@code start == end}, e.g. one logged packet) holds at
 * that instant only. A null end means no end was observed: the record holds from its start on.
 */
final class Interval {
    private Interval() {}

    static boolean covers(Instant start, Instant end, Instant at) {
        if (at.isBefore(start)) {
            return false;
        }
        return end == null || at.isBefore(end) || end.equals(start) && at.equals(start);
    }

    static boolean overlaps(Instant start, Instant end, Instant from, Instant to) {
        return !start.isAfter(to) && (end == null || !end.isBefore(from));
    }
}
