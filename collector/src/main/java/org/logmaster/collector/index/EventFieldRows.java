package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;
import static org.logmaster.collector.index.schema.Tables.EVENT_FIELDS;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.logmaster.collector.parse.Field;

/**
 * The normalised fields of indexed events in the event_fields table (see its migration for why a
 * key/value table): written in the events' transaction, read for the events a search returns,
 * and turned into search conditions.
 */
final class EventFieldRows {
    private EventFieldRows() {}

    /** Line of a daily file: how a row is found again before its id is known. */
    private record Line(String deviceId, LocalDate day, long offset) {}

    /**
     * Inserts the fields of {@code rows}, which the caller has just inserted in {@code tx}; their
     * ids are read back by line. With {@code skipPresent}, fields already there are left alone
     * (the slow path for rows that were partly indexed already).
     */
    static void insert(DSLContext tx, List<EventRow> rows, boolean skipPresent) {
        List<EventRow> withFields = rows.stream().filter(r -> !r.event().fields().isEmpty()).toList();
        if (withFields.isEmpty()) return;
        Map<Line, Long> ids = idsOf(tx, withFields);
        if (!skipPresent && tx.dialect().family() == SQLDialect.POSTGRES) {
            // COPY, like the events themselves: a JDBC batch cost PostgreSQL twice the time of the rows
            List<Object[]> values = new ArrayList<>();
            for (EventRow row : withFields) {
                Long id = ids.get(new Line(row.deviceDay().device().value(), row.deviceDay().day(), row.fileOffset()));
                if (id == null) continue;
                row.event().fields().asMap().forEach((name, value) ->
                        values.add(new Object[] {id, name, IndexText.fit(value, EVENT_FIELDS.FIELD_VALUE)}));
            }
            CopyInserter.copy(tx, EVENT_FIELDS,
                    List.of(EVENT_FIELDS.EVENT_ID, EVENT_FIELDS.FIELD_NAME, EVENT_FIELDS.FIELD_VALUE), values.iterator());
            return;
        }
        String sql = tx.render(skipPresent
                ? tx.insertInto(EVENT_FIELDS, EVENT_FIELDS.EVENT_ID, EVENT_FIELDS.FIELD_NAME, EVENT_FIELDS.FIELD_VALUE)
                        .values((Long) null, null, null).onConflictDoNothing()
                : tx.insertInto(EVENT_FIELDS, EVENT_FIELDS.EVENT_ID, EVENT_FIELDS.FIELD_NAME, EVENT_FIELDS.FIELD_VALUE)
                        .values((Long) null, null, null));
        tx.connection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (EventRow row : withFields) {
                    Long id = ids.get(new Line(row.deviceDay().device().value(), row.deviceDay().day(), row.fileOffset()));
                    if (id == null) continue;  // cannot happen: the row was inserted in this transaction
                    for (Map.Entry<String, String> field : row.event().fields().asMap().entrySet()) {
                        insert.setLong(1, id);
                        insert.setString(2, field.getKey());
                        insert.setString(3, IndexText.fit(field.getValue(), EVENT_FIELDS.FIELD_VALUE));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** Ids of the rows at the lines of {@code rows}: per daily file, a batch's lines lie between its first and last offset. */
    private static Map<Line, Long> idsOf(DSLContext tx, List<EventRow> rows) {
        Map<Line, long[]> ranges = new LinkedHashMap<>();
        for (EventRow row : rows) {
            ranges.merge(new Line(row.deviceDay().device().value(), row.deviceDay().day(), 0),
                    new long[] {row.fileOffset(), row.fileOffset()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        List<Condition> lines = new ArrayList<>(ranges.size());
        ranges.forEach((file, range) -> lines.add(EVENTS.DEVICE_ID.eq(file.deviceId())
                .and(EVENTS.FILE_DAY.eq(file.day()))
                .and(EVENTS.FILE_OFFSET.between(range[0], range[1]))));
        Map<Line, Long> ids = new HashMap<>();
        for (Record4<Long, String, LocalDate, Long> r : tx.select(EVENTS.ID, EVENTS.DEVICE_ID, EVENTS.FILE_DAY, EVENTS.FILE_OFFSET)
                .from(EVENTS).where(DSL.or(lines)).fetch()) {
            ids.put(new Line(r.value2(), r.value3(), r.value4()), r.value1());
        }
        return ids;
    }

    /** The events with their fields, read in one query; fields in vocabulary order. */
    static List<IndexedEvent> withFields(DSLContext db, List<IndexedEvent> events) {
        if (events.isEmpty()) return events;
        Map<Long, String[]> byEvent = new HashMap<>();
        Field[] vocabulary = Field.values();
        for (Record3<Long, String, String> r : db.select(EVENT_FIELDS.EVENT_ID, EVENT_FIELDS.FIELD_NAME, EVENT_FIELDS.FIELD_VALUE)
                .from(EVENT_FIELDS).where(EVENT_FIELDS.EVENT_ID.in(events.stream().map(IndexedEvent::id).toList())).fetch()) {
            Field field = Field.ofKey(r.value2());
            if (field == null) continue;  // a name from a newer vocabulary
            byEvent.computeIfAbsent(r.value1(), id -> new String[vocabulary.length])[field.ordinal()] = r.value3();
        }
        if (byEvent.isEmpty()) return events;
        List<IndexedEvent> out = new ArrayList<>(events.size());
        for (IndexedEvent e : events) {
            String[] values = byEvent.get(e.id());
            if (values == null) {
                out.add(e);
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) fields.put(vocabulary[i].key(), values[i]);
            }
            out.add(e.withFields(java.util.Collections.unmodifiableMap(fields)));
        }
        return out;
    }

    /** Rows whose field has the value: see the migration for why IN (subquery) and not EXISTS. */
    static Condition matches(FieldFilter filter) {
        return EVENTS.ID.in(DSL.select(EVENT_FIELDS.EVENT_ID).from(EVENT_FIELDS)
                .where(EVENT_FIELDS.FIELD_NAME.eq(filter.field().key()))
                .and(EVENT_FIELDS.FIELD_VALUE.eq(IndexText.fit(filter.value(), EVENT_FIELDS.FIELD_VALUE))));
    }
}
