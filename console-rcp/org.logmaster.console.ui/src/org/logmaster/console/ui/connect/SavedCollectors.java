package org.logmaster.console.ui.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.TransportSecurity;

/**
 * The collectors the operator saved, in Eclipse secure storage (the user's, shared by workspaces).
 * Address, transport and user name are stored as they are; a remembered password is stored
 * encrypted, under the secure storage's master password (asked for by Eclipse's provider, or the
 * platform keyring's when installed). Passwords are only remembered when the operator asks to.
 */
public final class SavedCollectors {

    static final String NODE = "org.logmaster.console/collectors";
    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String TLS = "tls";
    private static final String USER = "user";
    private static final String PASSWORD = "password";

    private final ISecurePreferences storage;

    public SavedCollectors(ISecurePreferences storage) {
        this.storage = storage;
    }

    /** The user's default secure storage, as every Eclipse product uses it. */
    public static SavedCollectors ofUser() {
        return new SavedCollectors(SecurePreferencesFactory.getDefault());
    }

    /** Sorted by address; an entry that cannot be read is skipped, not fatal. */
    public List<SavedCollector> list() {
        ISecurePreferences collectors = storage.node(NODE);
        List<SavedCollector> result = new ArrayList<>();
        for (String child : collectors.childrenNames()) {
            ISecurePreferences entry = collectors.node(child);
            try {
                result.add(new SavedCollector(entry.get(HOST, ""), entry.getInt(PORT, ConnectionPreferences.DEFAULT_PORT),
                        entry.getBoolean(TLS, true), entry.get(USER, ""), hasPassword(entry)));
            } catch (StorageException unreadable) {
                // plain values never need decrypting; an unreadable entry is simply not offered
            }
        }
        result.removeIf(saved -> saved.host().isEmpty());
        result.sort(Comparator.comparing(SavedCollector::address));
        return result;
    }

    private static boolean hasPassword(ISecurePreferences entry) {
        for (String key : entry.keys()) {
            if (key.equals(PASSWORD)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Saves the settings' address, transport and user, replacing an entry of the same address.
     * With {@code rememberPassword} the credentials' password is stored encrypted; without it a
     * password remembered before is removed.
     *
     * @throws StorageException when secure storage cannot encrypt (no master password given)
     */
    public void save(ConnectionSettings settings, boolean rememberPassword) throws StorageException, IOException {
        ISecurePreferences entry = storage.node(NODE).node(key(settings.address()));
        entry.put(HOST, settings.host(), false);
        entry.putInt(PORT, settings.port(), false);
        entry.putBoolean(TLS, settings.security() == TransportSecurity.TLS, false);
        entry.put(USER, settings.credentials() == null ? "" : settings.credentials().user(), false);
        try {
            if (rememberPassword && settings.credentials() != null) {
                entry.put(PASSWORD, new String(settings.credentials().password()), true);
            } else {
                entry.remove(PASSWORD);
            }
        } finally {
            storage.flush(); // the plain part is kept even when encrypting the password failed
        }
    }

    /** The remembered password of the collector at {@code address}; may ask for the master password. */
    public Optional<char[]> password(String address) throws StorageException {
        ISecurePreferences collectors = storage.node(NODE);
        if (!collectors.nodeExists(key(address))) {
            return Optional.empty();
        }
        String password = collectors.node(key(address)).get(PASSWORD, null);
        return Optional.ofNullable(password).map(String::toCharArray);
    }

    /** Removes the saved collector and its remembered password. */
    public void forget(String address) throws IOException {
        ISecurePreferences collectors = storage.node(NODE);
        if (collectors.nodeExists(key(address))) {
            collectors.node(key(address)).removeNode();
            storage.flush();
        }
    }

    private static String key(String address) {
        return EncodingUtils.encodeSlashes(address);
    }
}
