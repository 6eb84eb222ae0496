package org.logmaster.collector.parse;

/**
 * Turns the bytes of one message into a {@link LogEvent}. Implementations never throw on
 * any input: what they cannot parse comes back as a malformed RAW event.
 */
public interface MessageParser {
    LogEvent parse(byte[] message, ParseContext context);

    /**
     * As {@link #parse(byte[], ParseContext)}, told the sender's registered device type (or a
     * dialect name), which parsers with vendor dialects try first; null to detect. Parsers
     * without dialects ignore it.
     */
    default LogEvent parse(byte[] message, ParseContext context, String dialectHint) {
        return parse(message, context);
    }
}
