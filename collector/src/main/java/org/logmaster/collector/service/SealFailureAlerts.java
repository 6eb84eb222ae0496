package org.logmaster.collector.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;
import org.logmaster.collector.alert.SystemAlerts;
import org.logmaster.collector.seal.SealRun;

/**
 * Turns the seal scheduler's failures into system alerts: a time-stamp authority that refused or
 * did not answer raises the TSA rule; any other failure counts as a failed seal; and a day still
 * failing once {@code alerts.system.seal-grace-hours} after its end are over raises "day not
 * sealed in time" (the alert stage's suppression keeps retries from flooding).
 */
final class SealFailureAlerts implements Consumer<SealRun.Failure> {
    private final SystemAlerts alerts;
    private final String tsa;
    private final ZoneId zone;
    private final Duration grace;
    private final Clock clock;

    SealFailureAlerts(SystemAlerts alerts, String tsa, ZoneId zone, Duration grace, Clock clock) {
        this.alerts = alerts;
        this.tsa = tsa;
        this.zone = zone;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public void accept(SealRun.Failure failure) {
        String reason = failure.reason() == null ? "" : failure.reason();
        String device = failure.device() == null ? "-" : failure.device().value();
        if (isTimeStampTrouble(reason)) {
            alerts.tsaFailed(tsa, reason);
        } else {
            alerts.sealFailed(device, failure.day(), reason);
        }
        if (failure.device() != null && failure.day() != null && !grace.isZero() && clock.instant().isAfter(due(failure))) {
            alerts.dayNotSealed(device, failure.day());
        }
    }

    private Instant due(SealRun.Failure failure) {
        return failure.day().plusDays(1).atStartOfDay(zone).toInstant().plus(grace);
    }

    /** The sealer reports TSA errors in words (TimeStampException's messages); the seal itself was fine. */
    private static boolean isTimeStampTrouble(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return lower.contains("time stamp") || lower.contains("time-stamp") || lower.contains("tsa");
    }
}
