package org.logmaster.console.ui.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.FieldCondition;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.Severity;
import org.logmaster.api.v1.SortOrder;
import org.logmaster.api.v1.TimeRange;
import org.logmaster.console.ui.TypedList;

import com.google.protobuf.Timestamp;

/**
 * What the operator asked for in the Search form, fixed when Search is pressed: every page is
 * fetched with the same query (the collector refuses a page token issued for another one).
 *
 * @param devices     device ids; empty: all devices
 * @param minSeverity {@link Severity#SEVERITY_UNSPECIFIED}: any severity
 * @param fields      normalised fields that must have these values (src_ip = 10.0.0.5); empty: any
 */
record SearchQuery(String text, List<String> devices, Severity minSeverity, List<FieldCondition> fields, Range range) {

    /** Events per page; the collector serves at most 1000. */
    static final int PAGE_SIZE = 100;

    /** Arrival times [from, to); a null bound is open. */
    record Range(Instant from, Instant to) {
        Range {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("the range must end after it starts");
            }
        }
    }

    SearchQuery {
        text = text.strip();
        devices = List.copyOf(devices);
        fields = List.copyOf(fields);
    }

    /** "ip-10-0-0-7, mac-001a2b3c4d5e" or spaces: the device ids typed into the form. */
    static List<String> parseDevices(String typed) {
        return TypedList.of(typed);
    }

    /**
     * "src_ip=10.0.0.5 action=deny": the field conditions typed into the form, separated by spaces.
     * The collector checks the names (an unknown one is INVALID_ARGUMENT with the known ones).
     *
     * @throws IllegalArgumentException for a token that is not name=value
     */
    static List<FieldCondition> parseFields(String typed) {
        return Arrays.stream(typed.strip().split("\\s+")).filter(token -> !token.isEmpty()).map(token -> {
            int equals = token.indexOf('=');
            if (equals <= 0 || equals == token.length() - 1) {
                throw new IllegalArgumentException("Fields are name=value, e.g. src_ip=10.0.0.5 action=deny (not \""
                        + token + "\")");
            }
            return FieldCondition.newBuilder().setName(token.substring(0, equals)).setValue(token.substring(equals + 1))
                    .build();
        }).toList();
    }

    SearchRequest page(String pageToken) {
        EventFilter.Builder filter = EventFilter.newBuilder().setText(text).setMinSeverity(minSeverity)
                .addAllDeviceIds(devices).addAllFields(fields);
        TimeRange.Builder times = TimeRange.newBuilder();
        if (range.from() != null) {
            times.setFrom(timestamp(range.from()));
        }
        if (range.to() != null) {
            times.setTo(timestamp(range.to()));
        }
        return SearchRequest.newBuilder().setRange(times).setFilter(filter).setPageSize(PAGE_SIZE)
                .setPageToken(pageToken).setOrder(SortOrder.SORT_ORDER_NEWEST_FIRST).build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
