package org.logmaster.collector.parse.dialect;

import java.nio.charset.StandardCharsets;

import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;

/**
 * What a dialect gets: the message as received, what the RFC grammar made of it, and the
 * arrival time and sender zone (both never null here).
 */
public record DialectInput(byte[] bytes, LogEvent event, ParseContext context) {

    public String message() {
        return event.message();
    }

    public String appName() {
        return event.appName();
    }

    /**
     * The received text after {@code <PRI>}, without trailing CR/LF/NUL: for dialects whose
     * own header the RFC 3164 grammar takes apart wrongly (Cisco writes a sequence number
     * and a time of its own where RFC 3164 expects the timestamp and host name).
     */
    public String textAfterPri() {
        byte[] b = bytes;
        if (b == null) {
            return event.message();
        }
        int start = 0;
        if (b.length > 0 && b[0] == '<') {
            for (int i = 1; i < Math.min(b.length, 5); i++) {
                if (b[i] == '>') {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = b.length;
        while (end > start && (b[end - 1] == '\n' || b[end - 1] == '\r' || b[end - 1] == 0)) {
            end--;
        }
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }
}
