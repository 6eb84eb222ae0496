package org.logmaster.collector.index;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the index, as search returns it. {@code deviceId}, {@code fileDay} and
 * {@code fileOffset} locate the line in the legal record.
 *
 * @param structuredData RFC 5424 structured data as JSON (see the index documentation), or null
 */
public record IndexedEvent(long id, String deviceId, LocalDate fileDay, long fileOffset, Instant arrival,
                           String sender, String listener, String format, boolean malformed, String parseError,
                           Integer facility, Integer severity, Instant deviceTime, String hostname, String appName,
                           String procId, String msgId, String structuredData, String message) {

    /** The structured data in RFC 5424's own notation ({@code [origin ip="192.0.2.1"]}), or null. */
    public String structuredDataText() {
        return StructuredDataJson.toText(structuredData);
    }
}
