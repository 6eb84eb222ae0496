package org.logmaster.collector.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.logmaster.collector.enrich.DeviceId;

/**
 * What a court or authority asked for, and who asked.
 *
 * @param devices  the devices whose days and events go in; empty for every device
 * @param from     first arrival time included
 * @param to       first arrival time no longer included
 * @param text     case-insensitive text the extract's messages must contain, or null
 * @param ips      IP addresses the extract's events must mention (as sender or in the message); empty for any
 */
public record ExportRequest(String caseNumber, String requester, String reason, List<DeviceId> devices,
                            Instant from, Instant to, String text, List<String> ips) {
    public ExportRequest {
        caseNumber = required(caseNumber, "case number");
        requester = required(requester, "requester");
        reason = required(reason, "reason");
        devices = devices == null ? List.of() : List.copyOf(devices);
        ips = ips == null ? List.of() : ips.stream().map(String::strip).filter(ip -> !ip.isEmpty()).toList();
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: from " + from + " is not before to " + to);
        }
        if (text != null && text.isBlank()) text = null;
        for (String ip : ips) {
            if (!ip.matches("[0-9a-fA-F:.]{2,45}")) {
                throw new IllegalArgumentException("'" + ip + "' is not an IP address");
            }
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is required");
        }
        if (value.length() > 500) {
            throw new IllegalArgumentException("the " + what + " is longer than 500 characters");
        }
        return value.strip();
    }
}
