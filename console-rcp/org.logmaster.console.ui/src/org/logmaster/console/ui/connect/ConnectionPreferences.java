package org.logmaster.console.ui.connect;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
    /** The collector's default API port ({@code logmaster-collector init --api-port}). */
    static final int DEFAULT_PORT = 6515;

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

    /** The accepted certificates by collector address, sorted by address. */
    public SortedMap<String, String> pinnedCertificates() {
        SortedMap<String, String> result = new TreeMap<>();
        try {
            for (String address : root.node(PINS).keys()) {
                result.put(address, root.node(PINS).get(address, ""));
            }
        } catch (BackingStoreException e) {
            ILog.of(getClass()).warn("could not read the accepted certificates", e);
        }
        return result;
    }

    /** Forgets the certificate accepted for the address: the next connection asks again. */
    public void unpin(String address) {
        root.node(PINS).remove(address);
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
