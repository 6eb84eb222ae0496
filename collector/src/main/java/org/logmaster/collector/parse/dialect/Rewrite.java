package org.logmaster.collector.parse.dialect;

import java.time.Instant;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * Builds the event a dialect returns. Format, PRI, structured data and the malformed flag
 * always stay as the RFC grammar set them: a dialect adds understanding, it never decides
 * whether a message followed the syslog grammar.
 */
final class Rewrite {
    private Rewrite() {}

    /**
     * @param time     the device's time, or null to keep the parsed one
     * @param hostname the device's name, or null to keep the parsed one
     * @param msgId    the vendor's message identifier (Cisco mnemonic, FortiGate log id), or null to keep
     * @param message  the message text without the dialect's own header, or null to keep
     */
    static LogEvent event(LogEvent e, Instant time, String hostname, String msgId, String message, Fields fields) {
        return new LogEvent(e.format(), e.facility(), e.severity(),
                time != null ? time : e.deviceTime(),
                hostname != null ? hostname : e.hostname(),
                e.appName(), e.procId(),
                msgId != null ? msgId : e.msgId(),
                e.structuredData(),
                message != null ? message : e.message(),
                e.malformed(), e.parseError(), fields);
    }
}
