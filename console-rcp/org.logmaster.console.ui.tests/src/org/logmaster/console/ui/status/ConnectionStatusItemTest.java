package org.logmaster.console.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionState;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.LiveTailState;
import org.logmaster.console.client.SessionInfo;

import java.time.Instant;
import java.util.Set;

import org.logmaster.api.v1.Role;

class ConnectionStatusItemTest {

    @Test
    void theAddressIsShownWhileConnected() {
        assertThat(ConnectionStatusItem.text(ConnectionStatus.of(ConnectionState.CONNECTED, "collector:7443"), SessionInfo.NONE, LiveTailState.LIVE))
                .isEqualTo("Collector: Connected (collector:7443)");
    }

    @Test
    void theUserAndRoleAreShownOnceLoggedIn() {
        SessionInfo auditor = new SessionInfo("ayse", Role.ROLE_AUDITOR, Set.of(), Instant.EPOCH);

        assertThat(ConnectionStatusItem.text(ConnectionStatus.of(ConnectionState.CONNECTED, "collector:6515"), auditor, LiveTailState.LIVE))
                .isEqualTo("Collector: Connected (collector:6515) · ayse (auditor)");
    }

    @Test
    void aConnectedSessionWhoseStreamIsReconnectingSaysTheConnectionIsLost() {
        SessionInfo auditor = new SessionInfo("ayse", Role.ROLE_AUDITOR, Set.of(), Instant.EPOCH);

        assertThat(ConnectionStatusItem.text(ConnectionStatus.of(ConnectionState.CONNECTED, "collector:6515"), auditor,
                LiveTailState.RECONNECTING)).isEqualTo("Collector: Connection lost, reconnecting (collector:6515) · ayse (auditor)");
    }

    @Test
    void reasonsAreLeftToTheTooltip() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse("AB".repeat(32));
        ConnectionStatus untrusted = new ConnectionStatus(ConnectionState.UNTRUSTED_CERTIFICATE, "SHA-256 " + fingerprint, fingerprint);

        assertThat(ConnectionStatusItem.text(untrusted, SessionInfo.NONE, LiveTailState.LIVE)).isEqualTo("Collector: Certificate not trusted");
        assertThat(ConnectionStatusItem.text(ConnectionStatus.of(ConnectionState.UNREACHABLE, "UNAVAILABLE: io exception"), SessionInfo.NONE, LiveTailState.LIVE))
                .isEqualTo("Collector: Unreachable");
    }
}
