package org.logmaster.collector.parse;

/**
 * Turns the bytes of one message into a {@link LogEvent}. Implementations never throw on
 * any input: what they cannot parse comes back as a malformed RAW event.
 */
public interface MessageParser {
    LogEvent parse(byte[] message, ParseContext context);
}
