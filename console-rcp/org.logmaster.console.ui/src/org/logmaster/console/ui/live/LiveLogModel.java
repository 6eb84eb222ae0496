package org.logmaster.console.ui.live;

import java.util.List;

import org.logmaster.console.client.LiveEvent;

/**
 * The rows of the Live Logs table: a bounded buffer of received events and, over it, the rows the
 * current filter lets through. Row 0 is the oldest visible event. Owned by the display thread.
 */
final class LiveLogModel {

    /** What one append did to the visible rows, so the table can keep its place. */
    record Change(int removedFromFront, int appended) {
    }

    private final EventRingBuffer events;
    private final SequenceRing visible;
    private LiveEventFilter filter = LiveEventFilter.ALL;
    private long droppedBeforeModel;

    LiveLogModel(int capacity) {
        events = new EventRingBuffer(capacity);
        visible = new SequenceRing(capacity);
    }

    /**
     * Adds a batch.
     *
     * @param droppedUpstream events lost before they reached the model (a full hand-over queue)
     */
    Change append(List<LiveEvent> batch, long droppedUpstream) {
        droppedBeforeModel += droppedUpstream;
        int appended = 0;
        int removed = 0;
        for (LiveEvent event : batch) {
            long sequence = events.append(event);
            // drop references to evicted events before adding, so the visible ring never overflows
            removed += visible.trimBelow(events.firstSequence());
            if (filter.matches(event)) {
                visible.append(sequence);
                appended++;
            }
        }
        return new Change(removed, appended);
    }

    void setFilter(LiveEventFilter next) {
        filter = next;
        visible.clear();
        for (long sequence = events.firstSequence(); sequence < events.nextSequence(); sequence++) {
            if (filter.matches(events.get(sequence))) {
                visible.append(sequence);
            }
        }
    }

    LiveEventFilter filter() {
        return filter;
    }

    int rowCount() {
        return visible.size();
    }

    LiveEvent row(int index) {
        return events.get(visible.get(index));
    }

    long sequenceOfRow(int index) {
        return visible.get(index);
    }

    /** Row index of the event, or -1 when it is filtered out or no longer held. */
    int rowOfSequence(long sequence) {
        return visible.indexOf(sequence);
    }

    int heldCount() {
        return events.size();
    }

    int capacity() {
        return events.capacity();
    }

    long receivedCount() {
        return events.nextSequence() + droppedBeforeModel;
    }

    /** Events no longer in view because newer ones replaced them, or that never got in. */
    long droppedCount() {
        return events.droppedCount() + droppedBeforeModel;
    }
}
