package org.logmaster.console.ui.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.Severity;
import org.logmaster.api.v1.SortOrder;
import org.logmaster.api.v1.TimeRange;

import com.google.protobuf.Timestamp;

/**
 * What the operator asked for in the Search form, fixed when Search is pressed: every page is
 * fetched with the same query (the collector refuses a page token issued for another one).
 *
 * @param devices     device ids; empty: all devices
 * @param minSeverity {@link Severity#SEVERITY_UNSPECIFIED}: any severity
 */
record SearchQuery(String text, List<String> devices, Severity minSeverity, Range range) {

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
    }

    /** "ip-10-0-0-7, mac-001a2b3c4d5e" or spaces: the device ids typed into the form. */
    static List<String> parseDevices(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    SearchRequest page(String pageToken) {
        EventFilter.Builder filter = EventFilter.newBuilder().setText(text).setMinSeverity(minSeverity)
                .addAllDeviceIds(devices);
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
