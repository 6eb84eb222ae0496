package org.logmaster.console.client;

/** Where a live stream from the collector stands; see {@link LiveTailStatus}. */
public enum LiveTailState {

    /** The stream was requested and nothing has arrived on it yet (a quiet collector stays here). */
    CONNECTING,
    /** Items arrived on the current stream. */
    LIVE,
    /** The stream was lost; the next attempt is scheduled. */
    RECONNECTING,
    /** No stream and no further attempt: stopped by the console, or refused for good (login, role). */
    STOPPED
}
