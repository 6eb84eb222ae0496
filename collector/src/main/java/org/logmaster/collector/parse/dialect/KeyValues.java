package org.logmaster.collector.parse.dialect;

import java.util.Set;

/**
 * Space-separated {@code key=value} pairs where a value may be double-quoted to hold spaces
 * (FortiGate, SonicWall, many appliances). Inside quotes {@code \"} and {@code \\} stand for
 * the character. A token without '=' is skipped. Only the pairs whose key is wanted go to
 * the callback, and only their values become strings: such lines carry dozens of keys of
 * which a dialect reads a few.
 */
final class KeyValues {
    private KeyValues() {}

    interface Sink {
        void accept(String key, String value);
    }

    static void forEach(String s, Set<String> wanted, Sink sink) {
        int n = s.length();
        int p = 0;
        while (p < n) {
            while (p < n && s.charAt(p) == ' ') {
                p++;
            }
            int keyStart = p;
            while (p < n && s.charAt(p) != '=' && s.charAt(p) != ' ') {
                p++;
            }
            if (p >= n || s.charAt(p) != '=') {
                continue;
            }
            String key = s.substring(keyStart, p);
            boolean keep = wanted.contains(key);
            p++;
            if (p < n && s.charAt(p) == '"') {
                int close = closingQuote(s, p + 1);
                if (keep) {
                    String raw = s.substring(p + 1, close);
                    sink.accept(key, raw.indexOf('\\') >= 0 ? unescape(raw) : raw);
                }
                p = Math.min(n, close + 1);
            } else {
                int valueStart = p;
                while (p < n && s.charAt(p) != ' ') {
                    p++;
                }
                if (keep) {
                    sink.accept(key, s.substring(valueStart, p));
                }
            }
        }
    }

    /** Index of the quote that closes a value starting at {@code from}, or the end of the text. */
    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return s.length();
    }

    private static String unescape(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '"' || raw.charAt(i + 1) == '\\')) {
                c = raw.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }
}
