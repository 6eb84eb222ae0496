package org.logmaster.collector.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpMentionTest {
    @Test
    void anAddressMatchesAsAWholeToken() {
        assertThat(IpMention.containsToken("allow src=10.0.0.1 dst=x", "10.0.0.1")).isTrue();
        assertThat(IpMention.containsToken("10.0.0.1", "10.0.0.1")).isTrue();
        assertThat(IpMention.containsToken("from 10.0.0.1.", "10.0.0.1")).isTrue();
        assertThat(IpMention.containsToken("[10.0.0.1]:443", "10.0.0.1")).isTrue();
    }

    @Test
    void aLongerAddressDoesNotMatch() {
        assertThat(IpMention.containsToken("src=10.0.0.12", "10.0.0.1")).isFalse();
        assertThat(IpMention.containsToken("src=110.0.0.1", "10.0.0.1")).isFalse();
        assertThat(IpMention.containsToken("src=10.0.0.1.5", "10.0.0.1")).isFalse();
    }

    @Test
    void ipv6MatchesWithoutSwallowingNeighbours() {
        assertThat(IpMention.containsToken("client 2001:db8::1 connected", "2001:db8::1")).isTrue();
        assertThat(IpMention.containsToken("client 2001:db8::1a connected", "2001:db8::1")).isFalse();
    }
}
