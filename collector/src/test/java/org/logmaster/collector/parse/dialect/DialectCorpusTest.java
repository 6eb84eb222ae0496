package org.logmaster.collector.parse.dialect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;

/**
 * Every sample line of every dialect corpus, parsed by the collector's parser exactly as it
 * would arrive, yields exactly the fields the corpus lists. The corpora are written from the
 * vendors' published log formats; {@code none.txt} holds lines no dialect may claim.
 */
class DialectCorpusTest {
    static final List<String> CORPORA = List.of("cisco-ios.txt", "cisco-asa.txt", "fortigate.txt", "juniper-srx.txt",
            "pf-filterlog.txt", "isc-dhcpd.txt", "dnsmasq.txt", "kea.txt", "hostapd.txt", "mikrotik.txt", "cef.txt",
            "leef.txt", "none.txt");
    private static final Instant ARRIVAL = Instant.parse("2024-06-01T12:00:00Z");
    private static final ZoneId SENDER_ZONE = ZoneId.of("Europe/Istanbul");

    private final SyslogParser parser = new SyslogParser(ZoneId.of("UTC"));

    static Stream<DialectCorpus.Sample> samples() {
        return CORPORA.stream().flatMap(name -> DialectCorpus.load(name).samples().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleLineYieldsExactlyTheListedFields(DialectCorpus.Sample s) {
        LogEvent e = parse(s);

        assertThat(e.fields().asMap()).as("fields").containsExactlyInAnyOrderEntriesOf(s.fields());
        if (s.meta().containsKey("time")) {
            assertThat(e.deviceTime()).as("device time").isEqualTo(Instant.parse(s.meta().get("time")));
        }
        if (s.meta().containsKey("host")) {
            assertThat(e.hostname()).as("host name").isEqualTo(s.meta().get("host"));
        }
        if (s.meta().containsKey("msgid")) {
            assertThat(e.msgId()).as("MSGID").isEqualTo(s.meta().get("msgid"));
        }
        if (s.meta().containsKey("message")) {
            assertThat(e.message()).as("message").isEqualTo(s.meta().get("message"));
        }
    }

    @Test
    void everyDialectCorpusHasAtLeastFiveSamplesOfItsDialect() {
        for (Dialect d : Dialects.standard().all()) {
            DialectCorpus corpus = DialectCorpus.load(d.name() + ".txt");

            assertThat(corpus.samples().stream().filter(s -> d.name().equals(s.fields().get("dialect"))))
                    .as(corpus.file()).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyDialectIsInTheCorpusList() {
        assertThat(CORPORA).containsAll(Dialects.standard().all().stream().map(d -> d.name() + ".txt").toList());
    }

    private LogEvent parse(DialectCorpus.Sample s) {
        Instant arrival = s.meta().containsKey("arrival") ? Instant.parse(s.meta().get("arrival")) : ARRIVAL;
        ZoneId zone = s.meta().containsKey("zone") ? ZoneId.of(s.meta().get("zone")) : SENDER_ZONE;
        return parser.parse(s.message().getBytes(UTF_8), new ParseContext(arrival, zone), s.meta().get("hint"));
    }
}
