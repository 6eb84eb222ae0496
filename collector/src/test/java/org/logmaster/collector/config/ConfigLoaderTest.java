package org.logmaster.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void anEmptyFileMeansAllDefaults() throws Exception {
        CollectorConfig c = loader.parse("", "empty.yaml");
        assertThat(c.listeners().udp().port()).isEqualTo(514);
        assertThat(c.listeners().tcp().port()).isEqualTo(514);
        assertThat(c.listeners().tls().port()).isEqualTo(6514);
        assertThat(c.dataDir()).isEqualTo(CollectorConfig.DEFAULT_DATA_DIR);
        assertThat(c.indexUrl()).startsWith("jdbc:h2:file:/var/lib/logmaster/index/logmaster");
    }

    @Test
    void theTemplateThatInitWritesIsValidAndCarriesItsValues() throws Exception {
        String text = ConfigTemplate.render(Path.of("/srv/lm"), "Europe/Istanbul", 1514, 1515, 16514);
        CollectorConfig c = loader.parse(text, "template");
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/lm"));
        assertThat(c.zone().getId()).isEqualTo("Europe/Istanbul");
        assertThat(c.listeners().udp().port()).isEqualTo(1514);
        assertThat(c.listeners().tcp().port()).isEqualTo(1515);
        assertThat(c.listeners().tls().port()).isEqualTo(16514);
        assertThat(c.index().url()).isEmpty();
    }

    @Test
    void anUnknownKeyIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.parse("listeners:\n  udp:\n    prot: 514\n", "c.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml")
                .hasMessageContaining("listeners.udp.prot")
                .hasMessageContaining("port");
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.parse("listeners:\n  tcp:\n    port: many\n", "c.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("listeners.tcp.port");
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        assertThatThrownBy(() -> loader.parse("listeners:\n  tls:\n    port: 70000\n", "c.yaml"))
                .hasMessageContaining("listeners.tls.port: must be 0..65535 (was 70000)");
    }

    @Test
    void anUnknownTimeZoneIsNamed() {
        assertThatThrownBy(() -> loader.parse("time-zone: Mars/Olympus\n", "c.yaml"))
                .hasMessageContaining("time-zone: 'Mars/Olympus' is not a time zone");
    }

    @Test
    void aTailedFileWithAPathTrickAsDeviceIsRefused() {
        String yaml = "listeners:\n  files:\n    - name: dhcp\n      path: /var/log/dhcp.log\n      device: ../../etc\n";
        assertThatThrownBy(() -> loader.parse(yaml, "c.yaml"))
                .hasMessageContaining("listeners.files[0].device");
    }

    @Test
    void tlsAndTcpCannotShareAPort() {
        assertThatThrownBy(() -> loader.parse("listeners:\n  tcp:\n    port: 6514\n", "c.yaml"))
                .hasMessageContaining("listeners.tls.port: must differ");
    }

    @Test
    void anIndexUrlOfAnotherDatabaseIsRefused() {
        assertThatThrownBy(() -> loader.parse("index:\n  url: jdbc:mysql://x/y\n", "c.yaml"))
                .hasMessageContaining("index.url");
    }

    @Test
    void invalidYamlSaysSo() {
        assertThatThrownBy(() -> loader.parse("listeners: [unclosed\n", "c.yaml"))
                .hasMessageContaining("c.yaml");
    }
}
