package org.logmaster.console.ui.live;

/**
 * An ascending list of sequence numbers with cheap removal at the front and append at the back:
 * the rows a filter lets through, as references into an {@link EventRingBuffer}.
 */
final class SequenceRing {

    private final long[] slots;
    private int head;
    private int size;

    SequenceRing(int capacity) {
        slots = new long[capacity];
    }

    /** Appends; the caller keeps sequences ascending and trims before the ring would overflow. */
    void append(long sequence) {
        if (size == slots.length) {
            throw new IllegalStateException("sequence ring full; trim first");
        }
        slots[(head + size) % slots.length] = sequence;
        size++;
    }

    /** Removes sequences below {@code firstKept} from the front; returns how many were removed. */
    int trimBelow(long firstKept) {
        int removed = 0;
        while (size > 0 && slots[head] < firstKept) {
            head = (head + 1) % slots.length;
            size--;
            removed++;
        }
        return removed;
    }

    long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return slots[(head + index) % slots.length];
    }

    /** Index of the sequence, or -1 when absent (binary search: the ring is ascending). */
    int indexOf(long sequence) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = get(mid);
            if (value < sequence) {
                low = mid + 1;
            } else if (value > sequence) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
