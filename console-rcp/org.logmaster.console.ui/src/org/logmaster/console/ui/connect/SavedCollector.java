package org.logmaster.console.ui.connect;

import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.TransportSecurity;

/**
 * A collector the operator saved: where it is and who logs in. Whether a password is remembered
 * is all this knows of it; the password itself stays encrypted in secure storage until asked for.
 */
public record SavedCollector(String host, int port, boolean tls, String user, boolean passwordRemembered) {

    static SavedCollector of(ConnectionSettings settings, boolean passwordRemembered) {
        return new SavedCollector(settings.host(), settings.port(), settings.security() == TransportSecurity.TLS,
                settings.credentials() == null ? "" : settings.credentials().user(), passwordRemembered);
    }

    /** {@code host:port}, the key a collector is saved under (as for pinned certificates). */
    public String address() {
        return ConnectionSettings.plaintext(host, port).address();
    }

    /** How the list shows it: {@code admin @ fw-logs.example:50051 (TLS)}. */
    public String label() {
        return (user.isEmpty() ? "" : user + " @ ") + address() + (tls ? " (TLS)" : " (plaintext)")
                + (passwordRemembered ? " · password remembered" : "");
    }
}
