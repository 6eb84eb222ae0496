package org.logmaster.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenerBindExceptionTest {
    private static final ConfigRef CONFIG = new ConfigRef("listeners.udp", "/etc/logmaster/collector.yaml");
    private static final InetSocketAddress ALL_514 = new InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 514);

    @Test
    void portInUseSuggestsAnotherSyslogDaemonAndTheKeyToChange() {
        ListenerBindException e = ListenerBindException.explain("udp", ALL_514, CONFIG,
                new BindException("Address already in use"));

        assertThat(e).hasMessageStartingWith("cannot listen on udp 0.0.0.0:514: address already in use")
                .hasMessageContaining("rsyslog")
                .hasMessageContaining("ss -u -lnp 'sport = :514'")
                .hasMessageContaining("`listeners.udp.port` in /etc/logmaster/collector.yaml");
    }

    @Test
    void privilegedPortNamesTheCapabilityAndTheKeyToChange() {
        ListenerBindException e = ListenerBindException.explain("udp", ALL_514, CONFIG,
                new BindException("Permission denied"));

        assertThat(e).hasMessageContaining("permission denied")
                .hasMessageContaining("CAP_NET_BIND_SERVICE")
                .hasMessageContaining("`listeners.udp.port`");
    }

    @Test
    void foreignAddressNamesTheAddressKey() {
        InetSocketAddress foreign = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 514);

        ListenerBindException e = ListenerBindException.explain("tcp", foreign,
                new ConfigRef("listeners.tcp", "/etc/logmaster/collector.yaml"),
                new BindException("Cannot assign requested address"));

        assertThat(e).hasMessageContaining("192.0.2.1 is not an address of this machine")
                .hasMessageContaining("`listeners.tcp.address`");
    }

    @Test
    void anyOtherFailureKeepsTheSystemsWordsAndNamesBothKeys() {
        ListenerBindException e = ListenerBindException.explain("udp", ALL_514, CONFIG,
                new java.io.IOException("Protocol not available"));

        assertThat(e).hasMessageContaining("Protocol not available")
                .hasMessageContaining("`listeners.udp.address`")
                .hasMessageContaining("`listeners.udp.port`");
    }
}
