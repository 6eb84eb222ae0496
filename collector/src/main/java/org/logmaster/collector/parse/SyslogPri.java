package org.logmaster.collector.parse;

/**
 * The PRI part shared by RFC 5424 and RFC 3164: {@code "<" 1*3DIGIT ">"}, value 0..191,
 * no leading zeros except "0" itself. Because leading zeros are forbidden, the length of
 * the PRI follows from its value, so callers need no second return value.
 */
final class SyslogPri {
    /** The message does not start with '<'. */
    static final int ABSENT = -1;
    /** The message starts with '<' but what follows is not a valid PRI. */
    static final int INVALID = -2;

    private static final int MAX = 191;

    private SyslogPri() {}

    /** The PRI value at the start of {@code b[0..end)}, or {@link #ABSENT} / {@link #INVALID}. */
    static int parse(byte[] b, int end) {
        if (end == 0 || b[0] != '<') {
            return ABSENT;
        }
        int value = 0;
        int i = 1;
        while (i < end && i <= 4 && b[i] != '>') {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return INVALID;
            }
            value = value * 10 + digit;
            i++;
        }
        int digits = i - 1;
        if (i >= end || b[i] != '>' || digits == 0 || digits > 3
                || (digits > 1 && b[1] == '0') || value > MAX) {
            return INVALID;
        }
        return value;
    }

    /** Octets taken by {@code "<" PRI ">"} for a valid value. */
    static int length(int pri) {
        return pri < 10 ? 3 : pri < 100 ? 4 : 5;
    }

    static Integer facility(int pri) {
        return pri < 0 ? null : pri >> 3;
    }

    static Integer severity(int pri) {
        return pri < 0 ? null : pri & 7;
    }

    /** Why {@link #parse} did not return a value, for the parse error text. */
    static String problem(int result) {
        return result == ABSENT ? "no PRI" : "invalid PRI (must be <0> .. <191> without leading zeros)";
    }
}
