package org.logmaster.console.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MacAddressFormatTest {

    @Test
    void theFourFormsTheApiAcceptsAreNormalizedToLowerCaseWithColons() {
        for (String typed : new String[] { "00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "001A2B3C4D5E" }) {
            assertThat(MacAddressFormat.problem(typed)).as(typed).isEmpty();
            assertThat(MacAddressFormat.normalized(typed)).as(typed).isEqualTo("00:1a:2b:3c:4d:5e");
        }
    }

    @Test
    void mixedSeparatorsAreRefused() {
        assertThat(MacAddressFormat.problem("00:1a-2b:3c:4d:5e")).isPresent();
    }

    @Test
    void multicastBroadcastAndAllZeroAddressesAreRefused() {
        assertThat(MacAddressFormat.problem("01:00:5e:00:00:01")).get().asString().contains("multicast");
        assertThat(MacAddressFormat.problem("ff:ff:ff:ff:ff:ff")).get().asString().contains("broadcast");
        assertThat(MacAddressFormat.problem("00:00:00:00:00:00")).isPresent();
    }
}
