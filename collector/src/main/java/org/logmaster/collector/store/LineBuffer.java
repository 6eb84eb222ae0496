package org.logmaster.collector.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that encoded lines are appended to. The writer keeps one per open
 * daily file and reuses it from batch to batch, so encoding allocates nothing in the steady state.
 * Not thread-safe.
 */
final class LineBuffer {
    private byte[] bytes;
    private int length;

    LineBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void clear() {
        length = 0;
    }

    void put(byte b) {
        if (length == bytes.length) grow(1);
        bytes[length++] = b;
    }

    void put(byte[] src, int offset, int count) {
        if (length + count > bytes.length) grow(count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
    }

    /** Makes room for {@code count} more bytes, for callers that write through {@link #array()}. */
    void ensureRoom(int count) {
        if (length + count > bytes.length) grow(count);
    }

    byte[] array() {
        return bytes;
    }

    void advance(int count) {
        length += count;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** A view of the content, for channel writes; valid until the next change. */
    ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    private void grow(int needed) {
        long wanted = Math.max((long) bytes.length * 2, (long) length + needed);
        if (wanted > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("line buffer would exceed 2 GiB");
        }
        bytes = Arrays.copyOf(bytes, (int) wanted);
    }
}
