package org.logmaster.collector.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logmaster.collector.parse.LogEvent.Format;

class Rfc3164ParserTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final Instant MID_2024 = Instant.parse("2024-06-01T12:00:00Z");

    private final Rfc3164Parser parser = new Rfc3164Parser(ZoneOffset.UTC);

    private LogEvent parse(String message) {
        return parse(message, MID_2024, ZoneOffset.UTC);
    }

    private LogEvent parse(String message, Instant arrival, ZoneId zone) {
        return parser.parse(message.getBytes(UTF_8), new ParseContext(arrival, zone));
    }

    private LogEvent parse(byte[] message) {
        return parser.parse(message, new ParseContext(MID_2024, ZoneOffset.UTC));
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] bytes ? bytes : part.toString().getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertParsedWithoutTime(LogEvent e, String message) {
        assertThat(e.format()).isEqualTo(Format.RFC3164);
        assertThat(e.malformed()).isFalse();
        assertThat(e.deviceTime()).isNull();
        assertThat(e.hostname()).isNull();
        assertThat(e.message()).isEqualTo(message);
    }

    /** The examples of RFC 3164 section 5.4, read the way the RFC says a relay reads them. */
    @Nested
    class RfcExamples {
        @Test
        void example1IsACompleteMessage() {
            LogEvent e = parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");

            assertThat(e.format()).isEqualTo(Format.RFC3164);
            assertThat(e.malformed()).isFalse();
            assertThat(e.facility()).isEqualTo(4);
            assertThat(e.severity()).isEqualTo(2);
            // October is closer to an arrival in June 2024 in 2024 than in 2023.
            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2023-10-11T22:14:15Z"));
            assertThat(e.hostname()).isEqualTo("mymachine");
            assertThat(e.appName()).isEqualTo("su");
            assertThat(e.procId()).isNull();
            assertThat(e.msgId()).isNull();
            assertThat(e.structuredData()).isEmpty();
            assertThat(e.message()).isEqualTo("'su root' failed for lonvick on /dev/pts/8");
        }

        @Test
        void example2WithoutPriIsRawAndMalformed() {
            LogEvent e = parse("Use the BFG!");

            assertThat(e.format()).isEqualTo(Format.RAW);
            assertThat(e.malformed()).isTrue();
            assertThat(e.parseError()).isEqualTo("RFC 3164: no PRI");
            assertThat(e.message()).isEqualTo("Use the BFG!");
        }

        @Test
        void example3WithoutTagHasOnlyHostnameAndMessage() {
            LogEvent e = parse("<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!");

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T17:32:18Z"));
            assertThat(e.hostname()).isEqualTo("10.0.0.99");
            assertThat(e.appName()).isNull();
            assertThat(e.message()).isEqualTo("Use the BFG!");
        }

        @Test
        void example4TakesTheTimeZoneNameForTheHostname() {
            LogEvent e = parse("<165>Aug 24 05:34:00 CST 1987 mymachine myproc[10]: %% It's time to make the do-nuts.");

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2023-08-24T05:34:00Z"));
            assertThat(e.hostname()).isEqualTo("CST");
            assertThat(e.appName()).isNull();
            assertThat(e.message()).isEqualTo("1987 mymachine myproc[10]: %% It's time to make the do-nuts.");
        }

        @Test
        void example5WithUnreadableTimestampKeepsAllAfterPriAsMessage() {
            LogEvent e = parse("<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!");

            assertParsedWithoutTime(e, "1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!");
            assertThat(e.severity()).isZero();
        }

        @Test
        void example6IsARelayedMessageWhoseContentStartsWithTheOriginalTimestamp() {
            LogEvent e = parse("<0>Oct 22 10:52:12 scapegoat 1990 Oct 22 10:50:01 10.1.2.3 sched[0]: That's All Folks!");

            assertThat(e.hostname()).isEqualTo("scapegoat");
            assertThat(e.appName()).isNull();
            assertThat(e.message()).isEqualTo("1990 Oct 22 10:50:01 10.1.2.3 sched[0]: That's All Folks!");
        }
    }

    @Nested
    class Header {
        @Test
        void tagWithPidIsSplit() {
            LogEvent e = parse("<38>Feb  5 10:01:02 gw sshd[4211]: Accepted publickey for root");

            assertThat(e.hostname()).isEqualTo("gw");
            assertThat(e.appName()).isEqualTo("sshd");
            assertThat(e.procId()).isEqualTo("4211");
            assertThat(e.message()).isEqualTo("Accepted publickey for root");
        }

        @Test
        void tagWithPidButWithoutColonIsATag() {
            LogEvent e = parse("<38>Feb  5 10:01:02 gw sshd[4211] Accepted");

            assertThat(e.appName()).isEqualTo("sshd");
            assertThat(e.procId()).isEqualTo("4211");
            assertThat(e.message()).isEqualTo("Accepted");
        }

        @Test
        void missingHostnameIsDetectedFromTagWithPid() {
            LogEvent e = parse("<13>Feb  5 10:01:02 sshd[12]: msg");

            assertThat(e.hostname()).isNull();
            assertThat(e.appName()).isEqualTo("sshd");
            assertThat(e.procId()).isEqualTo("12");
            assertThat(e.message()).isEqualTo("msg");
        }

        @Test
        void missingHostnameIsDetectedFromTagWithColon() {
            LogEvent e = parse("<13>Feb  5 10:01:02 kernel: eth0 link up");

            assertThat(e.hostname()).isNull();
            assertThat(e.appName()).isEqualTo("kernel");
            assertThat(e.message()).isEqualTo("eth0 link up");
        }

        @Test
        void loneColonIsAnEmptyTag() {
            LogEvent e = parse("<166>Feb  5 2024 10:01:02 asa01 : %ASA-6-302013: Built outbound TCP connection");

            assertThat(e.hostname()).isEqualTo("asa01");
            assertThat(e.appName()).isNull();
            assertThat(e.message()).isEqualTo("%ASA-6-302013: Built outbound TCP connection");
        }

        @Test
        void colonInsideAWordIsNoTag() {
            LogEvent e = parse("<13>Feb  5 10:01:02 host http://example.org/ is down");

            assertThat(e.appName()).isNull();
            assertThat(e.message()).isEqualTo("http://example.org/ is down");
        }

        @Test
        void emptyPidIsNull() {
            assertThat(parse("<13>Feb  5 10:01:02 host app[]: x").procId()).isNull();
        }

        @Test
        void timestampAloneGivesEmptyMessage() {
            LogEvent e = parse("<13>Feb  5 10:01:02\n");

            assertThat(e.deviceTime()).isNotNull();
            assertThat(e.hostname()).isNull();
            assertThat(e.message()).isEmpty();
        }

        @Test
        void hostnameAloneGivesEmptyMessage() {
            LogEvent e = parse("<13>Feb  5 10:01:02 host");

            assertThat(e.hostname()).isEqualTo("host");
            assertThat(e.message()).isEmpty();
        }

        @Test
        void tagWithoutMessageGivesEmptyMessage() {
            LogEvent e = parse("<13>Feb  5 10:01:02 host app:");

            assertThat(e.appName()).isEqualTo("app");
            assertThat(e.message()).isEmpty();
        }
    }

    @Nested
    class Timestamp {
        private Instant time(String timestamp) {
            LogEvent e = parse("<13>" + timestamp + " host app: msg");
            assertThat(e.hostname()).as(timestamp).isEqualTo("host");
            return e.deviceTime();
        }

        @Test
        void spacePaddedAndTwoDigitDaysAreRead() {
            assertThat(time("Feb  5 10:01:02")).isEqualTo(Instant.parse("2024-02-05T10:01:02Z"));
            assertThat(time("Feb 15 10:01:02")).isEqualTo(Instant.parse("2024-02-15T10:01:02Z"));
        }

        @Test
        void unpaddedSingleDigitDayIsTolerated() {
            assertThat(time("Feb 5 10:01:02")).isEqualTo(Instant.parse("2024-02-05T10:01:02Z"));
        }

        @Test
        void monthNamesAreCaseInsensitive() {
            assertThat(time("FEB  5 10:01:02")).isEqualTo(Instant.parse("2024-02-05T10:01:02Z"));
        }

        @Test
        void fractionalSecondsAreKept() {
            assertThat(time("Feb  5 10:01:02.123")).isEqualTo(Instant.parse("2024-02-05T10:01:02.123Z"));
        }

        @Test
        void explicitYearWins() {
            assertThat(time("Feb  5 2019 10:01:02")).isEqualTo(Instant.parse("2019-02-05T10:01:02Z"));
        }

        @Test
        void rsyslogForwardFormatUsesRfc3339() {
            LogEvent e = parse("<30>2024-02-05T10:01:02.123456+03:00 web01 nginx[77]: GET /");

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T07:01:02.123456Z"));
            assertThat(e.hostname()).isEqualTo("web01");
            assertThat(e.appName()).isEqualTo("nginx");
            assertThat(e.procId()).isEqualTo("77");
            assertThat(e.message()).isEqualTo("GET /");
        }

        @Test
        void isoTimestampWithoutOffsetIsReadInTheSendersZone() {
            LogEvent e = parse("<30>2024-02-05T10:01:02 web01 app: x", MID_2024, ISTANBUL);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T07:01:02Z"));
        }

        @Test
        void bsdTimestampIsReadInTheSendersZone() {
            LogEvent e = parse("<13>Feb  5 10:01:02 host app: x", MID_2024, ISTANBUL);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T07:01:02Z"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Feb 30 10:01:02", "Feb  5 24:01:02", "Feb  5 10:61:02", "Foo  5 10:01:02",
                "Feb  5 10:01", "Feb  5 10:01:02x", "Feb  0 10:01:02", "2024-02-05X10:01:02Z"})
        void unreadableTimestampLeavesEverythingAfterPriAsMessage(String timestamp) {
            assertParsedWithoutTime(parse("<13>" + timestamp + " host app: msg"), timestamp + " host app: msg");
        }

        @Test
        void priAloneIsAnEmptyMessage() {
            assertParsedWithoutTime(parse("<13>"), "");
        }
    }

    /**
     * The year a BSD timestamp belongs to is the latest that is at most 30 days after the
     * arrival, in the sender's zone: logs describe the past, clocks run a little ahead.
     */
    @Nested
    class YearInference {
        @Test
        void lateDecemberArrivingInJanuaryIsLastYearInUtc() {
            LogEvent e = parse("<13>Dec 31 23:59:59 host app: x", Instant.parse("2025-01-01T00:00:05Z"), ZoneOffset.UTC);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-12-31T23:59:59Z"));
        }

        @Test
        void earlyJanuaryArrivingInDecemberIsNextYearInUtc() {
            LogEvent e = parse("<13>Jan  1 00:00:01 host app: x", Instant.parse("2024-12-31T23:59:00Z"), ZoneOffset.UTC);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2025-01-01T00:00:01Z"));
        }

        @Test
        void lateDecemberArrivingAfterIstanbulMidnightIsLastYear() {
            // 2024-12-31T21:00:05Z is already 2025-01-01 00:00:05 in Istanbul (UTC+3).
            LogEvent e = parse("<13>Dec 31 23:59:59 host app: x", Instant.parse("2024-12-31T21:00:05Z"), ISTANBUL);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-12-31T20:59:59Z"));
        }

        @Test
        void newYearInIstanbulWhileStillOldYearInUtcIsTheNewYear() {
            LogEvent e = parse("<13>Jan  1 00:00:03 host app: x", Instant.parse("2024-12-31T21:00:05Z"), ISTANBUL);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-12-31T21:00:03Z"));
        }

        @Test
        void earlyJanuaryArrivingBeforeIstanbulMidnightIsNextYear() {
            LogEvent e = parse("<13>Jan  1 00:00:01 host app: x", Instant.parse("2024-12-31T20:59:00Z"), ISTANBUL);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-12-31T21:00:01Z"));
        }

        @Test
        void midYearMessageIsThisYear() {
            LogEvent e = parse("<13>Jun  1 11:59:00 host app: x", MID_2024, ISTANBUL);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-06-01T08:59:00Z"));
        }

        @Test
        void leapDayResolvesToTheNearestLeapYear() {
            LogEvent e = parse("<13>Feb 29 10:00:00 host app: x", Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        }

        @Test
        void leapDayFarFromAnyLeapYearIsNoTimestamp() {
            LogEvent e = parse("<13>Feb 29 10:00:00 host app: x", Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

            assertThat(e.deviceTime()).isNull();
            assertThat(e.message()).isEqualTo("Feb 29 10:00:00 host app: x");
        }

        @Test
        void wallTimeInADaylightSavingGapIsShiftedForward() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            LogEvent e = parse("<13>Mar 30 02:30:00 host app: x", Instant.parse("2025-03-30T02:00:00Z"), berlin);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
        }

        @Test
        void wallTimeInSummerIsReadWithTheSummerOffsetEvenWhenArrivalIsInWinter() {
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            LogEvent e = parse("<13>Jun  1 12:00:00 host app: x", Instant.parse("2025-01-15T00:00:00Z"), berlin);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
        }

        @Test
        void aDateMonthsAheadOfTheArrivalIsLastYears() {
            LogEvent e = parse("<13>Oct 11 22:14:15 host app: x", Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2023-10-11T22:14:15Z"));
        }

        @Test
        void aClockUpToThirtyDaysAheadKeepsTheArrivalYear() {
            LogEvent e = parse("<13>Jun 20 08:00:00 host app: x", Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-06-20T08:00:00Z"));
        }

        @Test
        void parserDefaultZoneAppliesWhenTheContextNamesNone() {
            Rfc3164Parser istanbulDefault = new Rfc3164Parser(ISTANBUL);

            LogEvent e = istanbulDefault.parse("<13>Feb  5 10:01:02 host app: x".getBytes(UTF_8), new ParseContext(MID_2024, null));

            assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T07:01:02Z"));
        }
    }

    @Nested
    class BadInput {
        @ParameterizedTest
        @ValueSource(strings = {"<192>Feb  5 10:01:02 host app: x", "<013>Feb  5 10:01:02 host app: x", "<x>hello", "<"})
        void invalidPriIsRawAndMalformed(String message) {
            LogEvent e = parse(message);

            assertThat(e.format()).isEqualTo(Format.RAW);
            assertThat(e.malformed()).isTrue();
            assertThat(e.parseError()).contains("invalid PRI");
            assertThat(e.message()).isEqualTo(message);
        }

        @Test
        void emptyInputIsRawAndMalformed() {
            LogEvent e = parse(new byte[0]);

            assertThat(e.malformed()).isTrue();
            assertThat(e.message()).isEmpty();
        }

        @Test
        void invalidUtf8BecomesReplacementCharacter() {
            LogEvent e = parse(concat("<13>Feb  5 10:01:02 host app: caf", new byte[] {(byte) 0xE9}, " au lait"));

            assertThat(e.malformed()).isFalse();
            assertThat(e.message()).isEqualTo("caf\uFFFD au lait");
        }

        @Test
        void nulBytesInsideTheMessageAreKeptAndTrailingOnesDropped() {
            LogEvent e = parse(concat("<13>Feb  5 10:01:02 host app: a", new byte[] {0}, "b", new byte[] {'\n', 0}));

            assertThat(e.message()).isEqualTo("a\u0000b");
        }

        @Test
        void leadingBomInMessageIsDropped() {
            assertThat(parse("<13>Feb  5 10:01:02 host app: \uFEFFtext").message()).isEqualTo("text");
        }
    }
}
