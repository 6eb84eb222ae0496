package org.logmaster.console.client;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of a live stream, for the status line.
 *
 * @param state       where the stream stands
 * @param lastError   why the last stream ended, as "CODE: the server's message"; empty when none
 *                    or when it does not matter any more (connecting again, live)
 * @param nextAttempt when the next attempt starts while {@link LiveTailState#RECONNECTING}; else null
 */
public record LiveTailStatus(LiveTailState state, String lastError, Instant nextAttempt) {

    /** Before any stream was started, and after the console stopped one. */
    public static final LiveTailStatus OFF = new LiveTailStatus(LiveTailState.STOPPED, "", null);
    public static final LiveTailStatus CONNECTING = new LiveTailStatus(LiveTailState.CONNECTING, "", null);
    public static final LiveTailStatus LIVE = new LiveTailStatus(LiveTailState.LIVE, "", null);

    public LiveTailStatus {
        Objects.requireNonNull(state, "state");
        lastError = lastError == null ? "" : lastError;
        if (state == LiveTailState.RECONNECTING) {
            Objects.requireNonNull(nextAttempt, "nextAttempt");
        }
    }

    public static LiveTailStatus reconnecting(String lastError, Instant nextAttempt) {
        return new LiveTailStatus(LiveTailState.RECONNECTING, lastError, nextAttempt);
    }

    /** Stopped for good by the collector's refusal; nothing retries. */
    public static LiveTailStatus refused(String error) {
        return new LiveTailStatus(LiveTailState.STOPPED, error, null);
    }
}
