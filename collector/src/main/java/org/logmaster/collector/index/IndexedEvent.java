package org.logmaster.collector.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of the index, as search returns it. {@code deviceId}, {@code fileDay} and
 * {@code fileOffset} locate the line in the legal record.
 *
 * @param structuredData RFC 5424 structured data as JSON (see the index documentation), or null
 * @param fields         the normalised fields a vendor dialect extracted, by key ({@code src_ip}
 *                       ...), in vocabulary order; empty when none
 */
public record IndexedEvent(long id, String deviceId, LocalDate fileDay, long fileOffset, Instant arrival,
                           String sender, String listener, String format, boolean malformed, String parseError,
                           Integer facility, Integer severity, Instant deviceTime, String hostname, String appName,
                           String procId, String msgId, String structuredData, String message,
                           Map<String, String> fields) {

    public IndexedEvent {
        fields = fields == null ? Map.of() : fields;
    }

    /** A row without fields. */
    public IndexedEvent(long id, String deviceId, LocalDate fileDay, long fileOffset, Instant arrival,
                        String sender, String listener, String format, boolean malformed, String parseError,
                        Integer facility, Integer severity, Instant deviceTime, String hostname, String appName,
                        String procId, String msgId, String structuredData, String message) {
        this(id, deviceId, fileDay, fileOffset, arrival, sender, listener, format, malformed, parseError, facility,
                severity, deviceTime, hostname, appName, procId, msgId, structuredData, message, Map.of());
    }

    /** This row with {@code value} as its fields. */
    public IndexedEvent withFields(Map<String, String> value) {
        return new IndexedEvent(id, deviceId, fileDay, fileOffset, arrival, sender, listener, format, malformed,
                parseError, facility, severity, deviceTime, hostname, appName, procId, msgId, structuredData, message,
                value);
    }

    /** The structured data in RFC 5424's own notation ({@code [origin ip="192.0.2.1"]}), or null. */
    public String structuredDataText() {
        return StructuredDataJson.toText(structuredData);
    }
}
