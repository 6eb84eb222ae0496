package org.logmaster.collector.ingest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Lets one warning of a kind through per interval and counts the ones held back, so that a peer sending
 * garbage in a loop cannot flood the log while the operator still sees that it happens.
 */
final class WarningThrottle {
    private final Duration interval;
    private final AtomicLong nextAllowedNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    WarningThrottle(Duration interval) {
        this.interval = interval;
    }

    void warn(Logger log, String message) {
        long now = System.nanoTime();
        long next = nextAllowedNanos.get();
        if (now - next >= 0 && nextAllowedNanos.compareAndSet(next, now + interval.toNanos())) {
            long held = suppressed.getAndSet(0);
            log.warn(held == 0 ? message : message + " (" + held + " similar warnings suppressed)");
        } else {
            suppressed.incrementAndGet();
        }
    }
}
