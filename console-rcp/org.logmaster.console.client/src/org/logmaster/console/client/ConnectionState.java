package org.logmaster.console.client;

public enum ConnectionState {
    DISCONNECTED("Disconnected"),
    CONNECTING("Connecting"),
    /** The collector answered the health check with SERVING. */
    CONNECTED("Connected"),
    /** The collector answered but reported that it is not serving. */
    NOT_SERVING("Not serving"),
    /** TLS: the collector presented a certificate that was never accepted (first use). */
    UNTRUSTED_CERTIFICATE("Certificate not trusted"),
    /** TLS: the certificate differs from the one accepted before. */
    CERTIFICATE_MISMATCH("Certificate changed"),
    /** The collector is there but refused the login; the detail has the server's message. */
    LOGIN_FAILED("Login failed"),
    /** No answer: refused, timed out, or a protocol error. */
    UNREACHABLE("Unreachable");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
