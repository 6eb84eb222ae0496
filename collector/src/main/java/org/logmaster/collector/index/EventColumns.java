package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.TableField;
import org.logmaster.collector.index.schema.tables.records.EventsRecord;
import org.logmaster.collector.parse.LogEvent;

/**
 * The columns an indexed line fills, in one order shared by every way of inserting, and the
 * values of a row for them, already fitted to the columns.
 */
final class EventColumns {
    static final List<TableField<EventsRecord, ?>> INSERTED = List.of(
            EVENTS.DEVICE_ID, EVENTS.FILE_DAY, EVENTS.FILE_OFFSET, EVENTS.ARRIVAL_TIME, EVENTS.SENDER,
            EVENTS.LISTENER, EVENTS.FORMAT, EVENTS.MALFORMED, EVENTS.PARSE_ERROR, EVENTS.FACILITY,
            EVENTS.SEVERITY, EVENTS.DEVICE_TIME, EVENTS.HOSTNAME, EVENTS.APP_NAME, EVENTS.PROC_ID,
            EVENTS.MSG_ID, EVENTS.STRUCTURED_DATA, EVENTS.MESSAGE);

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private EventColumns() {}

    /** The values for {@link #INSERTED}, as the Java types of the generated fields. */
    static Object[] values(EventRow row) {
        LogEvent event = row.event();
        String structured = StructuredDataJson.toJson(event.structuredData());
        if (structured != null && structured.length() > EVENTS.STRUCTURED_DATA.getDataType().length()) {
            structured = null;  // cut JSON is no JSON; the daily file has it all
        }
        return new Object[] {
                row.deviceDay().device().value(),
                row.deviceDay().day(),
                row.fileOffset(),
                utc(row.arrival()),
                IndexText.fit(row.sender(), EVENTS.SENDER),
                IndexText.fit(row.listener(), EVENTS.LISTENER),
                event.format().name(),
                event.malformed(),
                IndexText.fit(event.parseError(), EVENTS.PARSE_ERROR),
                smallint(event.facility()),
                smallint(event.severity()),
                utc(plausible(event.deviceTime())),
                IndexText.fit(event.hostname(), EVENTS.HOSTNAME),
                IndexText.fit(event.appName(), EVENTS.APP_NAME),
                IndexText.fit(event.procId(), EVENTS.PROC_ID),
                IndexText.fit(event.msgId(), EVENTS.MSG_ID),
                structured,
                IndexText.fit(event.message(), EVENTS.MESSAGE)
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A device's clock can say anything; a year the databases cannot store would stall indexing. */
    private static Instant plausible(Instant deviceTime) {
        if (deviceTime == null || deviceTime.isBefore(EARLIEST) || !deviceTime.isBefore(LATEST)) return null;
        return deviceTime;
    }

    private static Short smallint(Integer value) {
        return value == null ? null : value.shortValue();
    }
}
