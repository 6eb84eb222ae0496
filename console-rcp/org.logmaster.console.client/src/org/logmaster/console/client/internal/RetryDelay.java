package org.logmaster.console.client.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for reconnecting: the first delay, doubling on every failed attempt up to
 * the maximum, and back to the first once an attempt succeeded. A collector that restarts is
 * back within seconds; one that is down for long is asked at most every maximum delay.
 */
final class RetryDelay {

    /** What the console uses: 1 s, 2 s, 4 s, ... 30 s. */
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAXIMUM = Duration.ofSeconds(30);

    private final Duration first;
    private final Duration maximum;
    private Duration next;

    RetryDelay(Duration first, Duration maximum) {
        if (first.isNegative() || first.isZero() || maximum.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= maximum, got " + first + " and " + maximum);
        }
        this.first = Objects.requireNonNull(first);
        this.maximum = maximum;
        this.next = first;
    }

    static RetryDelay standard() {
        return new RetryDelay(FIRST, MAXIMUM);
    }

    /** The delay before the coming attempt; the one after it is twice as long (up to the maximum). */
    Duration next() {
        Duration delay = next;
        next = delay.compareTo(maximum.dividedBy(2)) > 0 ? maximum : delay.multipliedBy(2);
        return delay;
    }

    /** An attempt succeeded: the next failure waits the first delay again. */
    void reset() {
        next = first;
    }
}
