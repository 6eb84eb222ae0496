package org.logmaster.collector.parse.dialect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.logmaster.collector.parse.Field;
import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;

class DialectsTest {
    private static final ParseContext CONTEXT = new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static LogEvent parse(Dialects dialects, String message, String hint) {
        return new SyslogParser(ZoneOffset.UTC, dialects).parse(message.getBytes(UTF_8), CONTEXT, hint);
    }

    /** Claims every message, and says so in the dialect field. */
    private record Greedy(String name) implements Dialect {
        @Override
        public boolean detect(DialectInput in) {
            return true;
        }

        @Override
        public LogEvent apply(DialectInput in) {
            return in.event().withFields(Fields.builder().put(Field.DIALECT, name).build());
        }
    }

    @Test
    void theHintedDialectIsTriedBeforeAutoDetection() {
        Dialects dialects = new Dialects(List.of(new Greedy("first"), new Greedy("second")));

        LogEvent e = parse(dialects, "<13>Jun  1 10:00:00 host app: text", "second");

        assertThat(e.fields().get(Field.DIALECT)).isEqualTo("second");
    }

    @Test
    void withoutHintTheFirstDetectingDialectInRegistryOrderWins() {
        Dialects dialects = new Dialects(List.of(new Greedy("first"), new Greedy("second")));

        LogEvent e = parse(dialects, "<13>Jun  1 10:00:00 host app: text", null);

        assertThat(e.fields().get(Field.DIALECT)).isEqualTo("first");
    }

    @Test
    void aDeviceTypeSelectsItsVendorsDialect() {
        LogEvent e = parse(Dialects.standard(),
                "<166>Jun 01 2024 14:10:24 asa01 : %ASA-6-305011: Built dynamic UDP translation from inside:10.0.0.5/5 to outside:203.0.113.5/6",
                "Cisco-FTD");

        assertThat(e.fields().get(Field.DIALECT)).isEqualTo("cisco-asa");
    }

    @Test
    void aHintThatDoesNotFitFallsBackToDetection() {
        LogEvent e = parse(Dialects.standard(),
                "<30>Jun  1 14:50:00 gw dhcpd[2871]: DHCPACK on 192.168.20.146 to 74:83:c2:c3:31:7f via igb1", "fortigate");

        assertThat(e.fields().get(Field.DIALECT)).isEqualTo("isc-dhcpd");
    }

    @Test
    void anUnknownHintIsIgnored() {
        LogEvent e = parse(Dialects.standard(), "<30>Jun  1 14:50:00 ap hostapd: wlan0: AP-STA-CONNECTED 3c:22:fb:00:11:22",
                "no-such-device");

        assertThat(e.fields().get(Field.DIALECT)).isEqualTo("hostapd");
    }

    @Test
    void aDialectThatThrowsLeavesTheRfcParseInsteadOfLosingTheMessage() {
        Dialect broken = new Dialect() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean detect(DialectInput in) {
                return true;
            }

            @Override
            public LogEvent apply(DialectInput in) {
                throw new IllegalStateException("bug");
            }
        };

        LogEvent e = parse(new Dialects(List.of(broken)), "<13>Jun  1 10:00:00 host app: text", null);

        assertThat(e.malformed()).isFalse();
        assertThat(e.appName()).isEqualTo("app");
        assertThat(e.fields()).isEqualTo(Fields.EMPTY);
    }

    @Test
    void aDialectThatReturnsNothingLetsTheNextOneTry() {
        Dialect declining = new Dialect() {
            @Override
            public String name() {
                return "declining";
            }

            @Override
            public boolean detect(DialectInput in) {
                return true;
            }

            @Override
            public LogEvent apply(DialectInput in) {
                return null;
            }
        };

        LogEvent e = parse(new Dialects(List.of(declining, new Greedy("next"))), "<13>Jun  1 10:00:00 host app: x", null);

        assertThat(e.fields().get(Field.DIALECT)).isEqualTo("next");
    }

    @Test
    void withoutDialectsEventsKeepEmptyFields() {
        LogEvent e = parse(Dialects.none(), "<30>Jun  1 14:50:00 gw dhcpd[2871]: DHCPACK on 10.0.0.5 to 3c:22:fb:00:11:22 via igb1", null);

        assertThat(e.fields().isEmpty()).isTrue();
        assertThat(e.message()).startsWith("DHCPACK");
    }

    @Test
    void everyDialectNameAndDeviceTypeIsAHint() {
        assertThat(Dialects.standard().hints()).contains("cisco-asa", "cisco-ios", "fortigate", "pfsense", "opnsense",
                "mikrotik", "juniper-srx", "hostapd", "isc-dhcpd", "dnsmasq", "kea", "cef", "leef");
    }
}
