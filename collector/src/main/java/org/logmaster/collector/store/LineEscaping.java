package org.logmaster.collector.store;

import java.util.HexFormat;

/**
 * The reversible escaping that keeps every daily file valid UTF-8 text with one line per
 * message: {@code \} becomes {@code \\}, LF {@code \n}, CR {@code \r}; other control bytes
 * (below 0x20, and 0x7F) and bytes that are not part of well-formed UTF-8 become {@code \xHH}.
 * Well-formed UTF-8, multi-byte sequences included, is kept as it is so the files stay
 * readable with ordinary tools. Fields other than the raw message also escape the space,
 * which separates the fields of a line.
 */
final class LineEscaping {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private LineEscaping() {}

    // bytes copied as they are: printable ASCII but the backslash; fields also escape the space
    private static final boolean[] PLAIN_RAW = new boolean[256];
    private static final boolean[] PLAIN_FIELD = new boolean[256];

    static {
        for (int b = 0x20; b < 0x7F; b++) {
            PLAIN_RAW[b] = b != '\\';
            PLAIN_FIELD[b] = b != '\\' && b != ' ';
        }
    }

    static void escape(byte[] src, int offset, int length, LineBuffer out, boolean escapeSpace) {
        // worst case every byte becomes four ("\xHH")
        out.ensureRoom(length * 4);
        boolean[] plain = escapeSpace ? PLAIN_FIELD : PLAIN_RAW;
        byte[] dst = out.array();
        int d = out.length();
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int run = i;
            while (i < end && plain[src[i] & 0xFF]) i++;
            if (i > run) {
                System.arraycopy(src, run, dst, d, i - run);
                d += i - run;
                if (i == end) break;
            }
            int b = src[i] & 0xFF;
            if (b == '\\') {
                dst[d++] = '\\';
                dst[d++] = '\\';
                i++;
            } else if (b == '\n') {
                dst[d++] = '\\';
                dst[d++] = 'n';
                i++;
            } else if (b == '\r') {
                dst[d++] = '\\';
                dst[d++] = 'r';
                i++;
            } else if (b < 0x80) {
                d = hexEscape(dst, d, b);  // other controls, DEL, and the space in fields
                i++;
            } else {
                int n = Utf8.sequenceLength(src, i, end);
                if (n == 0) {
                    d = hexEscape(dst, d, b);
                    i++;
                } else {
                    System.arraycopy(src, i, dst, d, n);
                    d += n;
                    i += n;
                }
            }
        }
        out.advance(d - out.length());
    }

    private static int hexEscape(byte[] dst, int d, int b) {
        dst[d++] = '\\';
        dst[d++] = 'x';
        dst[d++] = HEX[b >>> 4];
        dst[d++] = HEX[b & 0x0F];
        return d;
    }

    /** Reverses {@link #escape}; bytes that needed no escape are taken as they are. */
    static byte[] unescape(byte[] src, int offset, int length) throws MalformedLineException {
        byte[] out = new byte[length];
        int o = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = src[i];
            if (b != '\\') {
                out[o++] = b;
                continue;
            }
            if (i + 1 >= end) {
                throw new MalformedLineException("line ends inside an escape sequence");
            }
            byte kind = src[++i];
            switch (kind) {
                case '\\' -> out[o++] = '\\';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 'x' -> {
                    if (i + 2 >= end || !HexFormat.isHexDigit(src[i + 1]) || !HexFormat.isHexDigit(src[i + 2])) {
                        throw new MalformedLineException("\\x must be followed by two hex digits");
                    }
                    out[o++] = (byte) ((HexFormat.fromHexDigit(src[i + 1]) << 4) | HexFormat.fromHexDigit(src[i + 2]));
                    i += 2;
                }
                default -> throw new MalformedLineException("unknown escape sequence \\" + (char) (kind & 0xFF));
            }
        }
        return o == out.length ? out : java.util.Arrays.copyOf(out, o);
    }
}
