package org.logmaster.collector.ingest;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** All listeners' counters, by listener name. */
public final class CounterRegistry {
    private final ConcurrentMap<String, ListenerCounters> byListener = new ConcurrentHashMap<>();

    public ListenerCounters forListener(String listener) {
        return byListener.computeIfAbsent(listener, ListenerCounters::new);
    }

    public List<ListenerCounters.Snapshot> snapshot() {
        return byListener.values().stream().map(ListenerCounters::snapshot)
                .sorted(java.util.Comparator.comparing(ListenerCounters.Snapshot::listener)).toList();
    }
}
