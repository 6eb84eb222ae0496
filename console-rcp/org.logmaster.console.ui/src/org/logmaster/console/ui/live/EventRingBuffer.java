package org.logmaster.console.ui.live;

import java.util.NoSuchElementException;

import org.logmaster.console.client.LiveEvent;

/**
 * The newest {@code capacity} events, addressed by a sequence number that every appended event
 * gets (0, 1, 2, ...). When full, appending drops the oldest event and counts it, so memory stays
 * bounded however long the console runs. Not thread-safe: the display thread owns it.
 */
final class EventRingBuffer {

    private final LiveEvent[] slots;
    private long nextSequence;
    private int size;
    private long dropped;

    EventRingBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        slots = new LiveEvent[capacity];
    }

    /** Appends and returns the event's sequence number. */
    long append(LiveEvent event) {
        long sequence = nextSequence++;
        slots[slot(sequence)] = event;
        if (size < slots.length) {
            size++;
        } else {
            dropped++;
        }
        return sequence;
    }

    LiveEvent get(long sequence) {
        if (!contains(sequence)) {
            throw new NoSuchElementException("sequence " + sequence + " is not held (held: "
                    + firstSequence() + ".." + (nextSequence - 1) + ")");
        }
        return slots[slot(sequence)];
    }

    boolean contains(long sequence) {
        return sequence >= firstSequence() && sequence < nextSequence;
    }

    /** Sequence number of the oldest event held; equals {@link #nextSequence()} when empty. */
    long firstSequence() {
        return nextSequence - size;
    }

    long nextSequence() {
        return nextSequence;
    }

    int size() {
        return size;
    }

    int capacity() {
        return slots.length;
    }

    /** Events pushed out by newer ones since the start. */
    long droppedCount() {
        return dropped;
    }

    private int slot(long sequence) {
        return (int) (sequence % slots.length);
    }
}
