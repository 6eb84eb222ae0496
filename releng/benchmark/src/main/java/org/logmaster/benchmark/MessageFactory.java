package org.logmaster.benchmark;

import java.nio.charset.StandardCharsets;

/** RFC 5424 messages of about the requested size, each with its sequence number. */
final class MessageFactory {
    private final int size;
    private final int devices;

    MessageFactory(int size, int devices) {
        this.size = size;
        this.devices = Math.max(1, devices);
    }

    byte[] message(long seq) {
        StringBuilder sb = new StringBuilder(size + 32);
        sb.append("<134>1 2026-11-28T12:00:00.000Z fw-").append(seq % devices)
          .append(" filterlog 4242 NAT - seq=").append(seq)
          .append(" action=pass src=10.1.2.3:51514 dst=192.0.2.80:443 proto=tcp ");
        while (sb.length() < size) sb.append('x');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
