package org.logmaster.collector.store;

import java.util.Arrays;
import org.logmaster.collector.ingest.ListenerCounters;

/**
 * The lines of one batch that go to one daily file, and whose counters to credit once they are
 * durable. Kept per open file and reused from batch to batch. Writer thread only.
 */
final class PendingAppend {
    private final DeviceDay deviceDay;
    private final LineBuffer lines = new LineBuffer(8 * 1024);
    // few listeners feed one file, so parallel arrays beat a map here
    private ListenerCounters[] listeners = new ListenerCounters[2];
    private long[] frames = new long[2];
    private int listenerCount;
    private long sizeBefore;

    PendingAppend(DeviceDay deviceDay) {
        this.deviceDay = deviceDay;
    }

    DeviceDay deviceDay() {
        return deviceDay;
    }

    LineBuffer lines() {
        return lines;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    void countFrame(ListenerCounters counters) {
        for (int i = 0; i < listenerCount; i++) {
            if (listeners[i] == counters) {
                frames[i]++;
                return;
            }
        }
        if (listenerCount == listeners.length) {
            listeners = Arrays.copyOf(listeners, listenerCount * 2);
            frames = Arrays.copyOf(frames, listenerCount * 2);
        }
        listeners[listenerCount] = counters;
        frames[listenerCount++] = 1;
    }

    long frameCount() {
        long total = 0;
        for (int i = 0; i < listenerCount; i++) total += frames[i];
        return total;
    }

    /** Credits the listeners: only called once the lines are on disk. */
    void countStored() {
        for (int i = 0; i < listenerCount; i++) {
            listeners[i].stored(frames[i]);
        }
    }

    void sizeBefore(long size) {
        sizeBefore = size;
    }

    long sizeBefore() {
        return sizeBefore;
    }

    long sizeAfter() {
        return sizeBefore + lines.length();
    }

    void clear() {
        lines.clear();
        Arrays.fill(listeners, 0, listenerCount, null);
        listenerCount = 0;
    }
}
