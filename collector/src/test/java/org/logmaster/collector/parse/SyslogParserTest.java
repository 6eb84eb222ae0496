package org.logmaster.collector.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.logmaster.collector.parse.LogEvent.Format;

class SyslogParserTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final ParseContext UTC_SENDER = new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final SyslogParser parser = new SyslogParser(ISTANBUL);

    private LogEvent parse(String message) {
        return parser.parse(message.getBytes(UTF_8), UTC_SENDER);
    }

    @Test
    void versionOneAfterPriGoesToRfc5424() {
        LogEvent e = parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - hello");

        assertThat(e.format()).isEqualTo(Format.RFC5424);
        assertThat(e.msgId()).isEqualTo("ID47");
    }

    @Test
    void bsdHeaderGoesToRfc3164() {
        LogEvent e = parse("<34>Oct 11 22:14:15 mymachine su: hello");

        assertThat(e.format()).isEqualTo(Format.RFC3164);
        assertThat(e.appName()).isEqualTo("su");
    }

    @Test
    void digitOtherThanVersionOneGoesToRfc3164() {
        LogEvent e = parse("<13>10 apples");

        assertThat(e.format()).isEqualTo(Format.RFC3164);
        assertThat(e.message()).isEqualTo("10 apples");
    }

    @Test
    void malformedRfc5424StaysMalformedInsteadOfFallingBackToRfc3164() {
        LogEvent e = parse("<13>1 2024-02-30T00:00:00Z host app - - - msg");

        assertThat(e.format()).isEqualTo(Format.RAW);
        assertThat(e.malformed()).isTrue();
        assertThat(e.parseError()).contains("TIMESTAMP");
    }

    @Test
    void messageWithoutPriIsRawAndMalformed() {
        LogEvent e = parse("just some text");

        assertThat(e.format()).isEqualTo(Format.RAW);
        assertThat(e.malformed()).isTrue();
        assertThat(e.parseError()).contains("no PRI");
        assertThat(e.message()).isEqualTo("just some text");
    }

    @Test
    void nullBytesGiveAnEmptyMalformedEvent() {
        LogEvent e = parser.parse(null, UTC_SENDER);

        assertThat(e.malformed()).isTrue();
        assertThat(e.message()).isEmpty();
    }

    @Test
    void defaultZoneAppliesToSendersWithoutTheirOwn() {
        LogEvent e = parser.parse("<13>Feb  5 10:01:02 host app: x".getBytes(UTF_8),
                new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), null));

        assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T07:01:02Z"));
    }

    @Test
    void sendersOwnZoneWinsOverTheDefault() {
        LogEvent e = parse("<13>Feb  5 10:01:02 host app: x");

        assertThat(e.deviceTime()).isEqualTo(Instant.parse("2024-02-05T10:01:02Z"));
    }

    @Test
    void grammarThatThrowsYieldsRawEventWithTheReason() {
        MessageParser broken = (message, context) -> {
            throw new IllegalStateException("boom");
        };
        SyslogParser guarded = new SyslogParser(broken, broken);

        LogEvent e = guarded.parse("<13>1 - - - - - - kept".getBytes(UTF_8), UTC_SENDER);

        assertThat(e.format()).isEqualTo(Format.RAW);
        assertThat(e.malformed()).isTrue();
        assertThat(e.parseError()).contains("parser failure").contains("IllegalStateException").contains("boom");
        assertThat(e.message()).isEqualTo("<13>1 - - - - - - kept");
    }
}
