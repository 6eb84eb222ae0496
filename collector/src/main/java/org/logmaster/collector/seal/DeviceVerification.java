package org.logmaster.collector.seal;

import java.util.List;

import org.logmaster.collector.enrich.DeviceId;

/** Every checked day of one device, oldest first. */
public record DeviceVerification(DeviceId device, List<DayVerification> days) {
    public DeviceVerification {
        days = List.copyOf(days);
    }

    public boolean ok() {
        return days.stream().allMatch(DayVerification::ok);
    }

    public List<DayVerification> problemDays() {
        return days.stream().filter(day -> !day.ok()).toList();
    }
}
