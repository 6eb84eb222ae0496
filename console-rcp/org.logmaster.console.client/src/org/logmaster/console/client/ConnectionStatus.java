package org.logmaster.console.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A connection state with what an operator needs to act on it.
 *
 * @param detail               a human-readable reason, empty when there is nothing to add
 * @param presentedCertificate the fingerprint of the certificate the collector presented, set
 *                             for TLS connections once a handshake was seen
 */
public record ConnectionStatus(ConnectionState state, String detail, CertificateFingerprint presentedCertificate) {

    public static final ConnectionStatus DISCONNECTED = new ConnectionStatus(ConnectionState.DISCONNECTED, "", null);

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    public static ConnectionStatus of(ConnectionState state, String detail) {
        return new ConnectionStatus(state, detail, null);
    }

    public Optional<CertificateFingerprint> presented() {
        return Optional.ofNullable(presentedCertificate);
    }
}
