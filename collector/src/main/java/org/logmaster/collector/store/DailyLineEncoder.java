package org.logmaster.collector.store;

import java.nio.charset.StandardCharsets;
import org.logmaster.collector.ingest.RawFrame;

/**
 * Encodes frames as {@link DailyLine}s into a {@link LineBuffer}. Keeps the formatted current
 * second, so each writer thread owns one; not thread-safe.
 */
final class DailyLineEncoder {
    private final ArrivalTimeFormat time = new ArrivalTimeFormat();

    void encodeTo(RawFrame frame, LineBuffer out) {
        time.format(frame.arrival(), out);
        out.put((byte) ' ');
        field(frame.sender().getHostAddress(), out);
        out.put((byte) ' ');
        field(frame.listener(), out);
        out.put((byte) ' ');
        byte[] raw = frame.payload();
        LineEscaping.escape(raw, 0, raw.length, out, false);
        out.put((byte) '\n');
    }

    private static void field(String value, LineBuffer out) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        LineEscaping.escape(bytes, 0, bytes.length, out, true);
    }
}
