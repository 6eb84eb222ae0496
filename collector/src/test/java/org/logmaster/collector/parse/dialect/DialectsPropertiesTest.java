package org.logmaster.collector.parse.dialect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.logmaster.collector.parse.Field;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.LogEvent.Format;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;

/**
 * Whatever arrives, each dialect either understands it or leaves it alone: it never throws,
 * never turns a parsed message into a malformed one or the reverse, and whatever it extracts
 * is in the documented normal form.
 */
class DialectsPropertiesTest {
    private static final ParseContext CONTEXT =
            new ParseContext(Instant.parse("2024-12-31T23:59:30Z"), ZoneId.of("Europe/Istanbul"));

    private final SyslogParser parser = new SyslogParser(ZoneOffset.UTC);
    private final List<String> hints = List.copyOf(Dialects.standard().hints());

    @Property(tries = 2000)
    void anyBytesGiveAParsedOrRawFlaggedEventWhateverTheHint(@ForAll("dialectLikeBytes") byte[] message,
                                                             @ForAll("hintIndex") int hint) {
        LogEvent e = parser.parse(message, CONTEXT, hint < 0 ? null : hints.get(hint % hints.size()));

        assertThat(e).isNotNull();
        assertThat(e.message()).isNotNull();
        assertThat(e.malformed()).isEqualTo(e.format() == Format.RAW);
        assertThat(e.parseError() == null).isEqualTo(!e.malformed());
    }

    @Property(tries = 2000)
    void eachDialectAloneNeverThrowsAndKeepsTheGrammarVerdict(@ForAll("dialectLikeBytes") byte[] message) {
        LogEvent parsed = new SyslogParser(ZoneOffset.UTC, Dialects.none()).parse(message, CONTEXT);
        for (Dialect d : Dialects.standard().all()) {
            DialectInput in = new DialectInput(message, parsed, CONTEXT);
            LogEvent e = d.detect(in) ? d.apply(in) : null;
            if (e == null) {
                continue;
            }
            assertThat(e.format()).isEqualTo(parsed.format());
            assertThat(e.malformed()).isEqualTo(parsed.malformed());
            assertThat(e.fields().get(Field.DIALECT)).isEqualTo(d.name());
            assertNormalForm(e);
        }
    }

    private static void assertNormalForm(LogEvent e) {
        String mac = e.fields().get(Field.MAC);
        if (mac != null) {
            assertThat(mac).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        }
        for (Field port : List.of(Field.SRC_PORT, Field.DST_PORT, Field.NAT_DST_PORT)) {
            String v = e.fields().get(port);
            if (v != null) {
                assertThat(Integer.parseInt(v)).isBetween(0, 65_535);
            }
        }
        String natPort = e.fields().get(Field.NAT_SRC_PORT);
        if (natPort != null) {
            assertThat(natPort).matches("\\d{1,5}(-\\d{1,5})?");
        }
        for (Field count : List.of(Field.BYTES, Field.DURATION, Field.LEASE_SECONDS, Field.SESSION_ID)) {
            String v = e.fields().get(count);
            if (v != null) {
                assertThat(v).matches("\\d+");
            }
        }
    }

    @Provide
    Arbitrary<Integer> hintIndex() {
        return Arbitraries.integers().between(-5, 100);
    }

    /** Dialect prefixes followed by random bytes, or by random pieces of the dialects' own vocabulary. */
    @Provide
    Arbitrary<byte[]> dialectLikeBytes() {
        Arbitrary<String> prefix = Arbitraries.of("", "<189>", "<166>%ASA-6-302013: ", "<166>%ASA-6-302014: Teardown ",
                "<166>Jun 01 2024 14:10:24 asa01 : %ASA-6-305011: Built dynamic ", "<166>%FTD-1-430003: ",
                "<166>%ASA-6-305014: Allocated TCP block of ports for translation from ", "<166>%ASA-4-106023: Deny ",
                "<189>123: *Mar  1 00:00:01.123: %SEC-6-IPACCESSLOGP: list ", "<189>: 2024 Jun  1 ",
                "<190>78: %NAT-6-LOG_TRANSLATION: Created Translation ", "<189>45: r1: .Jun  1 11:58:02 UTC: %",
                "<189>date=2024-06-01 time=14:20:01 devid=\"FG1\" ", "<189>devid=FGT eventtime=",
                "<14>1 2024-06-01T14:30:00Z srx RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1 ",
                "<14>Jun  1 14:33:00 srx RT_FLOW: RT_FLOW_SESSION_CREATE: session created ",
                "<134>Jun  1 14:40:00 filterlog[1]: ", "<30>Jun  1 14:50:00 gw dhcpd[1]: DHCPACK ",
                "<30>Jun  1 15:00:00 dnsmasq-dhcp[1]: ", "<30>Jun  1 15:20:00 gw kea-dhcp4[1]: INFO [x] DHCP4_",
                "<30>Jun  1 15:30:00 ap hostapd: wlan0: STA ", "<134>firewall,info forward: in:",
                "<134>dhcp,info dhcp1 assigned ", "<134>CEF:0|", "<13>LEEF:2.0|V|P|1|E|");
        Arbitrary<String> vocabulary = Arbitraries.of(" ", ",", ":", "/", "(", ")", "[", "]", "|", "\\", "=", "\"",
                "'", "-", "->", "^", "\t", "%", "1", "65536", "0:00:30", "10.0.0.5", "10.0.0.5/51514",
                "inside:10.0.0.5/51514", "(203.0.113.5/40001)", "2001:db8::1", "3c:22:fb:00:11:22", "3c22.fb00.1122",
                "for ", "to ", "on ", "from ", "via ", "duration ", "bytes ", "lease ", "src=", "dst=", "spt=", "srcip=",
                "transip=", "key=\"v w\" ", "NAT (", "len ", "proto TCP (SYN)", "x09", "Built ", "outbound ", "TCP ",
                "connection ", "99999999999999999999", "\u00e7\u015f", "\uFFFD");
        Arbitrary<byte[]> tail = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                vocabulary.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(UTF_8)));
        return Combinators.combine(prefix, tail).as((p, t) -> concat(p.getBytes(UTF_8), t));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
