package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;

import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Inserts with one prepared statement executed as a JDBC batch: the fast path for H2, and the
 * portable one.
 */
final class BatchInserter implements EventInserter {

    @Override
    public void insert(DSLContext tx, List<EventRow> rows) {
        if (rows.isEmpty()) return;
        List<Field<?>> placeholders = EventColumns.INSERTED.stream()
                .<Field<?>>map(column -> DSL.val(null, column)).toList();
        BatchBindStep batch = tx.batch(tx.insertInto(EVENTS).columns(EventColumns.INSERTED).values(placeholders));
        for (EventRow row : rows) {
            batch = batch.bind(EventColumns.values(row));
        }
        batch.execute();
    }

    /**
     * Inserts what is not there yet. The slow path, for the case that should not happen: rows
     * present beyond the recorded progress (a second collector on the same index, a restored backup).
     */
    static void insertMissing(DSLContext tx, List<EventRow> rows) {
        for (EventRow row : rows) {
            tx.insertInto(EVENTS).columns(EventColumns.INSERTED).values(EventColumns.values(row))
                    .onConflictDoNothing().execute();
        }
    }
}
