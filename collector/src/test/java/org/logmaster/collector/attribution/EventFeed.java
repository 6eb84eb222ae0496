package org.logmaster.collector.attribution;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;

/**
 * Feeds syslog lines through the real parser and dialects into a recorder, as the indexer
 * would: each line gets the evidence reference of its place in its device's daily file.
 */
final class EventFeed {
    private final SyslogParser parser = new SyslogParser(ZoneOffset.UTC);
    private final AttributionRecorder recorder;
    private final Map<String, Long> fileSizes = new HashMap<>();

    EventFeed(AttributionRecorder recorder) {
        this.recorder = recorder;
    }

    /** The line as received from {@code device} at {@code arrival} (an ISO instant; senders in UTC). */
    ObservedEvent line(String device, String arrival, String message) {
        Instant at = Instant.parse(arrival);
        LogEvent event = parser.parse(message.getBytes(UTF_8), new ParseContext(at, ZoneOffset.UTC));
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        long length = message.length() + 1L;
        long offset = fileSizes.merge(device + "/" + day, length, Long::sum) - length;
        ObservedEvent observed = new ObservedEvent(new EvidenceRef(device, day, offset), at, event);
        recorder.record(observed);
        return observed;
    }
}
