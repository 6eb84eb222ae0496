package org.logmaster.collector.ingest;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One syslog message exactly as it arrived: the bytes of one frame (without framing),
 * when it arrived, who sent it and which listener took it. Nothing is parsed yet, so that
 * the legal record can be written before any interpretation can fail.
 *
 * @param payload  the message bytes, never modified
 * @param arrival  arrival time taken by the listener (UTC)
 * @param sender   the peer address (for tailed files: the configured device address, or loopback)
 * @param listener name of the listener that received it ("udp", "tcp", "tls", "file:&lt;name&gt;")
 * @param deviceHint device id fixed by the listener (tailed files name their device), or null
 */
public record RawFrame(byte[] payload, Instant arrival, InetAddress sender, String listener, String deviceHint) {
    public RawFrame {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(listener, "listener");
    }

    public RawFrame(byte[] payload, Instant arrival, InetAddress sender, String listener) {
        this(payload, arrival, sender, listener, null);
    }
}
