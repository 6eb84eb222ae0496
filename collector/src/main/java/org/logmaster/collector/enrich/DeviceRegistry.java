package org.logmaster.collector.enrich;

import static org.logmaster.collector.index.schema.Tables.DEVICES;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.logmaster.collector.index.schema.tables.records.DevicesRecord;

/**
 * Registered devices (the devices table). A device is registered by MAC; its id is derived from
 * the MAC and never changes, so its folder of daily files never moves. Retiring keeps the row;
 * registering a retired device's MAC again brings it back. Listeners hear of every change (the
 * resolver re-reads the registry then).
 */
public final class DeviceRegistry {
    private final DSLContext db;
    private final Clock clock;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    public DeviceRegistry(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code listener} runs after every committed change, on the changing thread. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Registers {@code mac} (any accepted spelling) with {@code details}. DeviceConflictException
     * when an active device has the MAC or the static IP; IllegalArgumentException for a bad MAC.
     */
    public synchronized Device register(String mac, DeviceDetails details) {
        MacAddress address = MacAddress.parse(mac);
        Instant now = clock.instant();
        Device device;
        try {
            device = db.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                Optional<DevicesRecord> existing = t.selectFrom(DEVICES).where(DEVICES.MAC.eq(address.value())).fetchOptional();
                if (existing.isPresent() && existing.get().getRetiredAt() == null) {
                    throw new DeviceConflictException("MAC " + address + " is registered already as '"
                            + existing.get().getName() + "' (" + existing.get().getId() + ")");
                }
                DeviceId id = Device.idFor(address);
                requireStaticIpFree(t, details.staticIp(), id);
                if (existing.isPresent()) {
                    t.update(DEVICES)
                            .set(DEVICES.NAME, details.name())
                            .set(DEVICES.LOCATION, details.location())
                            .set(DEVICES.DEVICE_TYPE, details.deviceType())
                            .set(DEVICES.STATIC_IP, ipText(details.staticIp()))
                            .set(DEVICES.UPDATED_AT, utc(now))
                            .setNull(DEVICES.RETIRED_AT)
                            .where(DEVICES.ID.eq(existing.get().getId()))
                            .execute();
                } else {
                    t.insertInto(DEVICES)
                            .set(DEVICES.ID, id.value())
                            .set(DEVICES.MAC, address.value())
                            .set(DEVICES.NAME, details.name())
                            .set(DEVICES.LOCATION, details.location())
                            .set(DEVICES.DEVICE_TYPE, details.deviceType())
                            .set(DEVICES.STATIC_IP, ipText(details.staticIp()))
                            .set(DEVICES.REGISTERED_AT, utc(now))
                            .set(DEVICES.UPDATED_AT, utc(now))
                            .execute();
                }
                return read(t, existing.map(r -> new DeviceId(r.getId())).orElse(id)).orElseThrow();
            });
        } catch (IntegrityConstraintViolationException e) {
            // another collector sharing the database registered the MAC at the same moment
            throw new DeviceConflictException("MAC " + address + " is registered already");
        }
        changed();
        return device;
    }

    /** Replaces the details of an active device. */
    public synchronized Device update(DeviceId id, DeviceDetails details) {
        Device device = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Device current = activeDevice(t, id);
            requireStaticIpFree(t, details.staticIp(), current.id());
            t.update(DEVICES)
                    .set(DEVICES.NAME, details.name())
                    .set(DEVICES.LOCATION, details.location())
                    .set(DEVICES.DEVICE_TYPE, details.deviceType())
                    .set(DEVICES.STATIC_IP, ipText(details.staticIp()))
                    .set(DEVICES.UPDATED_AT, utc(clock.instant()))
                    .where(DEVICES.ID.eq(id.value()))
                    .execute();
            return read(t, id).orElseThrow();
        });
        changed();
        return device;
    }

    /** Takes an active device out of service; its files and index rows stay. */
    public synchronized Device retire(DeviceId id) {
        Device device = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            activeDevice(t, id);
            Instant now = clock.instant();
            t.update(DEVICES).set(DEVICES.RETIRED_AT, utc(now)).set(DEVICES.UPDATED_AT, utc(now))
                    .where(DEVICES.ID.eq(id.value())).execute();
            return read(t, id).orElseThrow();
        });
        changed();
        return device;
    }

    public Optional<Device> find(DeviceId id) {
        return read(db, id);
    }

    /** Devices sorted by name (then id), retired ones only when asked. */
    public List<Device> list(boolean includeRetired) {
        var query = db.selectFrom(DEVICES);
        var filtered = includeRetired ? query : query.where(DEVICES.RETIRED_AT.isNull());
        return filtered.orderBy(DEVICES.NAME, DEVICES.ID).fetch(DeviceRegistry::toDevice);
    }

    private static Device activeDevice(DSLContext t, DeviceId id) {
        Device device = read(t, id).orElseThrow(() -> new NoSuchElementException("no device '" + id + "'"));
        if (!device.active()) {
            throw new IllegalStateException("device '" + id + "' is retired; register its MAC again to bring it back");
        }
        return device;
    }

    private static void requireStaticIpFree(DSLContext t, InetAddress ip, DeviceId self) {
        if (ip == null) return;
        t.selectFrom(DEVICES)
                .where(DEVICES.STATIC_IP.eq(ipText(ip)).and(DEVICES.RETIRED_AT.isNull()).and(DEVICES.ID.ne(self.value())))
                .fetchOptional()
                .ifPresent(other -> {
                    throw new DeviceConflictException("static IP " + ip.getHostAddress() + " belongs to '"
                            + other.getName() + "' (" + other.getId() + ")");
                });
    }

    private static Optional<Device> read(DSLContext t, DeviceId id) {
        return t.selectFrom(DEVICES).where(DEVICES.ID.eq(id.value())).fetchOptional().map(DeviceRegistry::toDevice);
    }

    private void changed() {
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    private static Device toDevice(DevicesRecord r) {
        return new Device(new DeviceId(r.getId()), new MacAddress(r.getMac()), r.getName(), r.getLocation(),
                r.getDeviceType(), r.getStaticIp() == null ? null : IpLiterals.parse(r.getStaticIp()),
                r.getRegisteredAt().toInstant(), r.getUpdatedAt().toInstant(),
                r.getRetiredAt() == null ? null : r.getRetiredAt().toInstant());
    }

    private static String ipText(InetAddress ip) {
        return ip == null ? null : ip.getHostAddress();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
