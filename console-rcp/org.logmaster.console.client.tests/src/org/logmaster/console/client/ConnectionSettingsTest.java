package org.logmaster.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void portOutsideTheTcpRangeIsRejected() {
        assertThatThrownBy(() -> ConnectionSettings.tls("collector", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionSettings.tls("collector", 65_536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankHostIsRejected() {
        assertThatThrownBy(() -> ConnectionSettings.tls(" ", 443)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressPutsIpv6LiteralsInBrackets() {
        assertThat(ConnectionSettings.tls("collector", 7443).address()).isEqualTo("collector:7443");
        assertThat(ConnectionSettings.tls("::1", 7443).address()).isEqualTo("[::1]:7443");
    }

    @Test
    void pinningKeepsEverythingElse() {
        CertificateFingerprint pin = CertificateFingerprint.parse("AB".repeat(32));
        ConnectionSettings settings = ConnectionSettings.tls("collector", 7443)
                .withCredentials(new Credentials("auditor", "secret".toCharArray()));

        ConnectionSettings pinned = settings.withPinnedCertificate(pin);

        assertThat(pinned.pinned()).contains(pin);
        assertThat(pinned.address()).isEqualTo(settings.address());
        assertThat(pinned.credentials()).isSameAs(settings.credentials());
    }

    @Test
    void credentialsNeverPrintThePassword() {
        Credentials login = new Credentials("auditor", "s3cret-pass".toCharArray());

        assertThat(login.toString()).contains("auditor").doesNotContain("s3cret-pass");
    }
}
