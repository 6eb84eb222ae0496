package org.logmaster.collector.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * RFC 3164 (BSD syslog): {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[pid]: MSG}, as real
 * senders write it rather than as the RFC idealises it:
 * <ul>
 *   <li>the timestamp may be RFC 3339 instead (rsyslog's RSYSLOG_ForwardFormat), or carry
 *       fractional seconds or a year (see {@link BsdTimestamp});</li>
 *   <li>the year is inferred from the arrival time in the sender's zone;</li>
 *   <li>HOSTNAME may be missing: a first token that looks like a tag ({@code sshd[12]:},
 *       {@code su:}) is read as the tag;</li>
 *   <li>a message with PRI but no readable timestamp is kept as RFC 3164 with all of the rest
 *       as MSG, because RFC 3164 4.3.2 tells relays to accept exactly that.</li>
 * </ul>
 * Only a message without a valid PRI is malformed (RAW).
 */
public final class Rfc3164Parser implements MessageParser {
    private static final String PREFIX = "RFC 3164: ";
    /** rsyslog writes microseconds, some senders nanoseconds; both are harmless here. */
    private static final int MAX_FRACTION_DIGITS = 9;

    private final ZoneId defaultZone;

    /** @param defaultZone zone of senders whose {@link ParseContext} names none */
    public Rfc3164Parser(ZoneId defaultZone) {
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

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
        int pos = SyslogPri.length(pri);
        ParsedTimestamp ts = timestamp(message, pos, end, context);
        if (!ts.ok()) {
            return event(pri, null, null, null, null, MessageText.msg(message, pos, end));
        }
        return afterTimestamp(message, skipSpaces(message, ts.end(), end), end, pri, ts.instant());
    }

    private ParsedTimestamp timestamp(byte[] b, int pos, int end, ParseContext context) {
        Instant arrival = context != null && context.arrival() != null ? context.arrival() : Instant.now();
        ZoneId zone = context != null && context.senderZone() != null ? context.senderZone() : defaultZone;
        if (Digits.one(b, pos, end) < 0) {
            return BsdTimestamp.parse(b, pos, end, arrival, zone);
        }
        ParsedTimestamp ts = Rfc3339Timestamp.parse(b, pos, end, MAX_FRACTION_DIGITS, zone);
        return ts.ok() && ts.end() < end && b[ts.end()] != ' '
                ? ParsedTimestamp.failed("timestamp not followed by a space") : ts;
    }

    /** HOSTNAME (unless missing), TAG (unless missing) and MSG. */
    private static LogEvent afterTimestamp(byte[] b, int pos, int end, int pri, Instant time) {
        String hostname = null;
        int tokenEnd = indexOfSpace(b, pos, end);
        Tag tag = Tag.read(b, pos, tokenEnd);
        if (tag == null && pos < end) {
            hostname = MessageText.utf8(b, pos, tokenEnd);
            pos = skipSpaces(b, tokenEnd, end);
            tokenEnd = indexOfSpace(b, pos, end);
            tag = Tag.read(b, pos, tokenEnd);
        }
        if (tag == null) {
            return event(pri, time, hostname, null, null, MessageText.msg(b, pos, end));
        }
        int msgStart = Math.min(tokenEnd + 1, end);
        return event(pri, time, hostname, tag.name(), tag.pid(), MessageText.msg(b, msgStart, end));
    }

    private static LogEvent event(int pri, Instant time, String hostname, String tag, String pid, String msg) {
        return new LogEvent(LogEvent.Format.RFC3164, SyslogPri.facility(pri), SyslogPri.severity(pri), time,
                hostname, tag, pid, null, null, msg, false, null);
    }

    private static int indexOfSpace(byte[] b, int from, int end) {
        int p = from;
        while (p < end && b[p] != ' ') {
            p++;
        }
        return p;
    }

    private static int skipSpaces(byte[] b, int from, int end) {
        int p = from;
        while (p < end && b[p] == ' ') {
            p++;
        }
        return p;
    }

    /**
     * A TAG token: {@code name:}, {@code name[pid]:} or {@code name[pid]} (name may be empty:
     * Cisco ASA writes a lone ':'). A token that ends in neither ':' nor "[...]" is no tag.
     */
    record Tag(String name, String pid) {
        static Tag read(byte[] b, int from, int to) {
            if (to <= from) {
                return null;
            }
            boolean colon = b[to - 1] == ':';
            int nameEnd = colon ? to - 1 : to;
            String pid = null;
            if (nameEnd > from && b[nameEnd - 1] == ']') {
                int open = indexOf(b, '[', from, nameEnd - 1);
                if (open >= 0) {
                    pid = open + 1 < nameEnd - 1 ? MessageText.utf8(b, open + 1, nameEnd - 1) : null;
                    nameEnd = open;
                } else if (!colon) {
                    return null;
                }
            } else if (!colon) {
                return null;
            }
            return new Tag(nameEnd > from ? MessageText.utf8(b, from, nameEnd) : null, pid);
        }

        private static int indexOf(byte[] b, char c, int from, int to) {
            for (int p = from; p < to; p++) {
                if (b[p] == c) {
                    return p;
                }
            }
            return -1;
        }
    }
}
