package org.logmaster.collector.index;

import static org.logmaster.collector.index.schema.Tables.EVENTS;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.schema.tables.records.EventsRecord;

/**
 * Searches the index: by devices (with their former ids, see {@link DeviceAlias}), arrival time
 * range, severity, message text and normalised fields ({@link FieldFilter}), a page at a time in arrival order, with the total number of
 * matches. Used by the {@code search} command and the gRPC API.
 *
 * <p>For paging while rows are being added, {@link #page} pages by position ("after this row")
 * among the rows up to a snapshot id taken with {@link #lastId}: rows indexed later have larger
 * ids (one indexer writes an index), so neither they nor their arrival times shift the pages.
 */
public final class EventSearch {
    private static final char LIKE_ESCAPE = '!';
    /** Most buckets one histogram may have. */
    public static final int MAX_BUCKETS = 10_000;

    /** Which end of the arrival order a page starts from. */
    public enum Order { OLDEST_FIRST, NEWEST_FIRST }

    /** A row's place in the arrival order: arrival time, then id. */
    public record Position(Instant arrival, long id) {
        public Position {
            Objects.requireNonNull(arrival, "arrival");
        }

        public static Position of(IndexedEvent event) {
            return new Position(event.arrival(), event.id());
        }
    }

    private final IndexDatabase database;
    private final DeviceAliases aliases;

    public EventSearch(IndexDatabase database) {
        this(database, DeviceAliases.NONE);
    }

    public EventSearch(IndexDatabase database, DeviceAliases aliases) {
        this.database = database;
        this.aliases = aliases;
    }

    public SearchResult search(SearchQuery query) {
        Condition where = conditionOf(query);
        long total = database.dsl().fetchCount(EVENTS, where);
        List<IndexedEvent> events = withFields(database.dsl().selectFrom(EVENTS)
                .where(where)
                .orderBy(EVENTS.ARRIVAL_TIME, EVENTS.ID)
                .limit(query.limit())
                .offset(query.offset())
                .fetch(EventSearch::toEvent));
        return new SearchResult(events, total);
    }

    /** The highest row id now (0 for an empty index): the snapshot for {@link #count} and {@link #page}. */
    public long lastId() {
        Long max = database.dsl().select(DSL.max(EVENTS.ID)).from(EVENTS).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** How many rows with an id up to {@code upToId} match; limit and offset are ignored. */
    public long count(SearchQuery query, long upToId) {
        return database.dsl().fetchCount(EVENTS, conditionOf(query).and(EVENTS.ID.le(upToId)));
    }

    /**
     * Up to {@code query.limit()} matching rows with an id up to {@code upToId}, in {@code order},
     * that come after {@code after} in that order (null: from the start); the offset is ignored.
     */
    public List<IndexedEvent> page(SearchQuery query, long upToId, Order order, Position after) {
        Condition where = conditionOf(query).and(EVENTS.ID.le(upToId));
        OffsetDateTime at = after == null ? null : utc(after.arrival());
        List<SortField<?>> sort;
        if (order == Order.OLDEST_FIRST) {
            if (after != null) {
                where = where.and(EVENTS.ARRIVAL_TIME.gt(at).or(EVENTS.ARRIVAL_TIME.eq(at).and(EVENTS.ID.gt(after.id()))));
            }
            sort = List.of(EVENTS.ARRIVAL_TIME.asc(), EVENTS.ID.asc());
        } else {
            if (after != null) {
                where = where.and(EVENTS.ARRIVAL_TIME.lt(at).or(EVENTS.ARRIVAL_TIME.eq(at).and(EVENTS.ID.lt(after.id()))));
            }
            sort = List.of(EVENTS.ARRIVAL_TIME.desc(), EVENTS.ID.desc());
        }
        return withFields(database.dsl().selectFrom(EVENTS).where(where).orderBy(sort).limit(query.limit())
                .fetch(EventSearch::toEvent));
    }

    /**
     * Up to {@code limit} matching rows with an id greater than {@code afterId}, by id: what a
     * resumed live tail missed. The query's limit and offset are ignored.
     */
    public List<IndexedEvent> after(SearchQuery query, long afterId, int limit) {
        return withFields(database.dsl().selectFrom(EVENTS)
                .where(conditionOf(query).and(EVENTS.ID.gt(afterId)))
                .orderBy(EVENTS.ID)
                .limit(limit)
                .fetch(EventSearch::toEvent));
    }

    /** Whether a row with this id is in the index. */
    public boolean exists(long id) {
        return database.dsl().fetchExists(EVENTS, EVENTS.ID.eq(id));
    }

    /**
     * How many rows match in each interval of {@code [from, to)}: buckets start at {@code from},
     * are {@code interval} long (whole milliseconds, at least one), and the last one ends at
     * {@code to}, maybe shorter. The query's own time range narrows further where it is set.
     * Counted by the database in one grouped query, on H2 and PostgreSQL alike.
     */
    public long[] histogram(SearchQuery query, Instant from, Instant to, Duration interval) {
        long intervalMillis = interval.toMillis();
        if (intervalMillis < 1) throw new IllegalArgumentException("interval must be at least one millisecond");
        if (!to.isAfter(from)) throw new IllegalArgumentException("the time range is empty: 'to' must be after 'from'");
        long span = Duration.between(from, to).toMillis();
        long buckets = (span + intervalMillis - 1) / intervalMillis;
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("the range holds " + buckets + " intervals, at most " + MAX_BUCKETS + " are allowed");
        }
        // bucket = floor((epoch seconds of arrival - epoch seconds of from) * 1000 / interval ms),
        // in exact decimal arithmetic: both databases give EXTRACT(EPOCH) with its fraction
        Field<BigDecimal> epoch = DSL.extract(EVENTS.ARRIVAL_TIME, DatePart.EPOCH).cast(SQLDataType.NUMERIC(20, 6));
        BigDecimal fromSeconds = BigDecimal.valueOf(from.getEpochSecond()).add(BigDecimal.valueOf(from.getNano(), 9));
        // constants inline, not bound: PostgreSQL matches the grouped expression only if it is the same text
        Field<Long> bucket = DSL.floor(epoch.minus(DSL.inline(fromSeconds)).mul(DSL.inline(1000))
                .div(DSL.inline(intervalMillis))).cast(SQLDataType.BIGINT);
        Condition where = conditionOf(query).and(EVENTS.ARRIVAL_TIME.ge(utc(from))).and(EVENTS.ARRIVAL_TIME.lt(utc(to)));
        long[] counts = new long[(int) buckets];
        database.dsl().select(bucket, DSL.count()).from(EVENTS).where(where).groupBy(bucket)
                .fetch()
                .forEach(r -> {
                    long b = r.value1();
                    // a row exactly on a bucket edge cannot fall outside: the range filter holds it
                    counts[(int) Math.max(0, Math.min(buckets - 1, b))] += r.value2();
                });
        return counts;
    }

    /** The query's filter as an in-memory test, for events not searched but streamed (live tail). */
    public EventMatcher matcher(SearchQuery query) {
        return new EventMatcher(query, query.devices().isEmpty() ? List.of() : aliases.of(query.devices()));
    }

    private Condition conditionOf(SearchQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (!query.devices().isEmpty()) {
            Condition devices = EVENTS.DEVICE_ID.in(query.devices().stream().map(DeviceId::value).toList());
            for (DeviceAlias alias : aliases.of(query.devices())) {
                Condition former = EVENTS.DEVICE_ID.eq(alias.formerId().value()).and(EVENTS.ARRIVAL_TIME.lt(utc(alias.until())));
                if (alias.from() != null) former = former.and(EVENTS.ARRIVAL_TIME.ge(utc(alias.from())));
                devices = devices.or(former);
            }
            conditions.add(devices);
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
        for (FieldFilter field : query.fields()) conditions.add(EventFieldRows.matches(field));
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

    private List<IndexedEvent> withFields(List<IndexedEvent> events) {
        return EventFieldRows.withFields(database.dsl(), events);
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

    static IndexedEvent toEvent(EventsRecord r) {
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
