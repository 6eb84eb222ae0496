package org.logmaster.collector.enrich;

import static org.logmaster.collector.index.schema.Tables.DEVICES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered type of each active device ("fortigate", "cisco-asa", ...), which the indexer
 * passes to the parser as the dialect hint. Answers from memory: the table is re-read when the
 * registry reports a change ({@link #invalidate}) and at least every {@code maxAge}, which also
 * catches changes another collector sharing the database made. A failed read keeps the last
 * answers (the dialect is detected for devices it does not know).
 */
public final class RegisteredDeviceTypes implements Function<DeviceId, String> {
    private static final Logger log = LoggerFactory.getLogger(RegisteredDeviceTypes.class);

    private final DSLContext db;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Map<String, String> types = Map.of();
    private volatile Instant loadedAt;

    public RegisteredDeviceTypes(DSLContext db, Clock clock, Duration maxAge) {
        this.db = db;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The device's registered type, or null when it is not registered, retired, or has none. */
    @Override
    public String apply(DeviceId device) {
        Instant loaded = loadedAt;
        if (loaded == null || !clock.instant().isBefore(loaded.plus(maxAge))) reload();
        return types.get(device.value());
    }

    /** Re-read at the next question (the registry changed). */
    public void invalidate() {
        loadedAt = null;
    }

    private synchronized void reload() {
        Instant now = clock.instant();
        if (loadedAt != null && now.isBefore(loadedAt.plus(maxAge))) return;
        try {
            Map<String, String> fresh = new HashMap<>();
            db.select(DEVICES.ID, DEVICES.DEVICE_TYPE).from(DEVICES).where(DEVICES.RETIRED_AT.isNull())
                    .forEach(r -> {
                        if (r.value2() != null && !r.value2().isBlank()) fresh.put(r.value1(), r.value2().strip());
                    });
            types = Map.copyOf(fresh);
        } catch (RuntimeException e) {
            log.warn("reading the registered device types failed; keeping the last ones: {}", e.toString());
        }
        loadedAt = now;
    }
}
