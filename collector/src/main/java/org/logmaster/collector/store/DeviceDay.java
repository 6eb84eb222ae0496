package org.logmaster.collector.store;

import java.time.LocalDate;
import java.util.Objects;
import org.logmaster.collector.enrich.DeviceId;

/** Names one daily file: a device and a day in the appliance's zone. */
public record DeviceDay(DeviceId device, LocalDate day) {
    public DeviceDay {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(day, "day");
    }

    @Override
    public String toString() {
        return device + "/" + day;
    }
}
