package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.schema.tables.records.EventsRecord;

/**
 * Searches the index: by devices, arrival time range, severity and message text, a page at a
 * time in arrival order, with the total number of matches. Used by the {@code search} command
 * and the gRPC API.
 */
public final class EventSearch {
    private static final char LIKE_ESCAPE = '!';

    private final IndexDatabase database;

    public EventSearch(IndexDatabase database) {
        this.database = database;
    }

    public SearchResult search(SearchQuery query) {
        Condition where = conditionOf(query);
        long total = database.dsl().fetchCount(EVENTS, where);
        List<IndexedEvent> events = database.dsl().selectFrom(EVENTS)
                .where(where)
                .orderBy(EVENTS.ARRIVAL_TIME, EVENTS.ID)
                .limit(query.limit())
                .offset(query.offset())
                .fetch(EventSearch::toEvent);
        return new SearchResult(events, total);
    }

    private static Condition conditionOf(SearchQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (!query.devices().isEmpty()) {
            conditions.add(EVENTS.DEVICE_ID.in(query.devices().stream().map(DeviceId::value).toList()));
        }
        if (query.from() != null) {
            conditions.add(EVENTS.ARRIVAL_TIME.ge(utc(query.from())));
            conditions.add(EVENTS.FILE_DAY.ge(utcDay(query.from()).minusDays(1)));
        }
        if (query.to() != null) {
            conditions.add(EVENTS.ARRIVAL_TIME.lt(utc(query.to())));
            conditions.add(EVENTS.FILE_DAY.le(utcDay(query.to()).plusDays(1)));
        }
        if (query.maxSeverity() != null) conditions.add(EVENTS.SEVERITY.le(query.maxSeverity().shortValue()));
        if (query.text() != null) {
            // the pattern is built here, not in SQL, so PostgreSQL's trigram index can use it
            conditions.add(EVENTS.MESSAGE.likeIgnoreCase("%" + escapeLike(query.text()) + "%", LIKE_ESCAPE));
        }
        return DSL.and(conditions);
    }

    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) escaped.append(LIKE_ESCAPE);
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * The file day is the arrival day in the appliance's zone, which is never more than a day
     * off the UTC date; the redundant day range lets device searches use the events_line index.
     */
    private static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static IndexedEvent toEvent(EventsRecord r) {
        return new IndexedEvent(r.getId(), r.getDeviceId(), r.getFileDay(), r.getFileOffset(),
                instant(r.getArrivalTime()), r.getSender(), r.getListener(), r.getFormat(), r.getMalformed(),
                r.getParseError(), integer(r.getFacility()), integer(r.getSeverity()), instant(r.getDeviceTime()),
                r.getHostname(), r.getAppName(), r.getProcId(), r.getMsgId(), r.getStructuredData(), r.getMessage());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Integer integer(Short value) {
        return value == null ? null : value.intValue();
    }
}
