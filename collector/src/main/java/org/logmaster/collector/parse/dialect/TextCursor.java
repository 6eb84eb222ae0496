package org.logmaster.collector.parse.dialect;

/**
 * Reads a message left to right. Parsing methods return null and mark the cursor failed
 * when the text is not as expected, so that a dialect can read a whole message shape and
 * check {@link #failed()} once instead of after every step.
 */
final class TextCursor {
    private final String s;
    private int pos;
    private boolean failed;

    TextCursor(String s, int pos) {
        this.s = s;
        this.pos = Math.min(pos, s.length());
    }

    TextCursor(String s) {
        this(s, 0);
    }

    boolean failed() {
        return failed;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    int pos() {
        return pos;
    }

    /** Marks the cursor failed; returns null for {@code return c.fail();}. */
    <T> T fail() {
        failed = true;
        return null;
    }

    /** Consumes {@code literal} if the text continues with it. */
    boolean skip(String literal) {
        if (!failed && s.startsWith(literal, pos)) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    /** Consumes {@code literal}, or fails. */
    TextCursor expect(String literal) {
        if (!skip(literal)) {
            failed = true;
        }
        return this;
    }

    void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** The text up to (not including) {@code c}, consuming both; fails when there is no {@code c}. */
    String upTo(char c) {
        if (failed) {
            return null;
        }
        int i = s.indexOf(c, pos);
        if (i < 0) {
            return fail();
        }
        String v = s.substring(pos, i);
        pos = i + 1;
        return v;
    }

    /** The text up to (not including) {@code literal}, consuming both; fails when there is none. */
    String upTo(String literal) {
        if (failed) {
            return null;
        }
        int i = s.indexOf(literal, pos);
        if (i < 0) {
            return fail();
        }
        String v = s.substring(pos, i);
        pos = i + literal.length();
        return v;
    }

    /** The next run of characters other than space and those in {@code stops}, possibly empty. */
    String word(String stops) {
        if (failed) {
            return null;
        }
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || stops.indexOf(c) >= 0) {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    /** The next space-separated token, and the spaces after it. */
    String token() {
        String t = word("");
        skipSpaces();
        return t;
    }

    /** Decimal digits at the cursor, possibly none (empty string). */
    String digits() {
        if (failed) {
            return null;
        }
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return s.substring(start, pos);
    }

    boolean at(char c) {
        return !failed && pos < s.length() && s.charAt(pos) == c;
    }

    /** Text from the cursor to the end. */
    String rest() {
        return failed ? null : s.substring(pos);
    }
}
