package org.logmaster.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @CsvSource({"192.0.2.7,192.0.2.7", "2001:db8::1,2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.7,192.0.2.7"})
    void literalsParseToTheirAddress(String text, String hostAddress) {
        assertThat(IpLiterals.parse(text).getHostAddress()).isEqualTo(hostAddress);
    }

    /** Host names must never become DNS look-ups, and legacy forms like "1.2.3" are not addresses here. */
    @ParameterizedTest
    @ValueSource(strings = {"localhost", "abc", "face", "1.2.3", "256.1.1.1", "01.2.3.4", "1.2.3.4.5", "", "2001:db8::g"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> IpLiterals.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
