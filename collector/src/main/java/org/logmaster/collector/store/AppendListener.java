package org.logmaster.collector.store;

/**
 * Told by the {@link GroupCommitWriter} that a daily file grew. Called on the writer thread after
 * the file was forced to disk, so implementations must only take note and return quickly.
 */
@FunctionalInterface
public interface AppendListener {
    /**
     * The daily file of {@code deviceDay} is durable up to {@code size} bytes, and those bytes
     * end with a complete line.
     */
    void appended(DeviceDay deviceDay, long size);
}
