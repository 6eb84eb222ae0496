package org.logmaster.collector.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"00:1a:2b:3c:4d:5e", "00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "001A2B3C4D5E", " 00:1a:2b:3c:4d:5e "})
    void everyCommonSpellingNormalizesToLowerCaseColons(String spelling) {
        assertThat(MacAddress.parse(spelling).value()).isEqualTo("00:1a:2b:3c:4d:5e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00:1a:2b:3c:4d", "00:1a:2b:3c:4d:5e:6f", "00:1a-2b:3c:4d:5e", "0g:1a:2b:3c:4d:5e",
            "001a.2b3c.4d5", "00:1a:2b:3c:4d:5e;x", "../../etc/passwd"})
    void malformedAddressesAreRefused(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:01"})
    void addressesNoSingleDeviceOwnsAreRefused(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anyUnicastAddressRoundTrips(@ForAll @Size(6) byte[] bytes) {
        bytes[0] &= (byte) 0xFE;
        bytes[5] |= 1; // not all zero
        String normal = HexFormat.ofDelimiter(":").formatHex(bytes);
        MacAddress mac = MacAddress.parse(normal.toUpperCase().replace(':', '-'));
        assertThat(mac.value()).isEqualTo(normal);
        assertThat(Device.idFor(mac).value()).isEqualTo("mac-" + normal.replace(":", ""));
    }
}
