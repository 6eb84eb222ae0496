package org.logmaster.console.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.TransportSecurity;
import org.osgi.service.prefs.BackingStoreException;

class ConnectionPreferencesTest {

    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode("test-" + UUID.randomUUID());
    private final ConnectionPreferences preferences = new ConnectionPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aPinnedCertificateIsFoundByAddressOnly() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse("5A".repeat(32));

        preferences.pin("collector:7443", fingerprint);

        assertThat(preferences.pinnedCertificate("collector:7443")).contains(fingerprint);
        assertThat(preferences.pinnedCertificate("collector:7444")).isEmpty();
    }

    @Test
    void aDamagedPinIsNotTrusted() {
        node.node("pinnedCertificates").put("collector:7443", "not a fingerprint");

        assertThat(preferences.pinnedCertificate("collector:7443")).isEmpty();
    }

    @Test
    void theLastConnectionIsRememberedWithoutItsPassword() throws BackingStoreException {
        preferences.rememberLast(new ConnectionSettings("collector", 7443, TransportSecurity.PLAINTEXT, null,
                new Credentials("auditor", "secret".toCharArray())));

        ConnectionSettings last = preferences.lastSettings();
        assertThat(last.address()).isEqualTo("collector:7443");
        assertThat(last.security()).isEqualTo(TransportSecurity.PLAINTEXT);
        assertThat(last.credentials()).isNull();
        assertThat(preferences.lastUser()).isEqualTo("auditor");
        var stored = node.node("lastConnection");
        for (String key : stored.keys()) {
            assertThat(stored.get(key, "")).doesNotContain("secret");
        }
    }

    @Test
    void withNothingRememberedTheDefaultsUseTls() {
        assertThat(preferences.lastSettings().security()).isEqualTo(TransportSecurity.TLS);
    }
}
