package org.logmaster.collector.ingest;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, generously, for something that happens on another thread. */
final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) fail("waited " + PATIENCE + " for: " + what);
            Thread.sleep(10);
        }
    }
}
