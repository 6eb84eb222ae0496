package org.logmaster.collector.enrich;

import static org.logmaster.collector.index.schema.Tables.UNKNOWN_SENDERS;

import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts messages of senders that belong to no registered device. {@link #saw} is on the writer's
 * hot path and only touches memory; {@link #flush} adds the counts to the unknown_senders table
 * (so first/last seen survive restarts). Spoofed UDP sources could invent addresses without end,
 * so at most {@link #MAX_TRACKED} addresses are tracked in memory; the rest are still stored, just
 * not listed, and a warning says so once.
 */
public final class UnknownSenders {
    static final int MAX_TRACKED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(UnknownSenders.class);

    private static final class Sighting {
        final DeviceId id;
        final Instant firstSeen;
        final AtomicLong lastSeenMillis;
        final LongAdder count = new LongAdder();
        long flushedCount; // only touched under the flush lock

        Sighting(DeviceId id, Instant firstSeen) {
            this.id = id;
            this.firstSeen = firstSeen;
            this.lastSeenMillis = new AtomicLong(firstSeen.toEpochMilli());
        }
    }

    private final DSLContext db;
    private final ConcurrentHashMap<InetAddress, Sighting> sightings = new ConcurrentHashMap<>();
    private final AtomicBoolean overflowReported = new AtomicBoolean();

    public UnknownSenders(DSLContext db) {
        this.db = db;
    }

    /** One message from an unknown sender (hot path: memory only). */
    public void saw(InetAddress sender, DeviceId id, Instant arrival) {
        Sighting sighting = sightings.get(sender);
        if (sighting == null) {
            if (sightings.size() >= MAX_TRACKED) {
                if (overflowReported.compareAndSet(false, true)) {
                    log.warn("more than {} unknown sender addresses; further ones are stored but not listed", MAX_TRACKED);
                }
                return;
            }
            sighting = sightings.computeIfAbsent(sender, a -> new Sighting(id, arrival));
        }
        sighting.count.increment();
        long millis = arrival.toEpochMilli();
        if (millis > sighting.lastSeenMillis.get()) {
            sighting.lastSeenMillis.accumulateAndGet(millis, Math::max);
        }
    }

    /** Addresses seen in this run or listed in the table. */
    public Set<InetAddress> addresses() {
        Set<InetAddress> all = new HashSet<>(sightings.keySet());
        for (String address : db.select(UNKNOWN_SENDERS.ADDRESS).from(UNKNOWN_SENDERS).fetch(UNKNOWN_SENDERS.ADDRESS)) {
            all.add(IpLiterals.parse(address));
        }
        return all;
    }

    /** The sender belongs to a registered device now: stop listing it. */
    public synchronized void forget(InetAddress sender) {
        sightings.remove(sender);
        db.deleteFrom(UNKNOWN_SENDERS).where(UNKNOWN_SENDERS.ADDRESS.eq(sender.getHostAddress())).execute();
    }

    /** Adds the counts gathered since the last flush to the table. */
    public synchronized void flush() {
        for (var e : sightings.entrySet()) {
            Sighting s = e.getValue();
            long total = s.count.sum();
            long delta = total - s.flushedCount;
            if (delta == 0) continue;
            String address = e.getKey().getHostAddress();
            OffsetDateTime last = OffsetDateTime.ofInstant(Instant.ofEpochMilli(s.lastSeenMillis.get()), ZoneOffset.UTC);
            db.transaction(tx -> {
                int updated = tx.dsl().update(UNKNOWN_SENDERS)
                        .set(UNKNOWN_SENDERS.MESSAGE_COUNT, UNKNOWN_SENDERS.MESSAGE_COUNT.plus(delta))
                        .set(UNKNOWN_SENDERS.LAST_SEEN, DSL.greatest(UNKNOWN_SENDERS.LAST_SEEN, DSL.val(last)))
                        .where(UNKNOWN_SENDERS.ADDRESS.eq(address))
                        .execute();
                if (updated == 0) {
                    tx.dsl().insertInto(UNKNOWN_SENDERS)
                            .set(UNKNOWN_SENDERS.ADDRESS, address)
                            .set(UNKNOWN_SENDERS.DEVICE_ID, s.id.value())
                            .set(UNKNOWN_SENDERS.FIRST_SEEN, OffsetDateTime.ofInstant(s.firstSeen, ZoneOffset.UTC))
                            .set(UNKNOWN_SENDERS.LAST_SEEN, last)
                            .set(UNKNOWN_SENDERS.MESSAGE_COUNT, delta)
                            .execute();
                }
            });
            s.flushedCount = total;
        }
    }

    /** Every unknown sender, most recently seen first, after a flush (MACs are not known here: null). */
    public List<UnknownSender> list() {
        flush();
        return db.selectFrom(UNKNOWN_SENDERS).orderBy(UNKNOWN_SENDERS.LAST_SEEN.desc(), UNKNOWN_SENDERS.ADDRESS)
                .fetch(r -> new UnknownSender(IpLiterals.parse(r.getAddress()), new DeviceId(r.getDeviceId()), null,
                        r.getFirstSeen().toInstant(), r.getLastSeen().toInstant(), r.getMessageCount()));
    }
}
