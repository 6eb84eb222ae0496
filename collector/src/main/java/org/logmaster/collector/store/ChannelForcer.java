package org.logmaster.collector.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Makes what was written to a daily file durable. The real one is fdatasync; tests wrap it to
 * observe the order of events or to make the disk fail.
 */
@FunctionalInterface
interface ChannelForcer {
    ChannelForcer FDATASYNC = (channel, file) -> channel.force(false);

    void force(FileChannel channel, Path file) throws IOException;
}
