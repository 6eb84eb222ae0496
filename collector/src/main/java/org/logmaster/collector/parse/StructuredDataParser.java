package org.logmaster.collector.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.logmaster.collector.parse.LogEvent.StructuredElement;

/**
 * RFC 5424 STRUCTURED-DATA: one or more {@code [SD-ID *(SP PARAM-NAME="PARAM-VALUE")]}.
 * SD-NAMEs are 1..32 printable US-ASCII characters other than '=', SP, ']' and '"'.
 * In values, {@code \"}, {@code \\} and {@code \]} stand for the character itself; a
 * backslash before anything else is kept (RFC 5424 6.3.3). An unescaped ']' inside the
 * quotes violates the RFC but is unambiguous, so it is read as a character.
 */
final class StructuredDataParser {
    static final int MAX_SD_NAME = 32;

    private StructuredDataParser() {}

    /** Reads SD-ELEMENTs starting at the '[' under {@code r}; null (and {@code r.error()}) if malformed. */
    static List<StructuredElement> parse(ByteReader r) {
        List<StructuredElement> elements = new ArrayList<>(2);
        do {
            r.pos++;
            String id = name(r, "SD-ID");
            if (id == null) {
                return null;
            }
            List<Map.Entry<String, String>> params = new ArrayList<>(4);
            while (!r.at(']')) {
                if (!r.at(' ')) {
                    return r.fail(r.atEnd() ? "message ends inside SD-ELEMENT [" + id
                            : "expected SP or ']' in SD-ELEMENT [" + id + " at offset " + r.pos);
                }
                r.pos++;
                Map.Entry<String, String> param = param(r);
                if (param == null) {
                    return null;
                }
                params.add(param);
            }
            r.pos++;
            elements.add(new StructuredElement(id, List.copyOf(params)));
        } while (r.at('['));
        return elements;
    }

    private static Map.Entry<String, String> param(ByteReader r) {
        String name = name(r, "PARAM-NAME");
        if (name == null) {
            return null;
        }
        if (!r.at('=')) {
            return r.fail("expected '=' after PARAM-NAME " + name);
        }
        r.pos++;
        if (!r.at('"')) {
            return r.fail("expected '\"' to open PARAM-VALUE of " + name);
        }
        r.pos++;
        String value = value(r);
        return value == null ? r.fail("unterminated PARAM-VALUE of " + name) : Map.entry(name, value);
    }

    private static String name(ByteReader r, String what) {
        byte[] b = r.bytes;
        int start = r.pos;
        while (r.pos < r.end && isNameChar(b[r.pos])) {
            r.pos++;
        }
        int length = r.pos - start;
        if (length == 0) {
            return r.fail(r.atEnd() ? "message ends before " + what : "invalid or empty " + what + " at offset " + start);
        }
        if (length > MAX_SD_NAME) {
            return r.fail(what + " longer than " + MAX_SD_NAME + " characters at offset " + start);
        }
        return MessageText.ascii(b, start, r.pos);
    }

    private static boolean isNameChar(byte c) {
        return ByteReader.isPrintUsAscii(c) && c != '=' && c != ']' && c != '"';
    }

    /** Reads up to and including the closing quote; null if there is none. */
    private static String value(ByteReader r) {
        byte[] b = r.bytes;
        int start = r.pos;
        boolean hasEscapes = false;
        for (int p = start; p < r.end; p++) {
            byte c = b[p];
            if (c == '\\' && p + 1 < r.end && isEscapable(b[p + 1])) {
                hasEscapes = true;
                p++;
            } else if (c == '"') {
                r.pos = p + 1;
                return hasEscapes ? unescape(b, start, p) : MessageText.utf8(b, start, p);
            }
        }
        return null;
    }

    private static boolean isEscapable(byte c) {
        return c == '"' || c == '\\' || c == ']';
    }

    private static String unescape(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int p = from; p < to; p++) {
            if (b[p] == '\\' && p + 1 < to && isEscapable(b[p + 1])) {
                p++;
            }
            out[n++] = b[p];
        }
        return MessageText.utf8(out, 0, n);
    }
}
