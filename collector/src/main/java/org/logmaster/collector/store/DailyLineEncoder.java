package org.logmaster.collector.store;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.logmaster.collector.ingest.RawFrame;

/**
 * Encodes frames as {@link DailyLine}s into a {@link LineBuffer}. Keeps the formatted current
 * second, so each writer thread owns one; not thread-safe.
 */
final class DailyLineEncoder {
    // the same few senders and listeners come again and again: their escaped bytes are kept
    private static final int MAX_CACHED = 4096;

    private final ArrivalTimeFormat time = new ArrivalTimeFormat();
    private final Map<InetAddress, byte[]> senders = new HashMap<>();
    private final Map<String, byte[]> listeners = new HashMap<>();

    void encodeTo(RawFrame frame, LineBuffer out) {
        time.format(frame.arrival(), out);
        out.put((byte) ' ');
        byte[] sender = cached(senders, frame.sender(), InetAddress::getHostAddress);
        out.put(sender, 0, sender.length);
        out.put((byte) ' ');
        byte[] listener = cached(listeners, frame.listener(), name -> name);
        out.put(listener, 0, listener.length);
        out.put((byte) ' ');
        byte[] raw = frame.payload();
        LineEscaping.escape(raw, 0, raw.length, out, false);
        out.put((byte) '\n');
    }

    private static <K> byte[] cached(Map<K, byte[]> cache, K key, Function<K, String> text) {
        byte[] escaped = cache.get(key);
        if (escaped == null) {
            if (cache.size() >= MAX_CACHED) cache.clear();
            byte[] bytes = text.apply(key).getBytes(StandardCharsets.UTF_8);
            LineBuffer field = new LineBuffer(bytes.length * 4);
            LineEscaping.escape(bytes, 0, bytes.length, field, true);
            escaped = field.toByteArray();
            cache.put(key, escaped);
        }
        return escaped;
    }
}
