package org.logmaster.collector.parse;

import java.nio.charset.StandardCharsets;

/**
 * Turns message bytes into text. Decoding goes through {@code new String(..., UTF_8)},
 * which replaces every invalid sequence with U+FFFD instead of throwing, and is the
 * JDK's fastest path for the mostly-ASCII lines syslog carries.
 */
final class MessageText {
    private MessageText() {}

    /**
     * End of the message without trailing LF, CR and NUL: framing leftovers that senders
     * append (newline-terminated UDP datagrams, C strings sent with their terminator).
     */
    static int trimmedEnd(byte[] b) {
        int end = b.length;
        while (end > 0) {
            byte last = b[end - 1];
            if (last != '\n' && last != '\r' && last != 0) {
                break;
            }
            end--;
        }
        return end;
    }

    /** MSG text: a leading UTF-8 BOM (RFC 5424 6.4) is dropped, invalid UTF-8 becomes U+FFFD. */
    static String msg(byte[] b, int from, int to) {
        if (to - from >= 3 && b[from] == (byte) 0xEF && b[from + 1] == (byte) 0xBB && b[from + 2] == (byte) 0xBF) {
            from += 3;
        }
        return utf8(b, from, to);
    }

    static String utf8(byte[] b, int from, int to) {
        return from >= to ? "" : new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** For bytes already checked to be printable US-ASCII: a plain copy, no decoding. */
    static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
