package org.logmaster.console.client;

public enum TransportSecurity {
    /** TLS with the collector's certificate pinned by its SHA-256 fingerprint. */
    TLS,
    /** No encryption: for tests on loopback only. */
    PLAINTEXT
}
