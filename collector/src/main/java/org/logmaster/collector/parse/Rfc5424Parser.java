package org.logmaster.collector.parse;

import java.time.Instant;
import java.util.List;

import org.logmaster.collector.parse.LogEvent.StructuredElement;

/**
 * RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [SP MSG]}.
 * Header fields are printable US-ASCII with the RFC's maximum lengths; "-" (NILVALUE)
 * becomes null. Anything that breaks the grammar makes the whole message a malformed RAW
 * event, because a half-understood header would put wrong values into indexed fields.
 *
 * <p>Harmless deviations that real senders produce are accepted as they are: trailing
 * LF/CR/NUL, no MSG, no STRUCTURED-DATA at all (the MSG follows MSGID directly), lower-case
 * 't'/'z' in the timestamp, and unescaped ']' inside PARAM-VALUEs.
 */
public final class Rfc5424Parser implements MessageParser {
    static final int MAX_HOSTNAME = 255;
    static final int MAX_APP_NAME = 48;
    static final int MAX_PROCID = 128;
    static final int MAX_MSGID = 32;
    static final int MAX_FRACTION_DIGITS = 6;

    private static final String PREFIX = "RFC 5424: ";

    @Override
    public LogEvent parse(byte[] message, ParseContext context) {
        if (message == null) {
            return RawEvents.noBytes();
        }
        int end = MessageText.trimmedEnd(message);
        if (end == 0) {
            return RawEvents.noBytes();
        }
        int pri = SyslogPri.parse(message, end);
        if (pri < 0) {
            return RawEvents.malformed(message, end, pri, PREFIX + SyslogPri.problem(pri));
        }
        ByteReader r = new ByteReader(message, SyslogPri.length(pri), end);
        LogEvent event = parseAfterPri(r, pri);
        return r.failed() ? RawEvents.malformed(message, end, pri, PREFIX + r.error()) : event;
    }

    private static LogEvent parseAfterPri(ByteReader r, int pri) {
        if (!r.at('1') || r.pos + 1 >= r.end || r.bytes[r.pos + 1] != ' ') {
            return r.fail("VERSION is not \"1\"");
        }
        r.pos += 2;
        Instant time = timestamp(r);
        String hostname = field(r, "HOSTNAME", MAX_HOSTNAME, false);
        String appName = field(r, "APP-NAME", MAX_APP_NAME, false);
        String procId = field(r, "PROCID", MAX_PROCID, false);
        String msgId = field(r, "MSGID", MAX_MSGID, true);
        List<StructuredElement> structuredData = structuredData(r);
        if (r.failed()) {
            return null;
        }
        String msg = r.atEnd() ? "" : MessageText.msg(r.bytes, r.pos, r.end);
        return new LogEvent(LogEvent.Format.RFC5424, SyslogPri.facility(pri), SyslogPri.severity(pri), time,
                hostname, appName, procId, msgId, structuredData, msg, false, null);
    }

    private static Instant timestamp(ByteReader r) {
        if (r.at('-')) {
            r.pos++;
            separator(r, "TIMESTAMP");
            return null;
        }
        ParsedTimestamp ts = Rfc3339Timestamp.parse(r.bytes, r.pos, r.end, MAX_FRACTION_DIGITS, null);
        if (!ts.ok()) {
            return r.fail("invalid TIMESTAMP (" + ts.error() + ")");
        }
        r.pos = ts.end();
        return separator(r, "TIMESTAMP") ? ts.instant() : null;
    }

    /**
     * One header field up to its SP: 1..max printable US-ASCII octets, NILVALUE as null.
     * After MSGID ({@code mayEndMessage}) the SP may be missing when the message ends there.
     */
    private static String field(ByteReader r, String name, int max, boolean mayEndMessage) {
        if (r.failed()) {
            return null;
        }
        byte[] b = r.bytes;
        int start = r.pos;
        int limit = Math.min(r.end, start + max + 1);
        int p = start;
        while (p < limit && b[p] != ' ') {
            if (!ByteReader.isPrintUsAscii(b[p])) {
                return r.fail(name + " contains a byte that is not printable US-ASCII at offset " + p);
            }
            p++;
        }
        if (p - start > max) {
            return r.fail(name + " longer than " + max + " octets");
        }
        if (p == start) {
            return r.fail(p == r.end ? "message ends before " + name : "empty " + name + " (two spaces) at offset " + p);
        }
        r.pos = p;
        if (!(mayEndMessage && r.atEnd()) && !separator(r, name)) {
            return null;
        }
        return p - start == 1 && b[start] == '-' ? null : MessageText.ascii(b, start, p);
    }

    /** Consumes the SP that must follow a header field. */
    private static boolean separator(ByteReader r, String after) {
        if (r.at(' ')) {
            r.pos++;
            return true;
        }
        r.fail(r.atEnd() ? "message ends after " + after : "expected SP after " + after + " at offset " + r.pos);
        return false;
    }

    /** STRUCTURED-DATA and the SP before MSG; leaves {@code r} at the start of MSG. */
    private static List<StructuredElement> structuredData(ByteReader r) {
        if (r.failed() || r.atEnd()) {
            return List.of();
        }
        byte[] b = r.bytes;
        if (b[r.pos] == '-' && (r.pos + 1 == r.end || b[r.pos + 1] == ' ')) {
            r.pos += r.pos + 1 == r.end ? 1 : 2;
            return List.of();
        }
        if (b[r.pos] != '[') {
            // No STRUCTURED-DATA field at all: some senders omit it; the MSG follows MSGID directly.
            return List.of();
        }
        List<StructuredElement> elements = StructuredDataParser.parse(r);
        if (elements == null) {
            return null;
        }
        if (!r.atEnd() && !separator(r, "STRUCTURED-DATA")) {
            return null;
        }
        return elements;
    }
}
