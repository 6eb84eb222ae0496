package org.logmaster.collector.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.logmaster.collector.enrich.DeviceId;

/**
 * What to search for; every filter is optional. Build with {@link #all()} and the withers.
 *
 * @param devices     only these devices; empty for all
 * @param from        arrival time at or after this, or null
 * @param to          arrival time before this, or null
 * @param maxSeverity only severity at or below (0 emergency .. 7 debug: "this bad or worse"); events
 *                    without a severity are left out when set; null for any
 * @param text        case-insensitive substring of the message, or null
 * @param limit       rows per page (1..10000)
 * @param offset      rows to skip, for paging
 * @param fields      normalised fields that must all have these values ({@code srcip=10.0.0.5}); empty for any
 */
public record SearchQuery(List<DeviceId> devices, Instant from, Instant to, Integer maxSeverity, String text,
                          int limit, long offset, List<FieldFilter> fields) {
    public static final int MAX_LIMIT = 10_000;

    public SearchQuery {
        devices = devices == null ? List.of() : List.copyOf(devices);
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
        if (maxSeverity != null && (maxSeverity < 0 || maxSeverity > 7)) {
            throw new IllegalArgumentException("severity is 0 (emergency) .. 7 (debug)");
        }
        if (text != null && text.isEmpty()) text = null;
    }

    /** A query without field filters. */
    public SearchQuery(List<DeviceId> devices, Instant from, Instant to, Integer maxSeverity, String text,
                       int limit, long offset) {
        this(devices, from, to, maxSeverity, text, limit, offset, List.of());
    }

    /** Everything, first page of 100. */
    public static SearchQuery all() {
        return new SearchQuery(List.of(), null, null, null, null, 100, 0);
    }

    public SearchQuery withDevices(DeviceId... value) {
        return new SearchQuery(List.of(value), from, to, maxSeverity, text, limit, offset, fields);
    }

    public SearchQuery withDevices(List<DeviceId> value) {
        return new SearchQuery(value, from, to, maxSeverity, text, limit, offset, fields);
    }

    public SearchQuery withTimeRange(Instant fromInclusive, Instant toExclusive) {
        return new SearchQuery(devices, fromInclusive, toExclusive, maxSeverity, text, limit, offset, fields);
    }

    public SearchQuery withMaxSeverity(Integer value) {
        return new SearchQuery(devices, from, to, value, text, limit, offset, fields);
    }

    public SearchQuery withText(String value) {
        return new SearchQuery(devices, from, to, maxSeverity, value, limit, offset, fields);
    }

    public SearchQuery withPage(int pageLimit, long pageOffset) {
        return new SearchQuery(devices, from, to, maxSeverity, text, pageLimit, pageOffset, fields);
    }

    public SearchQuery withFields(List<FieldFilter> value) {
        return new SearchQuery(devices, from, to, maxSeverity, text, limit, offset, value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchQuery q && devices.equals(q.devices) && Objects.equals(from, q.from)
                && Objects.equals(to, q.to) && Objects.equals(maxSeverity, q.maxSeverity)
                && Objects.equals(text, q.text) && limit == q.limit && offset == q.offset && fields.equals(q.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(devices, from, to, maxSeverity, text, limit, offset, fields);
    }
}
