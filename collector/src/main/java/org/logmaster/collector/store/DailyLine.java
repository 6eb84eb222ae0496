package org.logmaster.collector.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.logmaster.collector.ingest.RawFrame;

/**
 * One line of a daily file, which is one received message:
 * {@code <arrival> <sender> <listener> <raw>\n}, e.g.
 * {@code 2026-11-28T09:15:02.123Z 192.0.2.7 udp <134>Nov 28 12:15:02 fw1 ...}.
 * The arrival time is UTC with milliseconds; sender and listener are escaped like the raw
 * message and additionally have their spaces escaped (see {@link LineEscaping}), so the
 * line splits at its first three spaces and decoding gives back the original bytes exactly.
 *
 * @param arrival  arrival time, milliseconds precision
 * @param sender   the sender address as written (an IP literal)
 * @param listener the listener that received the message
 * @param raw      the message bytes exactly as received
 */
public record DailyLine(Instant arrival, String sender, String listener, byte[] raw) {

    public DailyLine {
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(raw, "raw");
    }

    /** The line for a frame, '\n' included. */
    public static byte[] encode(RawFrame frame) {
        LineBuffer out = new LineBuffer(frame.payload().length + 64);
        new DailyLineEncoder().encodeTo(frame, out);
        return out.toByteArray();
    }

    /** Decodes one line, with or without its final '\n'. */
    public static DailyLine decode(byte[] line) throws MalformedLineException {
        return decode(line, 0, line.length);
    }

    /** Decodes the line in {@code buffer[offset, offset+length)}, with or without its final '\n'. */
    public static DailyLine decode(byte[] buffer, int offset, int length) throws MalformedLineException {
        int end = offset + length;
        if (length > 0 && buffer[end - 1] == '\n') end--;
        int timeEnd = indexOfSpace(buffer, offset, end, "arrival time");
        int senderEnd = indexOfSpace(buffer, timeEnd + 1, end, "sender");
        int listenerEnd = indexOfSpace(buffer, senderEnd + 1, end, "listener");
        Instant arrival = ArrivalTimeFormat.parse(buffer, offset, timeEnd - offset);
        String sender = field(buffer, timeEnd + 1, senderEnd);
        String listener = field(buffer, senderEnd + 1, listenerEnd);
        byte[] raw = LineEscaping.unescape(buffer, listenerEnd + 1, end - listenerEnd - 1);
        return new DailyLine(arrival, sender, listener, raw);
    }

    private static int indexOfSpace(byte[] b, int from, int end, String field) throws MalformedLineException {
        for (int i = from; i < end; i++) {
            if (b[i] == ' ') return i;
        }
        throw new MalformedLineException("line ends in its " + field + " field");
    }

    private static String field(byte[] b, int from, int to) throws MalformedLineException {
        return new String(LineEscaping.unescape(b, from, to - from), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyLine other && arrival.equals(other.arrival) && sender.equals(other.sender)
                && listener.equals(other.listener) && java.util.Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arrival, sender, listener, java.util.Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
        return "DailyLine[" + arrival + " " + sender + " " + listener + " " + raw.length + " bytes]";
    }
}
