package org.logmaster.console.ui.connect;

import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.TransportSecurity;

/**
 * What the console remembers between runs in the workspace's preferences: the certificates the
 * operator accepted (per collector address) and the last connection's settings. Passwords are
 * never stored.
 */
public final class ConnectionPreferences {

    private static final String PINS = "pinnedCertificates";
    private static final String LAST = "lastConnection";
    static final int DEFAULT_PORT = 50051;

    private final IEclipsePreferences root;

    public ConnectionPreferences(IEclipsePreferences root) {
        this.root = root;
    }

    public static ConnectionPreferences ofWorkspace() {
        return new ConnectionPreferences(InstanceScope.INSTANCE.getNode("org.logmaster.console.ui"));
    }

    public Optional<CertificateFingerprint> pinnedCertificate(String address) {
        String stored = root.node(PINS).get(address, null);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CertificateFingerprint.parse(stored));
        } catch (IllegalArgumentException corrupt) {
            // an edited or damaged entry must not become trust: treat it as never accepted
            return Optional.empty();
        }
    }

    public void pin(String address, CertificateFingerprint fingerprint) {
        root.node(PINS).put(address, fingerprint.toString());
        flush();
    }

    /** The settings of the last connection attempt, or sensible defaults; no credentials. */
    public ConnectionSettings lastSettings() {
        var last = root.node(LAST);
        TransportSecurity security = last.getBoolean("tls", true) ? TransportSecurity.TLS : TransportSecurity.PLAINTEXT;
        int port = last.getInt("port", DEFAULT_PORT);
        if (port < 1 || port > 65_535) {
            port = DEFAULT_PORT;
        }
        return new ConnectionSettings(last.get("host", "localhost"), port, security, null, null);
    }

    public String lastUser() {
        return root.node(LAST).get("user", "");
    }

    public void rememberLast(ConnectionSettings settings) {
        var last = root.node(LAST);
        last.put("host", settings.host());
        last.putInt("port", settings.port());
        last.putBoolean("tls", settings.security() == TransportSecurity.TLS);
        last.put("user", settings.credentials() == null ? "" : settings.credentials().user());
        flush();
    }

    private void flush() {
        try {
            root.flush();
        } catch (BackingStoreException e) {
            // the value stays in memory for this run; losing it only means asking again next time
            ILog.of(getClass()).warn("could not save connection preferences", e);
        }
    }
}
