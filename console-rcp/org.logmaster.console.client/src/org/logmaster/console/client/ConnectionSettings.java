package org.logmaster.console.client;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach a collector.
 *
 * @param host              host name or address of the collector's API port
 * @param port              1..65535
 * @param security          TLS in production; plaintext only for tests on loopback
 * @param pinnedCertificate the SHA-256 fingerprint of the collector's certificate that the
 *                          operator accepted before (trust on first use); {@code null} when
 *                          none was accepted yet, so the first TLS connection reports the
 *                          presented fingerprint instead of trusting it
 * @param credentials       the operator's login, or {@code null}
 */
public record ConnectionSettings(String host, int port, TransportSecurity security,
        CertificateFingerprint pinnedCertificate, Credentials credentials) {

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    public static ConnectionSettings plaintext(String host, int port) {
        return new ConnectionSettings(host, port, TransportSecurity.PLAINTEXT, null, null);
    }

    public static ConnectionSettings tls(String host, int port) {
        return new ConnectionSettings(host, port, TransportSecurity.TLS, null, null);
    }

    public ConnectionSettings withPinnedCertificate(CertificateFingerprint fingerprint) {
        return new ConnectionSettings(host, port, security, fingerprint, credentials);
    }

    public ConnectionSettings withCredentials(Credentials login) {
        return new ConnectionSettings(host, port, security, pinnedCertificate, login);
    }

    public Optional<CertificateFingerprint> pinned() {
        return Optional.ofNullable(pinnedCertificate);
    }

    /** "host:port", the key under which a pinned certificate is remembered. */
    public String address() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
