package org.logmaster.collector.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.logmaster.collector.parse.LogEvent.Format;
import org.logmaster.collector.parse.LogEvent.StructuredElement;

/** Whatever arrives, the parsers answer with an event and never throw. */
class SyslogParserPropertiesTest {
    private static final ParseContext CONTEXT =
            new ParseContext(Instant.parse("2024-12-31T23:59:30Z"), ZoneId.of("Europe/Istanbul"));

    private final SyslogParser syslog = new SyslogParser(ZoneOffset.UTC);
    private final Rfc5424Parser rfc5424 = new Rfc5424Parser();
    private final Rfc3164Parser rfc3164 = new Rfc3164Parser(ZoneOffset.UTC);

    @Property(tries = 3000)
    void anyBytesGiveAParsedOrAMalformedRawEvent(@ForAll("syslogLikeBytes") byte[] message) {
        for (MessageParser parser : List.of(syslog, rfc5424, rfc3164)) {
            LogEvent e = parser.parse(message, CONTEXT);

            assertThat(e).isNotNull();
            assertThat(e.message()).isNotNull();
            assertThat(e.malformed()).isEqualTo(e.format() == Format.RAW);
            assertThat(e.malformed() ? e.parseError() : "").isNotNull();
        }
    }

    @Property(tries = 500)
    void structuredDataValuesSurviveEscaping(@ForAll("paramValues") String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
        byte[] message = ("<13>1 - host app - - [id@1 v=\"" + escaped + "\"] msg").getBytes(UTF_8);

        LogEvent e = syslog.parse(message, CONTEXT);

        assertThat(e.structuredData()).containsExactly(new StructuredElement("id@1", List.of(Map.entry("v", value))));
        assertThat(e.message()).isEqualTo("msg");
    }

    @Provide
    Arbitrary<byte[]> syslogLikeBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> grammarBytes = Arbitraries.of((byte) '<', (byte) '>', (byte) '[', (byte) ']', (byte) '"',
                        (byte) '\\', (byte) '=', (byte) ' ', (byte) '-', (byte) ':', (byte) '1', (byte) '9', (byte) 'T',
                        (byte) 'Z', (byte) '.', (byte) '+', (byte) 0, (byte) '\n', (byte) 0xEF, (byte) 0xC3, (byte) 'a')
                .array(byte[].class).ofMaxSize(120);
        Arbitrary<String> prefix = Arbitraries.of("", "<", "<13>", "<13>1 ", "<191>1 - - - - - ",
                "<13>1 2024-01-01T00:00:00.123456+03:00 h a p m ", "<13>1 - h a p m [", "<13>1 - h a p m [id@1 v=\"",
                "<13>Feb  5 10:01:02 ", "<13>Dec 31 23:59:59 host ", "<13>2024-01-01T00:00:00Z h ", "<0>Feb 29 ",
                "<13>Jan  1 00:00:00 h t[");
        return Combinators.combine(prefix, Arbitraries.oneOf(anyBytes, grammarBytes))
                .as((p, tail) -> concat(p.getBytes(UTF_8), tail));
    }

    @Provide
    Arbitrary<String> paramValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("\\\"]a ş=[").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
