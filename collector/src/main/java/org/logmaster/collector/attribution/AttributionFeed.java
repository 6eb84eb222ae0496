package org.logmaster.collector.attribution;

import static org.logmaster.collector.index.schema.Tables.ATTRIBUTION_PROGRESS;
import static org.logmaster.collector.index.schema.Tables.EVENTS;
import static org.logmaster.collector.index.schema.Tables.EVENT_FIELDS;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.index.IndexListener;
import org.logmaster.collector.parse.Field;
import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the attribution records up to date with the index: on its own thread it reads the
 * indexed events whose {@code event} field is one the {@link AttributionRecorder} uses (DHCP,
 * sessions and translations, Wi-Fi), in id order, and records them in a
 * {@link JdbcAttributionStore} together with how far it got, in one transaction per batch. So a
 * restart (or a crash) neither skips nor repeats an event, and events indexed while it was not
 * running are caught up at start.
 *
 * <p>As an {@link IndexListener} it is only woken by commits; the indexer's thread never waits
 * for it, and attribution never slows the indexing of the legal record.
 */
public final class AttributionFeed implements IndexListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttributionFeed.class);
    private static final String FEED = "events";
    /** The event kinds {@link AttributionRecorder#record} acts on. */
    static final Set<String> KINDS = Set.of("dhcp_ack", "dhcp_release", "dhcp_expire", "session_start", "nat_start",
            "session_end", "nat_end", "packet", "wifi_connect", "wifi_auth", "wifi_disconnect");
    static final int BATCH = 1000;
    /** Longest IPv6 text (with an embedded IPv4 address), and a MAC's normal form: the record columns. */
    static final int MAX_IP = 45;
    static final int MAX_MAC = 17;

    private final DSLContext db;
    private final Map<String, Duration> configuredLeaseTimes;
    private final Semaphore work = new Semaphore(0);
    private final Object progressMonitor = new Object();
    private final Thread thread;
    private volatile boolean closing;
    private volatile long lastEventId = -1;

    /** @param configuredLeaseTimes see {@link AttributionRecorder#AttributionRecorder(AttributionStore, Map)} */
    public AttributionFeed(DSLContext db, Map<String, Duration> configuredLeaseTimes) {
        this.db = db;
        this.configuredLeaseTimes = Map.copyOf(configuredLeaseTimes);
        this.thread = new Thread(this::run, "logmaster-attribution");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
        work.release();
    }

    @Override
    public void indexed(List<EventRow> rows) {
        work.release();
    }

    /** Records everything indexed so far, on the caller's thread; the number of events read. For tests and tools. */
    public int catchUp() {
        int total = 0;
        int n;
        while ((n = recordBatch()) > 0) total += n;
        return total;
    }

    /** Waits until the events up to {@code eventId} are recorded; false if that did not happen in time. */
    public boolean awaitRecorded(long eventId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progressMonitor) {
            while (lastEventId < eventId) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                progressMonitor.wait(Math.min(left, 100));
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        work.release();
        if (thread.isAlive()) thread.join();
    }

    private void run() {
        Duration delay = Duration.ofMillis(100);
        while (!closing) {
            try {
                if (recordBatch() == 0) {
                    work.tryAcquire(5, TimeUnit.SECONDS);
                    work.drainPermits();
                }
                delay = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("recording attribution failed; retrying in {}", delay, e);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : delay.multipliedBy(2);
            }
        }
    }

    /** One transaction: the next events after the recorded progress, their records, the new progress. */
    private synchronized int recordBatch() {
        // every event up to here was committed before the batch is read, so is handled by it
        long indexedBefore = lastIndexedId();
        int[] count = new int[1];
        long last = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            long from = progress(t);
            List<Long> ids = t.selectDistinct(EVENT_FIELDS.EVENT_ID).from(EVENT_FIELDS)
                    .where(EVENT_FIELDS.FIELD_NAME.eq(Field.EVENT.key())).and(EVENT_FIELDS.FIELD_VALUE.in(KINDS))
                    .and(EVENT_FIELDS.EVENT_ID.gt(from))
                    .orderBy(EVENT_FIELDS.EVENT_ID).limit(BATCH).fetch(EVENT_FIELDS.EVENT_ID);
            if (ids.isEmpty()) return from;
            AttributionRecorder recorder = new AttributionRecorder(new JdbcAttributionStore(t), configuredLeaseTimes);
            Map<Long, Fields.Builder> fields = new HashMap<>();
            t.select(EVENT_FIELDS.EVENT_ID, EVENT_FIELDS.FIELD_NAME, EVENT_FIELDS.FIELD_VALUE).from(EVENT_FIELDS)
                    .where(EVENT_FIELDS.EVENT_ID.in(ids)).forEach(r -> {
                        Field f = Field.ofKey(r.value2());
                        if (f != null) fields.computeIfAbsent(r.value1(), id -> Fields.builder()).put(f, r.value3());
                    });
            for (Record6<Long, String, java.time.LocalDate, Long, OffsetDateTime, OffsetDateTime> e : t
                    .select(EVENTS.ID, EVENTS.DEVICE_ID, EVENTS.FILE_DAY, EVENTS.FILE_OFFSET, EVENTS.ARRIVAL_TIME, EVENTS.DEVICE_TIME)
                    .from(EVENTS).where(EVENTS.ID.in(ids)).orderBy(EVENTS.ID).fetch()) {
                LogEvent event = new LogEvent(LogEvent.Format.RFC3164, null, null,
                        e.value6() == null ? null : e.value6().toInstant(), null, null, null, null, List.of(), "",
                        false, null, fields.getOrDefault(e.value1(), Fields.builder()).build());
                try {
                    if (usable(event.fields())) {
                        recorder.record(new ObservedEvent(new EvidenceRef(e.value2(), e.value3(), e.value4()),
                                e.value5().toInstant(), event));
                    } else {
                        log.warn("event {} names an address or MAC no device writes; not used for attribution", e.value1());
                    }
                } catch (org.jooq.exception.DataAccessException databaseFailure) {
                    throw databaseFailure;  // the transaction is lost: the batch is retried
                } catch (RuntimeException bad) {
                    // a value the recorder cannot use (a port that is no number) must not stop the feed
                    log.warn("event {} not usable for attribution: {}", e.value1(), bad.toString());
                }
                count[0]++;
            }
            long newLast = ids.getLast();
            t.insertInto(ATTRIBUTION_PROGRESS).set(ATTRIBUTION_PROGRESS.FEED, FEED)
                    .set(ATTRIBUTION_PROGRESS.LAST_EVENT_ID, newLast)
                    .onConflict(ATTRIBUTION_PROGRESS.FEED).doUpdate().set(ATTRIBUTION_PROGRESS.LAST_EVENT_ID, newLast)
                    .execute();
            return newLast;
        });
        if (count[0] == 0) last = Math.max(last, indexedBefore);
        synchronized (progressMonitor) {
            lastEventId = Math.max(lastEventId, last);
            progressMonitor.notifyAll();
        }
        return count[0];
    }

    /**
     * Whether the addresses and MAC fit what devices write (and the record columns): a value
     * that does not is bad input, skipped here rather than failing the batch over and over.
     */
    static boolean usable(Fields fields) {
        for (Field f : List.of(Field.SRC_IP, Field.DST_IP, Field.NAT_SRC_IP, Field.NAT_DST_IP)) {
            String ip = fields.get(f);
            if (ip != null && ip.length() > MAX_IP) return false;
        }
        String mac = fields.get(Field.MAC);
        return mac == null || mac.length() <= MAX_MAC;
    }

    /** With nothing left to record, every indexed event is accounted for. */
    private long lastIndexedId() {
        Long max = db.select(org.jooq.impl.DSL.max(EVENTS.ID)).from(EVENTS).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    private static long progress(DSLContext t) {
        Long last = t.select(ATTRIBUTION_PROGRESS.LAST_EVENT_ID).from(ATTRIBUTION_PROGRESS)
                .where(ATTRIBUTION_PROGRESS.FEED.eq(FEED)).forUpdate().fetchOne(ATTRIBUTION_PROGRESS.LAST_EVENT_ID);
        return last == null ? 0 : last;
    }
}
