package org.logmaster.console.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;

class ConnectionStatusItemTest {

    @Test
    void theAddressIsShownWhileConnected() {
        assertThat(ConnectionStatusItem.text(ConnectionStatus.of(ConnectionState.CONNECTED, "collector:7443")))
                .isEqualTo("Collector: Connected (collector:7443)");
    }

    @Test
    void reasonsAreLeftToTheTooltip() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse("AB".repeat(32));
        ConnectionStatus untrusted = new ConnectionStatus(ConnectionState.UNTRUSTED_CERTIFICATE, "SHA-256 " + fingerprint, fingerprint);

        assertThat(ConnectionStatusItem.text(untrusted)).isEqualTo("Collector: Certificate not trusted");
        assertThat(ConnectionStatusItem.text(ConnectionStatus.of(ConnectionState.UNREACHABLE, "UNAVAILABLE: io exception")))
                .isEqualTo("Collector: Unreachable");
    }
}
