package org.logmaster.collector.parse;

/** Reads fixed-width decimal numbers out of bytes; -1 means "not digits here". */
final class Digits {
    private Digits() {}

    static int one(byte[] b, int i, int limit) {
        if (i >= limit) {
            return -1;
        }
        int d = b[i] - '0';
        return d >= 0 && d <= 9 ? d : -1;
    }

    static int two(byte[] b, int i, int limit) {
        int hi = one(b, i, limit);
        int lo = one(b, i + 1, limit);
        return hi < 0 || lo < 0 ? -1 : hi * 10 + lo;
    }

    static int four(byte[] b, int i, int limit) {
        int hi = two(b, i, limit);
        int lo = two(b, i + 2, limit);
        return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
    }

    static boolean is(byte[] b, int i, int limit, char expected) {
        return i < limit && b[i] == expected;
    }
}
