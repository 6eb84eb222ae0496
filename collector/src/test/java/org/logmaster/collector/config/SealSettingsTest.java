package org.logmaster.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SealSettingsTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void byDefaultTheBuiltInTsaSealsWithKeysUnderTheDataFolder() throws Exception {
        CollectorConfig c = loader.parse("data-dir: /srv/lm\n", "c.yaml");
        assertThat(c.seal().tsa()).isEqualTo(SealSettings.BUILTIN);
        assertThat(c.seal().keyDir(c.dataDir())).isEqualTo(Path.of("/srv/lm/keys/seal"));
        assertThat(c.archive().retentionDays()).isGreaterThanOrEqualTo(730);
        assertThat(c.archive().deleteUnsealed()).isFalse();
    }

    @Test
    void anUnknownTsaChoiceIsNamed() {
        assertThatThrownBy(() -> loader.parse("seal:\n  tsa: ntp\n", "c.yaml"))
                .hasMessageContaining("seal.tsa: must be builtin, url or kamusm (was 'ntp')");
    }

    @Test
    void anExternalTsaNeedsItsUrl() {
        assertThatThrownBy(() -> loader.parse("seal:\n  tsa: url\n", "c.yaml"))
                .hasMessageContaining("seal.tsa-url: is required");
    }

    @Test
    void kamuSmNeedsTheCustomerNumber() {
        assertThatThrownBy(() -> loader.parse("seal:\n  tsa: kamusm\n  tsa-url: http://tzd.kamusm.gov.tr\n"
                + "  kamusm-password: secret\n", "c.yaml"))
                .hasMessageContaining("seal.kamusm-customer-number: is required");
    }

    @Test
    void aUserWithoutPasswordIsNamed() {
        assertThatThrownBy(() -> loader.parse("seal:\n  tsa: url\n  tsa-url: https://tsa.example\n  tsa-user: me\n",
                "c.yaml")).hasMessageContaining("seal.tsa-user");
    }

    @Test
    void anExternalTsaNeedsItsRootCertificate() {
        assertThatThrownBy(() -> loader.parse("seal:\n  tsa: url\n  tsa-url: https://tsa.example/tsr\n", "c.yaml"))
                .hasMessageContaining("seal.tsa-trust-anchors: is required with seal.tsa: url");
    }

    @Test
    void anUnreadableRootCertificateFileIsNamed() {
        assertThatThrownBy(() -> loader.parse("seal:\n  tsa: url\n  tsa-url: https://tsa.example/tsr\n"
                + "  tsa-trust-anchors: /nonexistent/root.pem\n", "c.yaml"))
                .hasMessageContaining("seal.tsa-trust-anchors: /nonexistent/root.pem is not a readable PEM file");
    }

    @Test
    void compressionAfterRetentionIsRefused() {
        assertThatThrownBy(() -> loader.parse("archive:\n  compress-after-days: 800\n  retention-days: 731\n", "c.yaml"))
                .hasMessageContaining("archive.compress-after-days: must be less than archive.retention-days");
    }

    @Test
    void theTemplateCarriesTheSealAndArchiveSections() throws Exception {
        String text = ConfigTemplate.render(Path.of("/srv/lm"), "Europe/Istanbul", 1514, 1515, 16514);
        assertThat(text).contains("\nseal:\n").contains("\narchive:\n");
        CollectorConfig c = loader.parse(text, "template");
        assertThat(c.seal().tsa()).isEqualTo(SealSettings.BUILTIN);
        assertThat(c.archive().retentionDays()).isEqualTo(731);
    }
}
