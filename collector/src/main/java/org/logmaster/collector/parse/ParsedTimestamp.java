package org.logmaster.collector.parse;

import java.time.Instant;

/**
 * Result of reading a timestamp out of a byte range: the instant and the index just past
 * it, or why it could not be read (instant null). A value, not an exception, because
 * malformed timestamps are ordinary input and must stay cheap.
 */
record ParsedTimestamp(Instant instant, int end, String error) {
    static ParsedTimestamp of(Instant instant, int end) {
        return new ParsedTimestamp(instant, end, null);
    }

    static ParsedTimestamp failed(String why) {
        return new ParsedTimestamp(null, -1, why);
    }

    boolean ok() {
        return error == null;
    }
}
