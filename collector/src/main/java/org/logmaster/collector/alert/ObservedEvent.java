package org.logmaster.collector.alert;

import java.time.Instant;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.parse.Fields;

/**
 * What the rules look at of one committed event: its device, arrival, sender, syslog severity,
 * parsed fields and message text.
 */
public record ObservedEvent(String device, Instant arrival, String sender, Integer severity, String appName,
                            Fields fields, String message) {

    public static ObservedEvent of(EventRow row) {
        var e = row.event();
        return new ObservedEvent(row.deviceDay().device().value(), row.arrival(), row.sender(), e.severity(),
                e.appName(), e.fields(), e.message());
    }

    /** One line of evidence, as an operator reads it in a mail: arrival, device, sender, message. */
    public String evidenceLine() {
        return arrival + " " + device + " " + sender + " " + (appName != null ? appName + ": " : "") + message;
    }
}
