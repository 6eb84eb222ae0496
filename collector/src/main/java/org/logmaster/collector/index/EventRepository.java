package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;
import static org.logmaster.collector.index.schema.Tables.INDEX_PROGRESS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record3;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.store.DeviceDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes indexed lines and the indexing progress of their files, always together in one
 * transaction: after a crash the progress says exactly which lines are in the index, so
 * catching up neither misses nor repeats one.
 */
public final class EventRepository {
    private static final Logger log = LoggerFactory.getLogger(EventRepository.class);

    private final IndexDatabase database;
    private final EventInserter inserter;

    public EventRepository(IndexDatabase database) {
        this.database = database;
        this.inserter = database.isPostgres() ? new CopyInserter() : new BatchInserter();
    }

    /** How far every daily file has been indexed (files never indexed are absent). */
    public Map<DeviceDay, Long> progress() {
        Map<DeviceDay, Long> progress = new HashMap<>();
        for (Record3<String, java.time.LocalDate, Long> row : database.dsl()
                .select(INDEX_PROGRESS.DEVICE_ID, INDEX_PROGRESS.FILE_DAY, INDEX_PROGRESS.INDEXED_OFFSET)
                .from(INDEX_PROGRESS).fetch()) {
            if (DeviceId.isValid(row.value1())) {
                progress.put(new DeviceDay(new DeviceId(row.value1()), row.value2()), row.value3());
            }
        }
        return progress;
    }

    /** How far one daily file has been indexed; 0 when never. */
    public long progressOf(DeviceDay deviceDay) {
        Long offset = database.dsl().select(INDEX_PROGRESS.INDEXED_OFFSET).from(INDEX_PROGRESS)
                .where(INDEX_PROGRESS.DEVICE_ID.eq(deviceDay.device().value()))
                .and(INDEX_PROGRESS.FILE_DAY.eq(deviceDay.day()))
                .fetchOne(INDEX_PROGRESS.INDEXED_OFFSET);
        return offset == null ? 0 : offset;
    }

    /**
     * Inserts the rows (with their normalised fields) and records the files' new offsets in one transaction. Should rows
     * already be there (the index and the progress disagree, which only a second writer or a
     * restored backup can cause), the batch is stored again skipping those rows.
     */
    public void store(List<EventRow> rows, Map<DeviceDay, Long> newOffsets) {
        store(rows, newOffsets, false);
    }

    /**
     * As {@link #store(List, Map)}; with {@code readBack}, also returns the stored rows as search
     * returns them (with their ids), read in the same transaction, by id. A failed read fails the
     * transaction, so committed rows are never missing from what is returned.
     */
    public List<IndexedEvent> store(List<EventRow> rows, Map<DeviceDay, Long> newOffsets, boolean readBack) {
        try {
            return database.dsl().transactionResult(tx -> {
                inserter.insert(tx.dsl(), rows);
                EventFieldRows.insert(tx.dsl(), rows, false);
                saveProgress(tx.dsl(), newOffsets);
                return readBack ? readBack(tx.dsl(), rows) : List.of();
            });
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) throw e;
            log.warn("{} rows to index overlap rows already indexed beyond the recorded progress; storing the missing ones: {}",
                    rows.size(), e.getMessage());
            return database.dsl().transactionResult(tx -> {
                BatchInserter.insertMissing(tx.dsl(), rows);
                EventFieldRows.insert(tx.dsl(), rows, true);
                saveProgress(tx.dsl(), newOffsets);
                return readBack ? readBack(tx.dsl(), rows) : List.of();
            });
        }
    }

    /** The rows at the lines of {@code rows}: per daily file, a batch's lines lie between its first and last offset. */
    private static List<IndexedEvent> readBack(DSLContext tx, List<EventRow> rows) {
        if (rows.isEmpty()) return List.of();
        Map<DeviceDay, long[]> ranges = new LinkedHashMap<>();
        for (EventRow row : rows) {
            ranges.merge(row.deviceDay(), new long[] {row.fileOffset(), row.fileOffset()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        List<Condition> lines = new ArrayList<>(ranges.size());
        ranges.forEach((deviceDay, range) -> lines.add(EVENTS.DEVICE_ID.eq(deviceDay.device().value())
                .and(EVENTS.FILE_DAY.eq(deviceDay.day()))
                .and(EVENTS.FILE_OFFSET.between(range[0], range[1]))));
        return EventFieldRows.withFields(tx,
                tx.selectFrom(EVENTS).where(DSL.or(lines)).orderBy(EVENTS.ID).fetch(EventSearch::toEvent));
    }

    private static void saveProgress(DSLContext tx, Map<DeviceDay, Long> newOffsets) {
        List<Query> upserts = new ArrayList<>(newOffsets.size());
        newOffsets.forEach((deviceDay, offset) -> upserts.add(tx.insertInto(INDEX_PROGRESS)
                .set(INDEX_PROGRESS.DEVICE_ID, deviceDay.device().value())
                .set(INDEX_PROGRESS.FILE_DAY, deviceDay.day())
                .set(INDEX_PROGRESS.INDEXED_OFFSET, offset)
                .onConflict(INDEX_PROGRESS.DEVICE_ID, INDEX_PROGRESS.FILE_DAY)
                .doUpdate()
                .set(INDEX_PROGRESS.INDEXED_OFFSET, offset)));
        if (upserts.size() == 1) {
            upserts.getFirst().execute();
        } else if (!upserts.isEmpty()) {
            tx.batch(upserts).execute();
        }
    }

    /** Rows in the index. */
    public long count() {
        return database.dsl().fetchCount(EVENTS);
    }
}
