package org.logmaster.collector.ingest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SyslogFrameDecoderTest {
    private static final int MAX = 64;

    private record Frame(String text, boolean oversized) {}

    /** Collects frames; bytes are kept as ISO-8859-1 text so any byte survives the comparison. */
    private static final class Collector implements SyslogFrameDecoder.FrameHandler {
        final List<Frame> frames = new ArrayList<>();

        @Override
        public void frame(byte[] payload, boolean oversized) {
            frames.add(new Frame(new String(payload, ISO_8859_1), oversized));
        }

        List<String> texts() {
            return frames.stream().map(Frame::text).toList();
        }
    }

    private static Collector decodeInOneRead(SyslogFrameDecoder decoder, String stream) throws Exception {
        Collector out = new Collector();
        byte[] bytes = stream.getBytes(ISO_8859_1);
        decoder.decode(bytes, 0, bytes.length, out);
        return out;
    }

    private static Collector decodeByteByByte(SyslogFrameDecoder decoder, String stream) throws Exception {
        Collector out = new Collector();
        byte[] bytes = stream.getBytes(ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) decoder.decode(bytes, i, 1, out);
        return out;
    }

    @Test
    void octetCountedFramesAreSplitExactly() throws Exception {
        Collector out = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), "5 <1>ab3 xyz11 hello world");

        assertThat(out.texts()).containsExactly("<1>ab", "xyz", "hello world");
        assertThat(out.frames).noneMatch(Frame::oversized);
    }

    @Test
    void octetCountedFramesSplitAcrossReadsAreReassembled() throws Exception {
        String stream = "11 <13>1 - a\nb14 <14>1 - c d e ";
        for (int split = 0; split <= stream.length(); split++) {
            SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
            Collector out = new Collector();
            byte[] bytes = stream.getBytes(US_ASCII);
            decoder.decode(bytes, 0, split, out);
            decoder.decode(bytes, split, bytes.length - split, out);

            assertThat(out.texts()).as("split at %d", split).containsExactly("<13>1 - a\nb", "<14>1 - c d e ");
        }
    }

    @Test
    void octetCountedFramesFedByteByByteAreReassembled() throws Exception {
        Collector out = decodeByteByByte(SyslogFrameDecoder.detecting(MAX), "3 abc10 0123456789");

        assertThat(out.texts()).containsExactly("abc", "0123456789");
    }

    @Test
    void octetCountingIsChosenByALeadingDigit() throws Exception {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        decodeInOneRead(decoder, "3 abc");

        assertThat(decoder.framing()).isEqualTo(SyslogFrameDecoder.Framing.OCTET_COUNTING);
    }

    @Test
    void lineFeedFramingIsChosenByALeadingAngleBracket() throws Exception {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        Collector out = decodeInOneRead(decoder, "<13>first\n<14>second\n");

        assertThat(decoder.framing()).isEqualTo(SyslogFrameDecoder.Framing.NON_TRANSPARENT);
        assertThat(out.texts()).containsExactly("<13>first", "<14>second");
    }

    @Test
    void manyLinesInOneReadAreAllDelivered() throws Exception {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 500; i++) stream.append("<13>line ").append(i).append('\n');

        Collector out = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), stream.toString());

        assertThat(out.texts()).hasSize(500).startsWith("<13>line 0").endsWith("<13>line 499");
    }

    @Test
    void linesSplitAcrossReadsAreReassembled() throws Exception {
        Collector out = decodeByteByByte(SyslogFrameDecoder.detecting(MAX), "<13>one\n<13>two\n");

        assertThat(out.texts()).containsExactly("<13>one", "<13>two");
    }

    @Test
    void crlfAndNulAlsoEndLines() throws Exception {
        Collector out = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), "<13>crlf\r\n<13>nul\0<13>lf\n");

        assertThat(out.texts()).containsExactly("<13>crlf", "<13>nul", "<13>lf");
    }

    @Test
    void crlfSplitBetweenReadsIsStillOneTrailer() throws Exception {
        Collector out = decodeByteByByte(SyslogFrameDecoder.detecting(MAX), "<13>a\r\n<13>b\r\n");

        assertThat(out.texts()).containsExactly("<13>a", "<13>b");
    }

    @Test
    void emptyLinesAndNulPaddingProduceNoFrames() throws Exception {
        Collector out = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), "\n\r\n<13>a\0\n\n\0\0<13>b\n");

        assertThat(out.texts()).containsExactly("<13>a", "<13>b");
    }

    @Test
    void lastLineWithoutTrailerIsDeliveredWhenTheStreamEnds() throws Exception {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        Collector out = decodeInOneRead(decoder, "<13>a\n<13>no trailer");

        assertThat(out.texts()).containsExactly("<13>a");
        assertThat(decoder.pendingBytes()).isEqualTo("<13>no trailer".length());
        assertThat(decoder.finish(out)).as("a line without trailer is not an incomplete frame").isFalse();
        assertThat(out.texts()).containsExactly("<13>a", "<13>no trailer");
    }

    @Test
    void aStreamNotStartingLikeSyslogIsStillKeptLineByLine() throws Exception {
        Collector out = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), "plain text\nmore\n");

        assertThat(out.texts()).containsExactly("plain text", "more");
    }

    @Test
    void oversizedOctetCountedFrameKeepsItsFirstBytesAndTheStreamResynchronises() throws Exception {
        String big = "x".repeat(MAX) + "TAIL";
        Collector out = decodeByteByByte(SyslogFrameDecoder.detecting(MAX), big.length() + " " + big + "2 ok");

        assertThat(out.frames).containsExactly(new Frame("x".repeat(MAX), true), new Frame("ok", false));
    }

    @Test
    void frameOfExactlyTheMaximumIsNotOversized() throws Exception {
        String exact = "y".repeat(MAX);
        Collector octets = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), MAX + " " + exact);
        Collector lines = decodeInOneRead(SyslogFrameDecoder.lines(MAX), exact + "\n" + exact + "\r\n");

        assertThat(octets.frames).containsExactly(new Frame(exact, false));
        assertThat(lines.frames).containsExactly(new Frame(exact, false), new Frame(exact, false));
    }

    @Test
    void fullLineFollowedByCrlfSplitAcrossReadsIsNotOversized() throws Exception {
        String exact = "y".repeat(MAX);
        Collector out = decodeByteByByte(SyslogFrameDecoder.lines(MAX), exact + "\r\n");

        assertThat(out.frames).containsExactly(new Frame(exact, false));
    }

    @Test
    void crAfterAFullLineThatIsNotFollowedByLfStartsTheNextPiece() throws Exception {
        String exact = "y".repeat(MAX);
        Collector out = decodeByteByByte(SyslogFrameDecoder.lines(MAX), exact + "\rz\n");

        assertThat(out.frames).containsExactly(new Frame(exact, true), new Frame("\rz", true));
    }

    @Test
    void overlongLineIsCutIntoFlaggedFramesOfTheMaximumSize() throws Exception {
        String line = "a".repeat(MAX) + "b".repeat(MAX) + "c".repeat(10);
        Collector out = decodeInOneRead(SyslogFrameDecoder.lines(MAX), line + "\n<13>next\n");

        assertThat(out.frames).containsExactly(new Frame("a".repeat(MAX), true), new Frame("b".repeat(MAX), true),
                new Frame("c".repeat(10), true), new Frame("<13>next", false));
    }

    @Test
    void overlongLineFedByteByByteIsCutTheSameWay() throws Exception {
        String line = "a".repeat(MAX) + "b".repeat(MAX);
        Collector out = decodeByteByByte(SyslogFrameDecoder.lines(MAX), line + "\nz\n");

        assertThat(out.frames).containsExactly(new Frame("a".repeat(MAX), true), new Frame("b".repeat(MAX), true),
                new Frame("z", false));
    }

    @Test
    void nonDigitInOctetCountIsMalformedAndTheBytesReadAreKept() throws Exception {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        Collector out = new Collector();
        byte[] stream = "3 abc12x garbage".getBytes(US_ASCII);

        assertThatThrownBy(() -> decoder.decode(stream, 0, stream.length, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("0x78");
        assertThat(out.texts()).containsExactly("abc", "12x garbage");
        assertThat(decoder.framing()).isEqualTo(SyslogFrameDecoder.Framing.BROKEN);
    }

    @Test
    void octetCountWithMoreThanNineDigitsIsMalformed() throws Exception {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        Collector out = new Collector();
        byte[] stream = "1234567890 x".getBytes(US_ASCII);

        assertThatThrownBy(() -> decoder.decode(stream, 0, stream.length, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("9 digits");
        assertThat(out.texts()).containsExactly("1234567890 x");
    }

    @Test
    void octetCountWithLeadingZeroIsMalformed() {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        byte[] stream = "3 abc0 ".getBytes(US_ASCII);

        assertThatThrownBy(() -> decoder.decode(stream, 0, stream.length, new Collector()))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("starts with 0");
    }

    @Test
    void lineFeedsBetweenOctetCountedFramesAreTolerated() throws Exception {
        Collector out = decodeInOneRead(SyslogFrameDecoder.detecting(MAX), "3 abc\n3 def\r\n");

        assertThat(out.texts()).containsExactly("abc", "def");
    }

    @Test
    void streamEndingInsideAnOctetCountedFrameKeepsTheReceivedPart() throws Exception {
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(MAX);
        Collector out = decodeInOneRead(decoder, "3 abc10 01234");

        assertThat(decoder.finish(out)).isTrue();
        assertThat(out.texts()).containsExactly("abc", "01234");
    }

    @Test
    void octetCountedPayloadKeepsEveryByteValue() throws Exception {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) i;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes("256 ".getBytes(US_ASCII));
        stream.writeBytes(payload);
        List<byte[]> frames = new ArrayList<>();

        SyslogFrameDecoder.detecting(1024).decode(stream.toByteArray(), 0, stream.size(),
                (bytes, oversized) -> frames.add(bytes));

        assertThat(frames).hasSize(1);
        assertThat(frames.getFirst()).isEqualTo(payload);
    }

    @Property(tries = 300)
    void octetCountedStreamsDecodeToTheSameFramesHoweverTheyAreSplit(
            @ForAll("payloads") List<byte[]> payloads,
            @ForAll @IntRange(min = 1, max = 97) int chunk) throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (byte[] payload : payloads) {
            stream.writeBytes((payload.length + " ").getBytes(US_ASCII));
            stream.writeBytes(payload);
        }
        byte[] bytes = stream.toByteArray();
        List<byte[]> frames = new ArrayList<>();
        SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(1024);
        for (int off = 0; off < bytes.length; off += chunk) {
            decoder.decode(bytes, off, Math.min(chunk, bytes.length - off), (frame, oversized) -> frames.add(frame));
        }

        assertThat(frames).containsExactlyElementsOf(payloads);
    }

    @Provide
    Arbitrary<List<byte[]>> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300).list().ofMinSize(1).ofMaxSize(20);
    }
}
