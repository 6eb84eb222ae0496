package org.logmaster.collector.store;

/** Well-formedness of UTF-8 byte sequences, as defined by RFC 3629 / Unicode table 3-7. */
final class Utf8 {
    private Utf8() {}

    /**
     * The length (2..4) of the well-formed multi-byte sequence starting at {@code i}, or 0
     * when the bytes there are not one (stray continuation byte, overlong form, surrogate,
     * beyond U+10FFFF, or cut short by {@code end}).
     */
    static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            return i + 1 < end && isContinuation(b[i + 1]) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= end) return 0;
            int second = b[i + 1] & 0xFF;
            int low = lead == 0xE0 ? 0xA0 : 0x80;   // E0: no overlong forms
            int high = lead == 0xED ? 0x9F : 0xBF;  // ED: no UTF-16 surrogates
            return second >= low && second <= high && isContinuation(b[i + 2]) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= end) return 0;
            int second = b[i + 1] & 0xFF;
            int low = lead == 0xF0 ? 0x90 : 0x80;   // F0: no overlong forms
            int high = lead == 0xF4 ? 0x8F : 0xBF;  // F4: nothing beyond U+10FFFF
            return second >= low && second <= high && isContinuation(b[i + 2]) && isContinuation(b[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
