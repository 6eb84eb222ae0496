package org.logmaster.collector.ingest;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the UDP syslog listener.
 *
 * @param name               listener name in frames and counters ("udp")
 * @param bindAddress        local address to listen on (0.0.0.0 or :: for all)
 * @param port               port, or 0 to let the kernel choose (tests)
 * @param sockets            sockets bound to the same port (SO_REUSEPORT), each with its own reader thread
 * @param receiveBufferBytes SO_RCVBUF asked of the kernel, which absorbs bursts while readers are busy
 * @param maxMessageBytes    datagrams longer than this are still kept whole, but counted oversized
 * @param dropPollInterval   how often the kernel's drop counter is read
 * @param config             where these settings come from, named in error messages
 */
public record UdpSettings(String name, InetAddress bindAddress, int port, int sockets, int receiveBufferBytes,
                          int maxMessageBytes, Duration dropPollInterval, ConfigRef config) {

    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    public static final Duration DEFAULT_DROP_POLL_INTERVAL = Duration.ofSeconds(1);

    public UdpSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dropPollInterval, "dropPollInterval");
        Objects.requireNonNull(config, "config");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (sockets < 1) throw new IllegalArgumentException("sockets must be positive");
        if (receiveBufferBytes < 1) throw new IllegalArgumentException("receiveBufferBytes must be positive");
        if (maxMessageBytes < 1) throw new IllegalArgumentException("maxMessageBytes must be positive");
        if (dropPollInterval.isNegative() || dropPollInterval.isZero()) {
            throw new IllegalArgumentException("dropPollInterval must be positive");
        }
    }

    /** Defaults: one socket per core, 8 MiB receive buffers, 64 KiB messages, drops read every second. */
    public static UdpSettings of(String name, InetAddress bindAddress, int port, ConfigRef config) {
        return new UdpSettings(name, bindAddress, port, Runtime.getRuntime().availableProcessors(),
                DEFAULT_RECEIVE_BUFFER_BYTES, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_DROP_POLL_INTERVAL, config);
    }

    public UdpSettings withSockets(int count) {
        return new UdpSettings(name, bindAddress, port, count, receiveBufferBytes, maxMessageBytes, dropPollInterval,
                config);
    }

    public UdpSettings withReceiveBufferBytes(int bytes) {
        return new UdpSettings(name, bindAddress, port, sockets, bytes, maxMessageBytes, dropPollInterval, config);
    }

    public UdpSettings withMaxMessageBytes(int bytes) {
        return new UdpSettings(name, bindAddress, port, sockets, receiveBufferBytes, bytes, dropPollInterval, config);
    }
}
