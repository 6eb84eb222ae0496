package org.logmaster.collector.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day of an arrival time in the appliance's zone, remembering the current day's bounds:
 * nearly every frame falls into the day of the one before it, so the zone rules are consulted
 * about once a day instead of once a frame. Not thread-safe.
 */
final class ArrivalDays {
    private final ZoneId zone;
    private long from = Long.MAX_VALUE;   // epoch seconds, inclusive
    private long until = Long.MIN_VALUE;  // epoch seconds, exclusive
    private LocalDate day;

    ArrivalDays(ZoneId zone) {
        this.zone = zone;
    }

    LocalDate dayOf(Instant arrival) {
        long second = arrival.getEpochSecond();
        if (second >= from && second < until) return day;
        LocalDate found = LocalDate.ofInstant(arrival, zone);
        day = found;
        from = found.atStartOfDay(zone).toEpochSecond();
        until = found.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return found;
    }
}
