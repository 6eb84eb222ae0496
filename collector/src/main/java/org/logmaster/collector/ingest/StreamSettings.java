package org.logmaster.collector.ingest;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a TCP or TLS syslog listener.
 *
 * @param name             listener name in frames and counters ("tcp", "tls")
 * @param bindAddress      local address to listen on (0.0.0.0 or :: for all)
 * @param port             port, or 0 to let the kernel choose (tests)
 * @param maxMessageBytes  longest frame kept whole; longer ones are cut and counted oversized
 * @param maxConnections   connections beyond this are closed at once, with a log line
 * @param idleTimeout      a connection silent this long is closed; {@link Duration#ZERO} = never
 * @param handshakeTimeout TLS only: how long a client may take to finish its handshake
 * @param config           where these settings come from, named in error messages
 */
public record StreamSettings(String name, InetAddress bindAddress, int port, int maxMessageBytes, int maxConnections,
                             Duration idleTimeout, Duration handshakeTimeout, ConfigRef config) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    public StreamSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(config, "config");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (maxMessageBytes < 1) throw new IllegalArgumentException("maxMessageBytes must be positive");
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be positive");
        if (idleTimeout.isNegative()) throw new IllegalArgumentException("idleTimeout must not be negative");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
    }

    /** Defaults for a listener named {@code name}: 64 KiB messages, 1000 connections, no idle timeout. */
    public static StreamSettings of(String name, InetAddress bindAddress, int port, ConfigRef config) {
        return new StreamSettings(name, bindAddress, port, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_CONNECTIONS,
                Duration.ZERO, DEFAULT_HANDSHAKE_TIMEOUT, config);
    }

    public StreamSettings withMaxMessageBytes(int bytes) {
        return new StreamSettings(name, bindAddress, port, bytes, maxConnections, idleTimeout, handshakeTimeout, config);
    }

    public StreamSettings withMaxConnections(int connections) {
        return new StreamSettings(name, bindAddress, port, maxMessageBytes, connections, idleTimeout, handshakeTimeout,
                config);
    }

    public StreamSettings withIdleTimeout(Duration timeout) {
        return new StreamSettings(name, bindAddress, port, maxMessageBytes, maxConnections, timeout, handshakeTimeout,
                config);
    }

    public StreamSettings withHandshakeTimeout(Duration timeout) {
        return new StreamSettings(name, bindAddress, port, maxMessageBytes, maxConnections, idleTimeout, timeout,
                config);
    }
}
