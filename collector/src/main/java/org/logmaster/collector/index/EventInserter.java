package org.logmaster.collector.index;

import java.util.List;
import org.jooq.DSLContext;

/** One way of inserting indexed lines, inside the caller's transaction. */
interface EventInserter {
    void insert(DSLContext tx, List<EventRow> rows);
}
