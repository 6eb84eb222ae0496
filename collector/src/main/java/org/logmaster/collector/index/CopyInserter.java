package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's fastest way in: {@code COPY events (...) FROM STDIN} in text format through the
 * driver's CopyManager, on the transaction's connection. Table and column names come from the
 * generated jOOQ classes; only the row encoding is written here.
 */
final class CopyInserter implements EventInserter {
    private static final int FLUSH_BYTES = 1 << 20;

    @Override
    public void insert(DSLContext tx, List<EventRow> rows) {
        if (rows.isEmpty()) return;
        // merging the trigram index's pending list is much cheaper with room to sort in
        tx.setLocal(DSL.name("work_mem"), DSL.inline("64MB")).execute();
        copy(tx, EVENTS, EventColumns.INSERTED, rows.stream().map(EventColumns::values).iterator());
    }

    /** {@code COPY table (columns) FROM STDIN} of {@code rows}, each its values in column order. */
    static void copy(DSLContext tx, Table<?> table, List<? extends Field<?>> columns, Iterator<Object[]> rows) {
        String sql = "COPY " + tx.render(table) + " ("
                + columns.stream().map(f -> tx.render(f.getUnqualifiedName())).collect(Collectors.joining(", "))
                + ") FROM STDIN";
        tx.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder text = new StringBuilder(FLUSH_BYTES + 64 * 1024);
                while (rows.hasNext()) {
                    appendRow(text, rows.next());
                    if (text.length() >= FLUSH_BYTES) {
                        send(copy, text);
                    }
                }
                send(copy, text);
                copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        });
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    private static void appendRow(StringBuilder out, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.append('\t');
            appendValue(out, values[i]);
        }
        out.append('\n');
    }

    /** COPY text format: \N is null; backslash, tab, LF and CR are escaped. */
    private static void appendValue(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("\\N");
            case String s -> appendText(out, s);
            case Boolean b -> out.append(b ? 't' : 'f');
            case OffsetDateTime t -> out.append(t);
            case LocalDate d -> out.append(d);
            case Number n -> out.append(n);
            default -> throw new DataAccessException("no COPY encoding for " + value.getClass());
        }
    }

    private static void appendText(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
