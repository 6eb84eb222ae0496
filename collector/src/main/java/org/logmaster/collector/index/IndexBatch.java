package org.logmaster.collector.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.store.DeviceDay;

/** Rows gathered for one transaction, the files' offsets they reach, and what to count once committed. */
final class IndexBatch {
    private final List<EventRow> rows = new ArrayList<>();
    private final Map<DeviceDay, Long> newOffsets = new LinkedHashMap<>();
    private final Map<DeviceDay, IndexedFile> files = new HashMap<>();
    private final Map<String, long[]> parsedByListener = new HashMap<>();  // {parsed, malformed}
    private long malformed;
    private long undecodable;

    void add(EventRow row) {
        rows.add(row);
        if (row.event().malformed()) malformed++;
    }

    void countParsed(String listener, boolean wasMalformed) {
        long[] counts = parsedByListener.computeIfAbsent(listener, l -> new long[2]);
        counts[0]++;
        if (wasMalformed) counts[1]++;
    }

    void countUndecodable() {
        undecodable++;
    }

    void reached(IndexedFile file, long offset) {
        newOffsets.put(file.deviceDay(), offset);
        files.put(file.deviceDay(), file);
    }

    int size() {
        return rows.size();
    }

    boolean isEmpty() {
        return newOffsets.isEmpty();
    }

    List<EventRow> rows() {
        return rows;
    }

    Map<DeviceDay, Long> newOffsets() {
        return newOffsets;
    }

    long malformed() {
        return malformed;
    }

    long undecodable() {
        return undecodable;
    }

    /**
     * After the commit: the listeners' counters are credited, then the files' indexed offsets move
     * on — in that order, because a caught-up index (offsets at the files' ends) must already show
     * its parsed and malformed counts to whoever waited for it.
     */
    void committed(CounterRegistry counters) {
        parsedByListener.forEach((listener, counts) -> {
            var listenerCounters = counters.forListener(listener);
            for (long i = 0; i < counts[0]; i++) {
                listenerCounters.parsed(i < counts[1]);
            }
        });
        newOffsets.forEach((deviceDay, offset) -> files.get(deviceDay).indexed(offset));
    }
}
