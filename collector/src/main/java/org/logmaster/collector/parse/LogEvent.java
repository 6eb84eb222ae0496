package org.logmaster.collector.parse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a parser understood of one message. Every field but {@code format}, {@code message}
 * and {@code malformed} may be null: a message that could not be parsed keeps its raw text
 * in {@code message}, is flagged {@code malformed} and says why in {@code parseError}.
 *
 * @param format         which grammar matched
 * @param facility       0..23, or null
 * @param severity       0 (emergency) .. 7 (debug), or null
 * @param deviceTime     the time the device wrote into the message, or null when absent/unparseable
 * @param hostname       HOSTNAME field, or null (NILVALUE)
 * @param appName        APP-NAME (5424) or TAG (3164), or null
 * @param procId         PROCID, or the pid in "tag[pid]:", or null
 * @param msgId          MSGID, or null
 * @param structuredData SD-ELEMENTs in order, params unescaped; empty when none
 * @param message        the free-text MSG (BOM removed, invalid UTF-8 replaced by U+FFFD)
 * @param malformed      true when the message did not follow its grammar and was kept raw
 * @param parseError     why it was flagged, or null
 * @param fields         normalised fields a vendor dialect extracted ({@link Fields#EMPTY} when none)
 */
public record LogEvent(Format format, Integer facility, Integer severity, Instant deviceTime,
                       String hostname, String appName, String procId, String msgId,
                       List<StructuredElement> structuredData, String message,
                       boolean malformed, String parseError, Fields fields) {

    public enum Format { RFC5424, RFC3164, RAW }

    /** One SD-ELEMENT: its SD-ID and its params in order (names may repeat, hence a list). */
    public record StructuredElement(String id, List<Map.Entry<String, String>> params) {}

    public LogEvent {
        structuredData = structuredData == null ? List.of() : List.copyOf(structuredData);
        fields = fields == null ? Fields.EMPTY : fields;
    }

    /** An event without dialect fields: what the RFC grammars produce. */
    public LogEvent(Format format, Integer facility, Integer severity, Instant deviceTime,
                    String hostname, String appName, String procId, String msgId,
                    List<StructuredElement> structuredData, String message,
                    boolean malformed, String parseError) {
        this(format, facility, severity, deviceTime, hostname, appName, procId, msgId, structuredData, message,
                malformed, parseError, Fields.EMPTY);
    }

    /** This event with other dialect fields. */
    public LogEvent withFields(Fields newFields) {
        return new LogEvent(format, facility, severity, deviceTime, hostname, appName, procId, msgId,
                structuredData, message, malformed, parseError, newFields);
    }

    /** A message kept as it was because it could not be parsed. */
    public static LogEvent raw(String message, String why) {
        return new LogEvent(Format.RAW, null, null, null, null, null, null, null, List.of(), message, true, why);
    }
}
