package org.logmaster.console.client;

import java.time.Instant;
import java.util.Objects;

/**
 * Matching events the live stream did not deliver. They are stored all the same: Search over
 * {@code from}..{@code to} finds them.
 *
 * @param skipped how many; {@link #UNKNOWN} when the collector could not resume the stream where
 *                it was lost (the console then continues with the events from now on)
 * @param from    arrival of the first skipped event, or (count unknown) of the last event received
 * @param to      arrival of the last skipped event, or (count unknown) when the stream was restarted
 */
public record LiveGap(long skipped, Instant from, Instant to) {

    public static final long UNKNOWN = -1;

    public LiveGap {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public boolean countKnown() {
        return skipped != UNKNOWN;
    }
}
