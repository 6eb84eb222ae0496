package org.logmaster.collector.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logmaster.collector.parse.LogEvent.Format;
import org.logmaster.collector.parse.LogEvent.StructuredElement;

class Rfc5424ParserTest {
    private static final String BOM = "\uFEFF";
    private static final ParseContext CONTEXT = new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final Rfc5424Parser parser = new Rfc5424Parser();

    private LogEvent parse(String message) {
        return parser.parse(message.getBytes(UTF_8), CONTEXT);
    }

    private LogEvent parse(byte[] message) {
        return parser.parse(message, CONTEXT);
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] bytes ? bytes : part.toString().getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertMalformed(LogEvent event, String reasonPart) {
        assertThat(event.format()).isEqualTo(Format.RAW);
        assertThat(event.malformed()).isTrue();
        assertThat(event.parseError()).startsWith("RFC 5424: ").contains(reasonPart);
    }

    /** The four examples of RFC 5424 section 6.5. */
    @Nested
    class RfcExamples {
        @Test
        void example1WithoutStructuredDataAndWithBom() {
            LogEvent e = parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - "
                    + BOM + "'su root' failed for lonvick on /dev/pts/8");

            assertThat(e.format()).isEqualTo(Format.RFC5424);
            assertThat(e.malformed()).isFalse();
            assertThat(e.facility()).isEqualTo(4);
            assertThat(e.severity()).isEqualTo(2);
            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
            assertThat(e.hostname()).isEqualTo("mymachine.example.com");
            assertThat(e.appName()).isEqualTo("su");
            assertThat(e.procId()).isNull();
            assertThat(e.msgId()).isEqualTo("ID47");
            assertThat(e.structuredData()).isEmpty();
            assertThat(e.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        }

        @Test
        void example2WithMicrosecondsAndNegativeOffset() {
            LogEvent e = parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");

            assertThat(e.facility()).isEqualTo(20);
            assertThat(e.severity()).isEqualTo(5);
            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
            assertThat(e.hostname()).isEqualTo("192.0.2.1");
            assertThat(e.appName()).isEqualTo("myproc");
            assertThat(e.procId()).isEqualTo("8710");
            assertThat(e.msgId()).isNull();
            assertThat(e.message()).isEqualTo("%% It's time to make the do-nuts.");
        }

        @Test
        void example3WithStructuredDataAndMessage() {
            LogEvent e = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                    + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] "
                    + BOM + "An application event log entry...");

            assertThat(e.structuredData()).containsExactly(new StructuredElement("exampleSDID@32473", List.of(
                    Map.entry("iut", "3"), Map.entry("eventSource", "Application"), Map.entry("eventID", "1011"))));
            assertThat(e.message()).isEqualTo("An application event log entry...");
        }

        @Test
        void example4WithTwoElementsAndNoMessage() {
            LogEvent e = parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                    + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]"
                    + "[examplePriority@32473 class=\"high\"]");

            assertThat(e.malformed()).isFalse();
            assertThat(e.structuredData()).extracting(StructuredElement::id)
                    .containsExactly("exampleSDID@32473", "examplePriority@32473");
            assertThat(e.structuredData().get(1).params()).containsExactly(Map.entry("class", "high"));
            assertThat(e.message()).isEmpty();
        }
    }

    @Nested
    class Pri {
        @ParameterizedTest
        @ValueSource(strings = {"<192>1 - - - - - -", "<013>1 - - - - - -", "<00>1 - - - - - -", "<>1 - - - - - -",
                "<1a>1 - - - - - -", "<1234>1 - - - - - -", "<13"})
        void invalidPriIsMalformed(String message) {
            assertMalformed(parse(message), "invalid PRI");
        }

        @Test
        void missingPriIsMalformed() {
            assertMalformed(parse("1 - - - - - - hello"), "no PRI");
        }

        @Test
        void priZeroAndPri191AreTheLimits() {
            assertThat(parse("<0>1 - - - - - -").severity()).isZero();
            LogEvent highest = parse("<191>1 - - - - - -");
            assertThat(highest.facility()).isEqualTo(23);
            assertThat(highest.severity()).isEqualTo(7);
        }

        @Test
        void malformedMessageKeepsItsPriority() {
            LogEvent e = parse("<11>1 not-a-timestamp host app - - - text");

            assertThat(e.malformed()).isTrue();
            assertThat(e.facility()).isEqualTo(1);
            assertThat(e.severity()).isEqualTo(3);
            assertThat(e.message()).isEqualTo("<11>1 not-a-timestamp host app - - - text");
        }
    }

    @Nested
    class Version {
        @ParameterizedTest
        @ValueSource(strings = {"<13>2 - - - - - -", "<13>10 - - - - - -", "<13>1- - - - - -", "<13>"})
        void onlyVersionOneIsAccepted(String message) {
            assertMalformed(parse(message), "VERSION");
        }
    }

    @Nested
    class Timestamp {
        private Instant time(String timestamp) {
            LogEvent e = parse("<13>1 " + timestamp + " host app - - - msg");
            assertThat(e.malformed()).as("%s: %s", timestamp, e.parseError()).isFalse();
            return e.deviceTime();
        }

        private void assertRejected(String timestamp) {
            assertMalformed(parse("<13>1 " + timestamp + " host app - - - msg"), "TIMESTAMP");
        }

        @Test
        void nilValueMeansNoDeviceTime() {
            LogEvent e = parse("<13>1 - host app - - - msg");

            assertThat(e.malformed()).isFalse();
            assertThat(e.deviceTime()).isNull();
        }

        @Test
        void rfcSection6231ValidExamples() {
            assertThat(time("1985-04-12T23:20:50.52Z")).isEqualTo(Instant.parse("1985-04-12T23:20:50.520Z"));
            assertThat(time("1985-04-12T19:20:50.52-04:00")).isEqualTo(Instant.parse("1985-04-12T23:20:50.520Z"));
            assertThat(time("2003-10-11T22:14:15.003Z")).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
            assertThat(time("2003-08-24T05:14:15.000003-07:00")).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
        }

        @Test
        void moreThanSixFractionalDigitsAreRejected() {
            assertRejected("2003-08-24T05:14:15.000000003-07:00");
        }

        @Test
        void fractionOfOneToSixDigitsIsScaled() {
            assertThat(time("2024-01-02T03:04:05.1Z").getNano()).isEqualTo(100_000_000);
            assertThat(time("2024-01-02T03:04:05.123456Z").getNano()).isEqualTo(123_456_000);
        }

        @Test
        void withoutFractionTheInstantIsWholeSeconds() {
            assertThat(time("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        }

        @Test
        void positiveOffsetIsSubtracted() {
            assertThat(time("2025-01-01T00:30:00+03:00")).isEqualTo(Instant.parse("2024-12-31T21:30:00Z"));
        }

        @Test
        void offsetWithMinutesIsApplied() {
            assertThat(time("2024-06-01T12:00:00+05:45")).isEqualTo(Instant.parse("2024-06-01T06:15:00Z"));
        }

        @Test
        void lowerCaseSeparatorsAreTolerated() {
            assertThat(time("2024-06-01t12:00:00z")).isEqualTo(Instant.parse("2024-06-01T12:00:00Z"));
        }

        @Test
        void leapDayExistsOnlyInLeapYears() {
            assertThat(time("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
            assertThat(time("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
            assertRejected("2023-02-29T00:00:00Z");
            assertRejected("1900-02-29T00:00:00Z");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
                "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-12-31T23:59:60Z"})
        void impossibleDatesAndTimesAreRejected(String timestamp) {
            assertRejected(timestamp);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-01-01T00:00:00", "2024-01-01T00:00:00+0300", "2024-01-01T00:00:00+24:00",
                "2024-01-01T00:00:00+03:60", "2024-01-01T00:00:00.Z", "2024-01-01 00:00:00Z", "2024-1-01T00:00:00Z",
                "Oct 11 22:14:15", "2024-01-01T00:00:00ZX"})
        void malformedTimestampsAreRejected(String timestamp) {
            assertRejected(timestamp);
        }
    }

    @Nested
    class HeaderFields {
        @Test
        void nilValuesBecomeNull() {
            LogEvent e = parse("<13>1 - - - - - -");

            assertThat(e.malformed()).isFalse();
            assertThat(e.hostname()).isNull();
            assertThat(e.appName()).isNull();
            assertThat(e.procId()).isNull();
            assertThat(e.msgId()).isNull();
            assertThat(e.structuredData()).isEmpty();
            assertThat(e.message()).isEmpty();
        }

        @Test
        void fieldsAtTheirMaximumLengthAreAccepted() {
            LogEvent e = parse("<13>1 - " + "h".repeat(255) + " " + "a".repeat(48) + " " + "p".repeat(128)
                    + " " + "m".repeat(32) + " - msg");

            assertThat(e.malformed()).isFalse();
            assertThat(e.hostname()).hasSize(255);
            assertThat(e.appName()).hasSize(48);
            assertThat(e.procId()).hasSize(128);
            assertThat(e.msgId()).hasSize(32);
        }

        @Test
        void overLongHostnameIsMalformed() {
            assertMalformed(parse("<13>1 - " + "h".repeat(256) + " app - - - msg"), "HOSTNAME longer than 255");
        }

        @Test
        void overLongAppNameIsMalformed() {
            assertMalformed(parse("<13>1 - host " + "a".repeat(49) + " - - - msg"), "APP-NAME longer than 48");
        }

        @Test
        void overLongProcIdIsMalformed() {
            assertMalformed(parse("<13>1 - host app " + "p".repeat(129) + " - - msg"), "PROCID longer than 128");
        }

        @Test
        void overLongMsgIdIsMalformed() {
            assertMalformed(parse("<13>1 - host app - " + "m".repeat(33) + " - msg"), "MSGID longer than 32");
        }

        @Test
        void nonAsciiHostnameIsMalformed() {
            assertMalformed(parse("<13>1 - hôst app - - - msg"), "HOSTNAME contains a byte that is not printable");
        }

        @Test
        void nulByteInHeaderIsMalformed() {
            assertMalformed(parse(concat("<13>1 - host ap", new byte[] {0}, "p - - - msg")), "APP-NAME contains");
        }

        @Test
        void doubleSpaceBetweenFieldsIsMalformed() {
            assertMalformed(parse("<13>1 - host  app - - - msg"), "empty APP-NAME");
        }

        @Test
        void messageEndingInsideHeaderIsMalformed() {
            assertMalformed(parse("<13>1 2003-10-11T22:14:15.003Z host"), "message ends");
        }

        @Test
        void malformedEventKeepsTheWholeText() {
            LogEvent e = parse("<13>1 - " + "h".repeat(256) + " app - - - msg\n");

            assertThat(e.message()).isEqualTo("<13>1 - " + "h".repeat(256) + " app - - - msg");
        }
    }

    @Nested
    class StructuredData {
        private List<StructuredElement> sd(String structuredData) {
            LogEvent e = parse("<13>1 - host app - - " + structuredData + " msg");
            assertThat(e.malformed()).as("%s", e.parseError()).isFalse();
            assertThat(e.message()).isEqualTo("msg");
            return e.structuredData();
        }

        private Map.Entry<String, String> onlyParam(String structuredData) {
            List<StructuredElement> elements = sd(structuredData);
            assertThat(elements).hasSize(1);
            assertThat(elements.getFirst().params()).hasSize(1);
            return elements.getFirst().params().getFirst();
        }

        @Test
        void escapedQuoteBackslashAndBracketAreUnescaped() {
            assertThat(onlyParam("[id@1 v=\"a\\\"b\\\\c\\]d\"]").getValue()).isEqualTo("a\"b\\c]d");
        }

        @Test
        void backslashBeforeAnyOtherCharacterIsKept() {
            assertThat(onlyParam("[id@1 v=\"C:\\temp\\n\"]").getValue()).isEqualTo("C:\\temp\\n");
        }

        @Test
        void escapedBackslashBeforeClosingQuoteEndsTheValue() {
            assertThat(onlyParam("[id@1 v=\"dir\\\\\"]").getValue()).isEqualTo("dir\\");
        }

        @Test
        void unescapedClosingBracketInsideValueIsTolerated() {
            assertThat(onlyParam("[id@1 v=\"a]b\"]").getValue()).isEqualTo("a]b");
        }

        @Test
        void emptyValueIsAllowed() {
            assertThat(onlyParam("[id@1 v=\"\"]").getValue()).isEmpty();
        }

        @Test
        void utf8ValuesAreDecoded() {
            assertThat(onlyParam("[id@1 user=\"Şükrü Çağlar\"]").getValue()).isEqualTo("Şükrü Çağlar");
        }

        @Test
        void invalidUtf8InValueBecomesReplacementCharacter() {
            LogEvent e = parse(concat("<13>1 - host app - - [id@1 v=\"a", new byte[] {(byte) 0xC3, '('}, "\"] msg"));

            assertThat(e.structuredData().getFirst().params().getFirst().getValue()).isEqualTo("a\uFFFD(");
        }

        @Test
        void repeatedParamNamesAreAllKeptInOrder() {
            assertThat(sd("[origin ip=\"192.0.2.1\" ip=\"192.0.2.129\"]").getFirst().params())
                    .containsExactly(Map.entry("ip", "192.0.2.1"), Map.entry("ip", "192.0.2.129"));
        }

        @Test
        void elementWithoutParamsIsAllowed() {
            assertThat(sd("[timeQuality]")).containsExactly(new StructuredElement("timeQuality", List.of()));
        }

        @Test
        void elementsSeparatedBySpaceLeaveTheSecondInTheMessage() {
            LogEvent e = parse("<13>1 - host app - - [a@1 x=\"1\"] [b@1 y=\"2\"]");

            assertThat(e.structuredData()).extracting(StructuredElement::id).containsExactly("a@1");
            assertThat(e.message()).isEqualTo("[b@1 y=\"2\"]");
        }

        @Test
        void sdNameOf32CharactersIsAccepted() {
            assertThat(sd("[" + "i".repeat(32) + " " + "p".repeat(32) + "=\"v\"]").getFirst().id()).hasSize(32);
        }

        @Test
        void sdIdLongerThan32CharactersIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [" + "i".repeat(33) + "] msg"), "SD-ID longer than 32");
        }

        @Test
        void paramNameLongerThan32CharactersIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id " + "p".repeat(33) + "=\"v\"] msg"), "PARAM-NAME longer than 32");
        }

        @Test
        void spaceBeforeSdIdIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [ exampleSDID@32473 iut=\"3\"] msg"), "SD-ID");
        }

        @Test
        void unquotedValueIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id@1 v=3] msg"), "expected '\"'");
        }

        @Test
        void paramWithoutEqualsIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id@1 v] msg"), "expected '='");
        }

        @Test
        void quoteInParamNameIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id@1 a\"b=\"v\"] msg"), "expected '='");
        }

        @Test
        void unterminatedValueIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id@1 v=\"abc] msg"), "unterminated PARAM-VALUE");
        }

        @Test
        void unclosedElementIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id@1 v=\"abc\""), "message ends inside SD-ELEMENT");
        }

        @Test
        void textDirectlyAfterStructuredDataIsMalformed() {
            assertMalformed(parse("<13>1 - host app - - [id@1]msg"), "expected SP after STRUCTURED-DATA");
        }
    }

    @Nested
    class Message {
        @Test
        void bomIsRemoved() {
            assertThat(parse("<13>1 - host app - - - " + BOM + "text").message()).isEqualTo("text");
        }

        @Test
        void messageWithoutBomIsKeptAsIs() {
            assertThat(parse("<13>1 - host app - - -  two leading spaces? one is the separator").message())
                    .isEqualTo(" two leading spaces? one is the separator");
        }

        @Test
        void invalidUtf8BecomesReplacementCharacter() {
            LogEvent e = parse(concat("<13>1 - host app - - - ", BOM, "ok ", new byte[] {(byte) 0xFF, (byte) 0xFE}, " end"));

            assertThat(e.malformed()).isFalse();
            assertThat(e.message()).isEqualTo("ok \uFFFD\uFFFD end");
        }

        @Test
        void nulBytesInsideTheMessageAreKept() {
            LogEvent e = parse(concat("<13>1 - host app - - - a", new byte[] {0}, "b"));

            assertThat(e.message()).isEqualTo("a\u0000b");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\n", "\r\n", "\u0000", "\n\u0000"})
        void trailingLineEndsAndNulsAreDropped(String trailer) {
            LogEvent e = parse("<13>1 - host app - - - text" + trailer);

            assertThat(e.malformed()).isFalse();
            assertThat(e.message()).isEqualTo("text");
        }

        @Test
        void missingMessageAfterNilStructuredDataGivesEmptyMessage() {
            LogEvent e = parse("<13>1 - host app - - -\n");

            assertThat(e.malformed()).isFalse();
            assertThat(e.message()).isEmpty();
        }

        @Test
        void missingStructuredDataIsTolerated() {
            LogEvent e = parse("<13>1 - host app 42 ID7 plain text");

            assertThat(e.malformed()).isFalse();
            assertThat(e.msgId()).isEqualTo("ID7");
            assertThat(e.structuredData()).isEmpty();
            assertThat(e.message()).isEqualTo("plain text");
        }

        @Test
        void messageEndingAfterMsgIdIsTolerated() {
            LogEvent e = parse("<13>1 - host app 42 ID7");

            assertThat(e.malformed()).isFalse();
            assertThat(e.msgId()).isEqualTo("ID7");
            assertThat(e.message()).isEmpty();
        }

        @Test
        void emptyInputIsMalformed() {
            assertThat(parse(new byte[0]).malformed()).isTrue();
            assertThat(parse("\n").malformed()).isTrue();
            assertThat(parser.parse(null, CONTEXT).message()).isEmpty();
        }
    }
}
