package org.logmaster.collector.parse;

/**
 * A position in the bytes of one message, plus the first grammar violation met. One per
 * parse call (parsers are shared between threads and keep no state of their own).
 */
final class ByteReader {
    final byte[] bytes;
    final int end;
    int pos;
    private String error;

    ByteReader(byte[] bytes, int pos, int end) {
        this.bytes = bytes;
        this.pos = pos;
        this.end = end;
    }

    boolean atEnd() {
        return pos >= end;
    }

    boolean at(char c) {
        return pos < end && bytes[pos] == c;
    }

    /** Records the violation; returns null so that callers can {@code return r.fail(...)}. */
    <T> T fail(String why) {
        if (error == null) {
            error = why;
        }
        return null;
    }

    boolean failed() {
        return error != null;
    }

    String error() {
        return error;
    }

    static boolean isPrintUsAscii(byte c) {
        return c >= 33 && c <= 126;
    }
}
