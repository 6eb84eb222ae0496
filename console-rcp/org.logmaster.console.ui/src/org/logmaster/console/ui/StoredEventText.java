package org.logmaster.console.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.logmaster.api.v1.Event;
import org.logmaster.console.ui.live.SeverityStyle;

import com.google.protobuf.Timestamp;

/**
 * The text of a stored event (every field of its index row): the Search table's columns and the
 * details pane of Search and of Live Logs (for events from the collector's stream).
 */
public final class StoredEventText {

    public static final String[] COLUMNS = { "Arrival", "Device", "Severity", "Sender", "Host", "App", "Message" };

    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter DETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");

    private final ZoneId zone;

    public StoredEventText(ZoneId zone) {
        this.zone = zone;
    }

    public String[] columns(Event event) {
        return new String[] {
            TABLE_TIME.format(instant(event.getArrival()).atZone(zone)),
            event.getDeviceId(),
            SeverityStyle.label(event.getSeverity()),
            event.getSender(),
            event.getHostname(),
            event.getAppName(),
            event.getMessage().replace('\n', ' ').replace('\r', ' ')
        };
    }

    /** Every field of the index row, and where the legal record (the daily file line) is. */
    public String details(Event event) {
        StringBuilder out = new StringBuilder();
        line(out, "Arrival", time(event.getArrival()));
        line(out, "Device time", event.hasDeviceTime() ? time(event.getDeviceTime()) : "-");
        line(out, "Device", event.getDeviceId());
        line(out, "Sender", event.getSender() + " via " + event.getListener());
        line(out, "Severity", SeverityStyle.label(event.getSeverity()));
        line(out, "Facility", event.getFacility().name().replace("FACILITY_", "").toLowerCase(java.util.Locale.ROOT));
        line(out, "Format", event.getFormat().name().replace("EVENT_FORMAT_", ""));
        if (event.getMalformed()) {
            line(out, "Malformed", event.getParseError());
        }
        line(out, "Host", event.getHostname());
        line(out, "App", event.getAppName());
        line(out, "Proc id", event.getProcId());
        line(out, "Msg id", event.getMsgId());
        line(out, "Struct. data", event.getStructuredData());
        line(out, "Fields", new java.util.TreeMap<>(event.getFieldsMap()).entrySet().stream()
                .map(field -> field.getKey() + "=" + field.getValue()).collect(java.util.stream.Collectors.joining(" ")));
        line(out, "Daily file", event.getDeviceId() + " " + event.getDay() + " at byte " + event.getFileOffset());
        line(out, "Index row", Long.toString(event.getId()));
        return out.append("Message:\n").append(event.getMessage()).toString();
    }

    private String time(Timestamp timestamp) {
        Instant instant = instant(timestamp);
        return DETAIL_TIME.format(instant.atZone(zone)) + "  (" + instant + ")";
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-13s", name + ":")).append(value.isEmpty() ? "-" : value).append('\n');
    }
}
