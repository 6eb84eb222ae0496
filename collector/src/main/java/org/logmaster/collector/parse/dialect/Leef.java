package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
import static org.logmaster.collector.parse.Field.BYTES;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.DST_IP;
import static org.logmaster.collector.parse.Field.DST_PORT;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.NAT_DST_IP;
import static org.logmaster.collector.parse.Field.NAT_DST_PORT;
import static org.logmaster.collector.parse.Field.NAT_SRC_IP;
import static org.logmaster.collector.parse.Field.NAT_SRC_PORT;
import static org.logmaster.collector.parse.Field.PROTOCOL;
import static org.logmaster.collector.parse.Field.SRC_IP;
import static org.logmaster.collector.parse.Field.SRC_PORT;
import static org.logmaster.collector.parse.Field.USER;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * IBM QRadar Log Event Extended Format inside any syslog message:
 * {@code LEEF:1.0|Vendor|Product|Version|EventID|key=value<TAB>key=value...}, or
 * {@code LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|...} where the delimiter is a
 * character, or its code as {@code xHH}/{@code 0xHH}. The keys read are the LEEF predefined
 * attributes: src, dst, srcPort, dstPort, srcMAC, usrName, proto, srcPostNAT, srcPostNATPort,
 * dstPostNAT, dstPostNATPort, srcBytes/dstBytes (or totalBytes), and the common action.
 */
final class Leef implements Dialect {
    static final String NAME = "leef";
    private static final int MAX_PREFIX = 64;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("qradar");
    }

    @Override
    public boolean detect(DialectInput in) {
        return start(in.message()) >= 0;
    }

    private static int start(String m) {
        return m.indexOf("LEEF:", 0, Math.min(m.length(), MAX_PREFIX + 5));
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String m = in.message();
        int at = start(m);
        if (at < 0) {
            return null;
        }
        boolean v2 = m.startsWith("LEEF:2", at);
        int headerFields = v2 ? 6 : 5;
        int p = at;
        int eventIdStart = -1;
        int eventIdEnd = -1;
        for (int n = 0; n < headerFields; n++) {
            int bar = m.indexOf('|', p);
            if (bar < 0) {
                return null;
            }
            if (n == 4) {
                eventIdStart = p;
                eventIdEnd = bar;
            }
            p = bar + 1;
        }
        char delimiter = v2 ? delimiter(m.substring(m.lastIndexOf('|', p - 2) + 1, p - 1)) : '\t';
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        String srcBytes = null;
        String dstBytes = null;
        String total = null;
        for (String pair : m.substring(p).split(java.util.regex.Pattern.quote(String.valueOf(delimiter)))) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String v = pair.substring(eq + 1).strip();
            switch (pair.substring(0, eq).strip()) {
                case "src" -> f.put(SRC_IP, Normalize.ip(v));
                case "dst" -> f.put(DST_IP, Normalize.ip(v));
                case "srcPort" -> f.put(SRC_PORT, Normalize.port(v));
                case "dstPort" -> f.put(DST_PORT, Normalize.port(v));
                case "srcMAC" -> f.put(MAC, Normalize.mac(v));
                case "usrName" -> f.put(USER, v);
                case "proto" -> f.put(PROTOCOL, Normalize.protocol(v));
                case "srcPostNAT" -> f.put(NAT_SRC_IP, Normalize.ip(v));
                case "srcPostNATPort" -> f.put(NAT_SRC_PORT, Normalize.port(v));
                case "dstPostNAT" -> f.put(NAT_DST_IP, Normalize.ip(v));
                case "dstPostNATPort" -> f.put(NAT_DST_PORT, Normalize.port(v));
                case "srcBytes" -> srcBytes = v;
                case "dstBytes" -> dstBytes = v;
                case "totalBytes" -> total = v;
                case "action" -> f.put(ACTION, Normalize.action(v));
                default -> { }
            }
        }
        f.put(BYTES, total != null ? Normalize.count(total) : Normalize.sum(srcBytes, dstBytes));
        String eventId = m.substring(eventIdStart, eventIdEnd);
        return Rewrite.event(in.event(), null, null, eventId.isEmpty() ? null : eventId, null, f.build());
    }

    /** A single character, or {@code xHH} / {@code 0xHH}; tab when empty or unreadable. */
    private static char delimiter(String spec) {
        if (spec.length() == 1) {
            return spec.charAt(0);
        }
        String hex = spec.startsWith("0x") ? spec.substring(2) : spec.startsWith("x") ? spec.substring(1) : null;
        if (hex != null && !hex.isEmpty() && hex.length() <= 4) {
            try {
                return (char) Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                return '\t';
            }
        }
        return '\t';
    }
}
