package org.logmaster.collector.api;

import java.util.List;
import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.EventFormat;
import org.logmaster.api.v1.Severity;
import org.logmaster.api.v1.TimeRange;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.FieldFilter;
import org.logmaster.collector.index.IndexedEvent;
import org.logmaster.collector.index.SearchQuery;

/** Conversions between the index's events and filters and the LogService messages. */
final class LogMapping {
    private LogMapping() {}

    /** The filter and range as a query (first page of one row: callers set the page). */
    static SearchQuery query(EventFilter filter, TimeRange range) {
        List<DeviceId> devices = filter.getDeviceIdsList().stream().map(LogMapping::deviceId).toList();
        return new SearchQuery(devices,
                ProtoMapping.instant(range.hasFrom(), range.getFrom()),
                ProtoMapping.instant(range.hasTo(), range.getTo()),
                maxSeverity(filter.getMinSeverity()),
                ProtoMapping.emptyToNull(filter.getText()),
                1, 0, fields(filter));
    }

    private static List<FieldFilter> fields(EventFilter filter) {
        return filter.getFieldsList().stream().map(c -> {
            try {
                return FieldFilter.parse(c.getName() + "=" + c.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fields: " + e.getMessage(), e);
            }
        }).toList();
    }

    private static DeviceId deviceId(String id) {
        if (!DeviceId.isValid(id)) {
            throw new IllegalArgumentException("device_ids: '" + id + "' is not a device id");
        }
        return new DeviceId(id);
    }

    /** The proto's "at least this severe" as the index's highest severity number; null for any. */
    static Integer maxSeverity(Severity severity) {
        return switch (severity) {
            case SEVERITY_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw new IllegalArgumentException("min_severity: unknown value");
            default -> severity.getNumber() - 1;
        };
    }

    /** The devices of a filter, for the audit entry's target ("" when all). */
    static String target(EventFilter filter) {
        return String.join(",", filter.getDeviceIdsList());
    }

    static Event event(IndexedEvent e) {
        Event.Builder b = Event.newBuilder()
                .setId(e.id())
                .setDeviceId(e.deviceId())
                .setFileOffset(e.fileOffset())
                .setArrival(ProtoMapping.timestamp(e.arrival()))
                .setSender(ProtoMapping.nullToEmpty(e.sender()))
                .setListener(ProtoMapping.nullToEmpty(e.listener()))
                .setFormat(format(e.format()))
                .setMalformed(e.malformed())
                .setParseError(ProtoMapping.nullToEmpty(e.parseError()))
                .setHostname(ProtoMapping.nullToEmpty(e.hostname()))
                .setAppName(ProtoMapping.nullToEmpty(e.appName()))
                .setProcId(ProtoMapping.nullToEmpty(e.procId()))
                .setMsgId(ProtoMapping.nullToEmpty(e.msgId()))
                .setStructuredData(ProtoMapping.nullToEmpty(e.structuredDataText()))
                .setMessage(ProtoMapping.nullToEmpty(e.message()))
                .putAllFields(e.fields());
        if (e.fileDay() != null) b.setDay(e.fileDay().toString());
        if (e.deviceTime() != null) b.setDeviceTime(ProtoMapping.timestamp(e.deviceTime()));
        if (e.severity() != null && e.severity() >= 0 && e.severity() <= 7) b.setSeverityValue(e.severity() + 1);
        if (e.facility() != null && e.facility() >= 0 && e.facility() <= 23) b.setFacilityValue(e.facility() + 1);
        return b.build();
    }

    private static EventFormat format(String format) {
        return switch (format == null ? "" : format) {
            case "RFC5424" -> EventFormat.EVENT_FORMAT_RFC5424;
            case "RFC3164" -> EventFormat.EVENT_FORMAT_RFC3164;
            case "RAW" -> EventFormat.EVENT_FORMAT_RAW;
            default -> EventFormat.EVENT_FORMAT_UNSPECIFIED;
        };
    }
}
