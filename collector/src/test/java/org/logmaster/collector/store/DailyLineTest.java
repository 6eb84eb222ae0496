package org.logmaster.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.logmaster.collector.ingest.RawFrame;

class DailyLineTest {
    private static final Instant ARRIVAL = Instant.parse("2026-11-28T09:15:02.123Z");

    @Property(tries = 2000)
    void decodingAnEncodedFrameGivesBackItsExactBytesAndFields(@ForAll("payloads") byte[] payload,
            @ForAll("instants") Instant arrival, @ForAll("addresses") InetAddress sender,
            @ForAll("listeners") String listener) throws MalformedLineException {
        RawFrame frame = new RawFrame(payload, arrival, sender, listener);

        DailyLine line = DailyLine.decode(DailyLine.encode(frame));

        assertThat(line.raw()).isEqualTo(payload);
        assertThat(line.arrival()).isEqualTo(arrival);
        assertThat(line.sender()).isEqualTo(sender.getHostAddress());
        assertThat(line.listener()).isEqualTo(listener);
    }

    @Property(tries = 2000)
    void everyEncodedLineIsOneLineOfValidUtf8(@ForAll("payloads") byte[] payload,
            @ForAll("listeners") String listener) throws CharacterCodingException {
        byte[] encoded = DailyLine.encode(new RawFrame(payload, ARRIVAL, loopback(), listener));

        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(encoded)).toString();
        assertThat(text).endsWith("\n");
        assertThat(text.substring(0, text.length() - 1)).doesNotContain("\n", "\r").doesNotContainPattern("[\\x00-\\x1F\\x7F]");
    }

    @Example
    void aLineIsArrivalSenderListenerAndMessage() {
        assertThat(encodeText("<134>Nov 28 12:15:02 fw1 accept".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("2026-11-28T09:15:02.123Z 127.0.0.1 udp <134>Nov 28 12:15:02 fw1 accept\n");
    }

    @Example
    void arrivalTimeIsWrittenWithExactlyMilliseconds() {
        RawFrame frame = new RawFrame(new byte[0], Instant.parse("2026-01-02T03:04:05.000678901Z"), loopback(), "udp");

        assertThat(new String(DailyLine.encode(frame), StandardCharsets.UTF_8)).startsWith("2026-01-02T03:04:05.000Z ");
    }

    @Example
    void lineBreaksAndBackslashesAreEscaped() {
        assertThat(encodeText("a\nb\rc\\d".getBytes(StandardCharsets.UTF_8))).endsWith(" a\\nb\\rc\\\\d\n");
    }

    @Example
    void nulAndOtherControlBytesBecomeHexEscapes() {
        assertThat(encodeText(new byte[] {'a', 0, 0x1B, '\t', 0x7F, 'z'})).endsWith(" a\\x00\\x1B\\x09\\x7Fz\n");
    }

    @Example
    void bytesThatAreNotUtf8BecomeHexEscapes() {
        byte[] payload = {
                'a', (byte) 0xFF,                        // never valid
                (byte) 0xC0, (byte) 0xAF,                // overlong '/'
                (byte) 0xED, (byte) 0xA0, (byte) 0x80,   // UTF-16 surrogate
                (byte) 0xE2, (byte) 0x82                 // cut short
        };
        assertThat(encodeText(payload)).endsWith(" a\\xFF\\xC0\\xAF\\xED\\xA0\\x80\\xE2\\x82\n");
    }

    @Example
    void wellFormedMultiByteUtf8IsKeptAsItIs() {
        String text = "kullanıcı ğüşiöç € 😀";
        assertThat(encodeText(text.getBytes(StandardCharsets.UTF_8))).endsWith(" " + text + "\n");
    }

    @Example
    void spacesInTheListenerNameAreEscapedSoTheFieldsStaySeparable() throws MalformedLineException {
        RawFrame frame = new RawFrame("x y".getBytes(StandardCharsets.UTF_8), ARRIVAL, loopback(), "file:my log");

        byte[] encoded = DailyLine.encode(frame);

        assertThat(new String(encoded, StandardCharsets.UTF_8)).contains(" file:my\\x20log x y\n");
        assertThat(DailyLine.decode(encoded).listener()).isEqualTo("file:my log");
    }

    @Example
    void aLineCutInsideItsHeaderIsRejected() {
        assertThatThrownBy(() -> DailyLine.decode("2026-11-28T09:15:02.123Z 127.0.0".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedLineException.class);
    }

    @Example
    void anUnknownEscapeIsRejected() {
        assertThatThrownBy(() -> DailyLine.decode("2026-11-28T09:15:02.123Z 127.0.0.1 udp a\\q".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedLineException.class)
                .hasMessageContaining("\\q");
    }

    @Example
    void aLineCutInsideAHexEscapeIsRejected() {
        assertThatThrownBy(() -> DailyLine.decode("2026-11-28T09:15:02.123Z 127.0.0.1 udp a\\x4".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedLineException.class);
    }

    @Example
    void anArrivalTimeThatIsNoTimeIsRejected() {
        assertThatThrownBy(() -> DailyLine.decode("2026-11-28T29:15:02.123Z 127.0.0.1 udp a".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedLineException.class);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> text = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                .ofMaxLength(100).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> tricky = Arbitraries.of(
                new byte[] {'\\', 'x', '4', '1'}, new byte[] {'\\', 'n'}, new byte[] {(byte) 0xF0, (byte) 0x9F},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {'\r', '\n'}, new byte[] {0});
        Arbitrary<byte[]> part = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyBytes), net.jqwik.api.Tuple.of(3, text), net.jqwik.api.Tuple.of(2, tricky));
        return part.list().ofMaxSize(4).map(parts -> {
            ByteBuffer joined = ByteBuffer.allocate(parts.stream().mapToInt(p -> p.length).sum());
            parts.forEach(joined::put);
            return joined.array();
        });
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(0, 4_102_444_800L)),   // 1970..2100
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())));
        return Combinators.combine(seconds, Arbitraries.integers().between(0, 999))
                .as((s, ms) -> Instant.ofEpochSecond(s, ms * 1_000_000L));
    }

    @Provide
    Arbitrary<InetAddress> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16)).map(DailyLineTest::address);
    }

    @Provide
    Arbitrary<String> listeners() {
        return Arbitraries.oneOf(
                Arbitraries.of("udp", "tcp", "tls", "file:fw log", ""),
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(20));
    }

    private static String encodeText(byte[] payload) {
        return new String(DailyLine.encode(new RawFrame(payload, ARRIVAL, loopback(), "udp")), StandardCharsets.UTF_8);
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
