package org.logmaster.console.ui.live;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.ui.StoredEventText;

/** The text of an event in the table's columns and in the details pane. */
final class EventText {

    /** Column order of the Live Logs table. */
    static final String[] COLUMNS = { "Time", "Device", "Severity", "Host", "App", "Message" };

    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter DETAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS xxx");

    private final ZoneId zone;
    private final StoredEventText stored;

    EventText(ZoneId zone) {
        this.zone = zone;
        this.stored = new StoredEventText(zone);
    }

    String[] columns(LiveEvent event) {
        return new String[] {
            TABLE_TIME.format(event.time().atZone(zone)),
            event.device(),
            SeverityStyle.label(event.severity()),
            event.host(),
            event.app(),
            // one line per row; the details pane shows the message as received
            event.message().replace('\n', ' ').replace('\r', ' ')
        };
    }

    /** From the collector: every field of the stored event, as Search shows it; demo events: what they have. */
    String details(LiveEvent event) {
        if (event.stored() != null) {
            return stored.details(event.stored());
        }
        return "Time:      " + DETAIL_TIME.format(event.time().atZone(zone)) + "  (" + event.time() + ")\n"
                + "Device:    " + event.device() + "\n"
                + "Severity:  " + SeverityStyle.label(event.severity()) + "\n"
                + "Host:      " + event.host() + "\n"
                + "App:       " + event.app() + "\n"
                + "Message:\n" + event.message();
    }
}
