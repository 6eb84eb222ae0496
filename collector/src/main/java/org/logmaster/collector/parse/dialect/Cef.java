package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
import static org.logmaster.collector.parse.Field.BYTES;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.DST_IP;
import static org.logmaster.collector.parse.Field.DST_PORT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.NAT_DST_IP;
import static org.logmaster.collector.parse.Field.NAT_DST_PORT;
import static org.logmaster.collector.parse.Field.NAT_SRC_IP;
import static org.logmaster.collector.parse.Field.NAT_SRC_PORT;
import static org.logmaster.collector.parse.Field.PROTOCOL;
import static org.logmaster.collector.parse.Field.SRC_IP;
import static org.logmaster.collector.parse.Field.SRC_PORT;
import static org.logmaster.collector.parse.Field.USER;

import java.time.Instant;
import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * ArcSight Common Event Format inside any syslog message:
 * {@code CEF:Version|Vendor|Product|Version|Signature ID|Name|Severity|Extension}, where
 * header fields escape '|' and '\' with '\', and the extension is {@code key=value} pairs whose
 * values may hold spaces (a value ends where the next {@code key=} begins) and escape '=',
 * '\', CR and LF. The keys read are those of the CEF dictionary: src, spt, dst, dpt, smac,
 * suser, act, proto, in/out (bytes), sourceTranslatedAddress/Port,
 * destinationTranslatedAddress/Port, deviceInboundInterface, rt (epoch milliseconds). The
 * signature id becomes the MSGID.
 */
final class Cef implements Dialect {
    static final String NAME = "cef";
    /** A relay or device may put a host name or time before the payload. */
    private static final int MAX_PREFIX = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("arcsight");
    }

    @Override
    public boolean detect(DialectInput in) {
        return start(in.message()) >= 0;
    }

    static int start(String m) {
        int at = m.indexOf("CEF:", 0, Math.min(m.length(), MAX_PREFIX + 4));
        return at >= 0 && at + 5 < m.length() && m.charAt(at + 5) == '|' ? at : -1;
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String m = in.message();
        int at = start(m);
        if (at < 0) {
            return null;
        }
        int[] bars = new int[7];
        int found = 0;
        for (int i = at; i < m.length() && found < 7; i++) {
            char c = m.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                bars[found++] = i;
            }
        }
        if (found < 7) {
            return null;
        }
        String signature = headerValue(m.substring(bars[3] + 1, bars[4]));
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        Extension ext = new Extension(f);
        extension(m.substring(bars[6] + 1), ext);
        f.put(BYTES, Normalize.sum(ext.bytesIn, ext.bytesOut));
        return Rewrite.event(in.event(), ext.time, null, signature.isEmpty() ? null : signature, null, f.build());
    }

    private static String headerValue(String raw) {
        return raw.indexOf('\\') < 0 ? raw : raw.replace("\\|", "|").replace("\\\\", "\\");
    }

    /** Splits the extension at each {@code key=} that follows a space (or starts it). */
    private static void extension(String s, Extension sink) {
        int keyStart = -1;
        int eq = -1;
        int i = 0;
        while (i <= s.length()) {
            int next = nextKey(s, i);
            if (eq >= 0) {
                int valueEnd = next < 0 ? s.length() : next - 1;
                sink.accept(s.substring(keyStart, eq), unescape(s.substring(eq + 1, Math.max(eq + 1, valueEnd)).strip()));
            }
            if (next < 0) {
                return;
            }
            keyStart = next;
            eq = s.indexOf('=', next);
            i = eq + 1;
        }
    }

    /** Start of the next {@code key=} at or after {@code from}, where a key is a run of word characters after a space. */
    private static int nextKey(String s, int from) {
        for (int i = s.indexOf('=', from); i > 0; i = s.indexOf('=', i + 1)) {
            if (s.charAt(i - 1) == '\\') {
                continue;
            }
            int k = i;
            while (k > 0 && isKeyChar(s.charAt(k - 1))) {
                k--;
            }
            if (k < i && (k == 0 || s.charAt(k - 1) == ' ') && k >= from) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '[' || c == ']';
    }

    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final class Extension {
        final Fields.Builder f;
        String bytesIn;
        String bytesOut;
        Instant time;

        Extension(Fields.Builder f) {
            this.f = f;
        }

        void accept(String key, String v) {
            switch (key) {
                case "src" -> f.put(SRC_IP, Normalize.ip(v));
                case "spt" -> f.put(SRC_PORT, Normalize.port(v));
                case "dst" -> f.put(DST_IP, Normalize.ip(v));
                case "dpt" -> f.put(DST_PORT, Normalize.port(v));
                case "smac" -> f.put(MAC, Normalize.mac(v));
                case "suser" -> f.put(USER, v);
                case "act" -> f.put(ACTION, Normalize.action(v));
                case "proto" -> f.put(PROTOCOL, Normalize.protocol(v));
                case "in" -> bytesIn = v;
                case "out" -> bytesOut = v;
                case "sourceTranslatedAddress" -> f.put(NAT_SRC_IP, Normalize.ip(v));
                case "sourceTranslatedPort" -> f.put(NAT_SRC_PORT, Normalize.port(v));
                case "destinationTranslatedAddress" -> f.put(NAT_DST_IP, Normalize.ip(v));
                case "destinationTranslatedPort" -> f.put(NAT_DST_PORT, Normalize.port(v));
                case "deviceInboundInterface" -> f.put(INTERFACE, v);
                case "rt" -> {
                    String ms = Normalize.number(v, 13);
                    time = ms != null && ms.length() == 13 ? Instant.ofEpochMilli(Long.parseLong(ms)) : null;
                }
                default -> { }
            }
        }
    }
}
