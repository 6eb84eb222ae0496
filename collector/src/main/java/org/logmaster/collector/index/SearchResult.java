package org.logmaster.collector.index;

import java.util.List;

/**
 * One page of a search.
 *
 * @param events the page, by arrival time then id
 * @param total  how many events match in all
 */
public record SearchResult(List<IndexedEvent> events, long total) {
    public SearchResult {
        events = List.copyOf(events);
    }
}
