package org.logmaster.collector.index;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.MessageParser;
import org.logmaster.collector.parse.ParseContext;

/**
 * A stand-in for the real syslog parser: takes the {@code <PRI>} and keeps the rest as the
 * message; a message starting with "bad" is flagged malformed. Enough to exercise indexing.
 */
final class PriorityOnlyParser implements MessageParser {

    @Override
    public LogEvent parse(byte[] message, ParseContext context) {
        String text = new String(message, StandardCharsets.UTF_8);
        Integer facility = null;
        Integer severity = null;
        int close = text.indexOf('>');
        if (text.startsWith("<") && close > 1 && close <= 4) {
            try {
                int pri = Integer.parseInt(text.substring(1, close));
                facility = pri >> 3;
                severity = pri & 7;
                text = text.substring(close + 1);
            } catch (NumberFormatException e) {
                // no PRI: the whole text is the message
            }
        }
        boolean malformed = text.startsWith("bad");
        return new LogEvent(LogEvent.Format.RFC3164, facility, severity, null, "host", "app", null, null, List.of(),
                text, malformed, malformed ? "test parser: starts with bad" : null);
    }
}
