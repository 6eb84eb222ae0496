package org.logmaster.collector.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.logmaster.collector.store.DeviceDay;

/**
 * What the indexer knows of one daily file: how far it is durable (told by the writer, or its
 * size at start) and how far it is indexed (committed). Bytes after the last complete line of a
 * file the writer has not touched since a crash (a torn last line) are not counted as lag:
 * they become a line only when the writer reopens the file.
 */
final class IndexedFile {
    static final long UNKNOWN = -1;

    private final DeviceDay deviceDay;
    private final AtomicLong durable = new AtomicLong();
    private volatile long indexed;       // committed
    private long readOffset;             // reading stage only: where the next batch starts
    private volatile long incompleteTail;
    private FileChannel reader;          // indexer thread only
    private Instant lastArrival;         // indexer thread only

    IndexedFile(DeviceDay deviceDay, long indexed) {
        this.deviceDay = deviceDay;
        this.indexed = indexed;
        this.readOffset = indexed;
    }

    DeviceDay deviceDay() {
        return deviceDay;
    }

    void durableUpTo(long size) {
        durable.accumulateAndGet(size, Math::max);
    }

    long durable() {
        return durable.get();
    }

    long indexed() {
        return indexed;
    }

    /** The committed offset moves on (committing stage). */
    void indexed(long offset) {
        indexed = offset;
    }

    /** The recorded progress, once known (reading stage, or before it starts). */
    void progress(long offset) {
        indexed = offset;
        readOffset = offset;
    }

    boolean progressKnown() {
        return indexed != UNKNOWN;
    }

    long readOffset() {
        return readOffset;
    }

    void readOffset(long offset) {
        readOffset = offset;
    }

    /** Durable bytes the reading stage has not read yet, without a torn tail. */
    long unread() {
        return Math.max(0, durable.get() - readOffset - incompleteTail);
    }

    void incompleteTail(long bytes) {
        incompleteTail = bytes;
    }

    /** Durable bytes not yet indexed, without a torn tail. */
    long lag() {
        long from = indexed == UNKNOWN ? 0 : indexed;
        return Math.max(0, durable.get() - from - incompleteTail);
    }

    FileChannel reader(Path path) throws IOException {
        if (reader == null) reader = FileChannel.open(path, StandardOpenOption.READ);
        return reader;
    }

    void closeReader() {
        if (reader == null) return;
        try {
            reader.close();
        } catch (IOException e) {
            // a read-only channel has nothing to lose on close
        }
        reader = null;
    }

    Instant lastArrival() {
        return lastArrival;
    }

    void lastArrival(Instant arrival) {
        lastArrival = arrival;
    }
}
