package org.logmaster.collector.export;

import java.time.LocalDate;
import java.util.List;

import org.logmaster.collector.enrich.DeviceId;

/**
 * A device's day in a bundle and the paths of its files there.
 *
 * @param log    the daily file ({@code .log}, or {@code .log.gz} once archived), or null when it is gone
 * @param sealed whether the day has a seal statement
 */
record BundleDay(DeviceId device, LocalDate day, String log, boolean sealed, List<String> files) {
    String folder() {
        return "days/" + device.value() + "/";
    }

    String seal() {
        return folder() + day + ".seal";
    }
}
