package org.logmaster.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    private static final String OPENSSL_STYLE =
            "B2:DF:D7:C9:F6:4B:32:49:D6:44:E6:A4:3F:0B:20:84:BC:C7:99:7C:4E:CF:F3:E9:9E:78:6D:9A:41:2B:BF:CF";

    @Test
    void fingerprintOfACertificateReadsLikeOpenssl() throws Exception {
        X509Certificate certificate;
        try (InputStream pem = getClass().getResourceAsStream("internal/collector-test-cert.pem")) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }

        assertThat(CertificateFingerprint.of(certificate)).hasToString(OPENSSL_STYLE);
    }

    @Test
    void parsingIgnoresColonsSpacesAndCase() {
        String bare = OPENSSL_STYLE.replace(":", "").toLowerCase();
        String spaced = OPENSSL_STYLE.replace(':', ' ');

        assertThat(CertificateFingerprint.parse(bare)).isEqualTo(CertificateFingerprint.parse(OPENSSL_STYLE))
                .isEqualTo(CertificateFingerprint.parse(spaced));
    }

    @Test
    void parsingRejectsAFingerprintOfTheWrongLength() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("AB:CD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void parsingRejectsNonHex() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("ZZ".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differentDigestsAreNotEqual() {
        assertThat(CertificateFingerprint.parse("00".repeat(32))).isNotEqualTo(CertificateFingerprint.parse(OPENSSL_STYLE));
    }
}
