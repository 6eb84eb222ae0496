package org.logmaster.collector.parse.dialect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.logmaster.collector.parse.DeviceTimestamps;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;

/**
 * What Cisco devices (IOS, IOS-XE, NX-OS, ASA, FTD) write before the {@code %FAC-SEV-MNEMONIC:}
 * of a message, which RFC 3164 readers take apart wrongly. Any of these may be there, each
 * ended by ": ":
 * <pre>
 *   45:                               sequence number (service sequence-numbers)
 *   router1:                          origin id (logging origin-id hostname)
 *   *Mar  1 00:00:01.123:             time; '*' = clock never set, '.' = clock not in sync
 *   Mar  1 2024 10:01:02.123 UTC:     time with year and zone (service timestamps ... year show-timezone)
 *   2024 Mar  1 10:01:02 UTC:         NX-OS time
 *   Feb 05 2024 10:01:02 asa01 :      ASA time and device id
 * </pre>
 * When several times are present (a relay's and the device's), the last one, the device's own,
 * wins. A zone name other than UTC/GMT or a numeric offset cannot be resolved, so the
 * sender's zone is used for it.
 *
 * @param time          the device's time, or null when the message carries none
 * @param hostname      the device's name from the origin id or ASA device id, or null
 * @param mnemonicStart index of the '%'
 * @param mnemonic      {@code FAC-SEV-MNEMONIC} without '%' and ':'
 * @param bodyStart     index of the text after {@code %FAC-SEV-MNEMONIC: }
 * @param text          the text read: the message after PRI
 */
record CiscoHeader(Instant time, String hostname, int mnemonicStart, String mnemonic, int bodyStart, String text) {
    /** Headers are short; a '%' further in is part of the text. */
    private static final int MAX_PREAMBLE = 160;

    /**
     * Reads the header from what was received after PRI, because RFC 3164 readers take a
     * sequence number or a time zone for a tag; an RFC 5424 message has its MSG read as is.
     */
    static CiscoHeader read(DialectInput in) {
        String text = in.event().format() == LogEvent.Format.RFC5424 ? in.message() : in.textAfterPri();
        return read(text, in.context());
    }

    /** True when a Cisco mnemonic is near the start of the message or was taken for the tag. */
    static boolean present(DialectInput in) {
        String app = in.appName();
        return app != null && app.startsWith("%") || mnemonicStart(in.message()) >= 0;
    }

    /** The text after {@code %FAC-SEV-MNEMONIC: }. */
    String body() {
        return text.substring(bodyStart);
    }

    /** The message from the '%' on: what the event's message becomes. */
    String fromMnemonic() {
        return text.substring(mnemonicStart);
    }

    static CiscoHeader read(String text, ParseContext context) {
        int pct = mnemonicStart(text);
        if (pct < 0) {
            return null;
        }
        int colon = text.indexOf(':', pct);
        int body = colon + 1 < text.length() && text.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
        Preamble p = new Preamble(context);
        int segment = 0;
        while (segment < pct) {
            int end = text.indexOf(": ", segment);
            if (end < 0 || end > pct) {
                end = pct;
            }
            p.segment(text, segment, end);
            segment = end + 2;
        }
        return new CiscoHeader(p.time, p.host, pct, text.substring(pct + 1, colon), body, text);
    }

    /** Index of a '%' starting {@code FAC[-SUB]-SEV-MNEMONIC:} near the start, or -1. */
    static int mnemonicStart(String text) {
        int limit = Math.min(text.length(), MAX_PREAMBLE);
        for (int i = text.indexOf('%', 0, limit); i >= 0; i = text.indexOf('%', i + 1, limit)) {
            if (isMnemonic(text, i + 1)) {
                return i;
            }
        }
        return -1;
    }

    /** The facility code of the mnemonic at '%': {@code ASA} for {@code %ASA-6-302013:}. */
    String facility() {
        int dash = mnemonic.indexOf('-');
        return dash < 0 ? mnemonic : mnemonic.substring(0, dash);
    }

    /** The part after the severity digit: {@code 302013}, {@code CONFIG_I}. */
    String code() {
        int sev = severityDash(mnemonic);
        return sev < 0 ? mnemonic : mnemonic.substring(sev + 3);
    }

    private static boolean isMnemonic(String s, int from) {
        int p = from;
        while (p < s.length() && p - from < 80) {
            char c = s.charAt(p);
            if (c == ':') {
                return severityDash(s.substring(from, p)) > 0;
            }
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
            p++;
        }
        return false;
    }

    /** Index of the '-' before a {@code -d-} severity with text on both sides, or -1. */
    private static int severityDash(String m) {
        for (int i = 1; i + 3 < m.length(); i++) {
            char d = m.charAt(i + 1);
            if (m.charAt(i) == '-' && d >= '0' && d <= '7' && m.charAt(i + 2) == '-') {
                return i;
            }
        }
        return -1;
    }

    /** Accumulates what the ": "-separated segments before the mnemonic say. */
    private static final class Preamble {
        private final ParseContext context;
        Instant time;
        String host;

        Preamble(ParseContext context) {
            this.context = context;
        }

        void segment(String text, int from, int to) {
            while (from < to && (text.charAt(from) == ' ' || text.charAt(from) == '*' || text.charAt(from) == '.'
                    || text.charAt(from) == ':')) {
                from++;
            }
            while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == ':')) {
                to--;
            }
            if (from >= to) {
                return;
            }
            String seg = text.substring(from, to);
            int after = timestamp(seg);
            tokens(seg, after);
        }

        /** Reads a time at the start of the segment; returns where the rest of the segment starts. */
        private int timestamp(String seg) {
            ZoneId zone = context.senderZone();
            char first = seg.charAt(0);
            if (first >= '0' && first <= '9') {
                if (seg.length() > 10 && (seg.charAt(10) == 'T' || seg.charAt(10) == 't')) {
                    DeviceTimestamps.Found ts = DeviceTimestamps.rfc3339(seg, 0, seg.length(), zone);
                    if (ts != null) {
                        time = ts.instant();
                        return ts.end();
                    }
                }
                return yearFirst(seg, zone);
            }
            DeviceTimestamps.Found ts = DeviceTimestamps.bsd(seg, 0, seg.length(), context.arrival(), zone);
            if (ts == null) {
                return 0;
            }
            ZoneId written = zoneAfter(seg, ts.end());
            if (written != null) {
                ts = DeviceTimestamps.bsd(seg, 0, seg.length(), context.arrival(), written);
            }
            time = ts.instant();
            return ts.end();
        }

        /** NX-OS {@code 2024 Mar  1 10:01:02[.fff]}: read as {@code Mar  1 2024 10:01:02}. */
        private int yearFirst(String seg, ZoneId zone) {
            if (seg.length() < 20 || seg.charAt(4) != ' ' || seg.charAt(8) != ' '
                    || Normalize.number(seg.substring(0, 4), 4) == null) {
                return 0;
            }
            int p = 8;
            while (p < seg.length() && seg.charAt(p) == ' ') {
                p++;
            }
            int dayStart = p;
            while (p < seg.length() && seg.charAt(p) >= '0' && seg.charAt(p) <= '9') {
                p++;
            }
            if (p == dayStart) {
                return 0;
            }
            // Same length as the original, so positions after the time stay valid.
            String reordered = seg.substring(5, p) + " " + seg.substring(0, 4) + seg.substring(p);
            DeviceTimestamps.Found ts = DeviceTimestamps.bsd(reordered, 0, reordered.length(), context.arrival(), zone);
            if (ts == null) {
                return 0;
            }
            ZoneId written = zoneAfter(reordered, ts.end());
            if (written != null) {
                ts = DeviceTimestamps.bsd(reordered, 0, reordered.length(), context.arrival(), written);
            }
            time = ts.instant();
            return ts.end();
        }

        /** UTC/GMT or a numeric offset right after the time; other zone names are not resolvable. */
        private static ZoneId zoneAfter(String seg, int end) {
            int p = end;
            while (p < seg.length() && seg.charAt(p) == ' ') {
                p++;
            }
            int q = seg.indexOf(' ', p);
            String word = seg.substring(p, q < 0 ? seg.length() : q);
            if (word.equals("UTC") || word.equals("GMT") || word.equals("UCT") || word.equals("Z")) {
                return ZoneOffset.UTC;
            }
            if (word.length() >= 5 && (word.charAt(0) == '+' || word.charAt(0) == '-')) {
                try {
                    return ZoneOffset.of(word.length() == 5 ? word.substring(0, 3) + ":" + word.substring(3) : word);
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
            return null;
        }

        /** After the time: a zone name (skipped), a sequence number (skipped), or a host name. */
        private void tokens(String seg, int from) {
            boolean afterTime = from > 0;
            int p = from;
            while (p < seg.length()) {
                while (p < seg.length() && seg.charAt(p) == ' ') {
                    p++;
                }
                int q = seg.indexOf(' ', p);
                if (q < 0) {
                    q = seg.length();
                }
                if (q > p) {
                    String word = seg.substring(p, q);
                    if (afterTime && isZoneName(word)) {
                        afterTime = false;
                    } else if (Normalize.number(word, 12) == null) {
                        host = word;
                    }
                }
                p = q;
            }
        }

        private static boolean isZoneName(String w) {
            if (w.charAt(0) == '+' || w.charAt(0) == '-') {
                return true;
            }
            if (w.length() < 2 || w.length() > 5) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                if (w.charAt(i) < 'A' || w.charAt(i) > 'Z') {
                    return false;
                }
            }
            return true;
        }
    }
}
