package org.logmaster.collector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open daily file, written only at its end. Opening it makes sure a line torn by a power
 * loss (no final '\n') stays a line of its own, and makes new folders and files durable, not
 * only their content. Used by the writer thread only.
 */
final class DailyFileChannel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DailyFileChannel.class);

    private final Path file;
    private final FileChannel channel;

    private DailyFileChannel(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static DailyFileChannel open(Path file) throws IOException {
        Path dir = file.getParent();
        createDirectoriesDurably(dir);
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        boolean torn = existed && endsTorn(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        try {
            if (torn) {
                long size = channel.size();
                log.warn("{} ends in an incomplete line (torn write, {} bytes); terminating it before appending",
                        file, size);
                writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
            }
            if (!existed) forceDirectory(dir);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new DailyFileChannel(file, channel);
    }

    Path file() {
        return file;
    }

    FileChannel channel() {
        return channel;
    }

    long size() throws IOException {
        return channel.size();
    }

    void append(ByteBuffer bytes) throws IOException {
        writeFully(channel, bytes);
    }

    /** Removes what a failed attempt may have left, so a retry does not write lines twice. */
    void truncate(long size) throws IOException {
        channel.truncate(size);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing {} failed: {}", file, e.toString());
        }
    }

    private static boolean endsTorn(Path file) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = reader.size();
            if (size == 0) return false;
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Creates missing folders and forces each new entry into its parent, or a crash could lose the folder. */
    private static void createDirectoriesDurably(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Path firstMissing = dir;
        while (firstMissing.getParent() != null && !Files.exists(firstMissing.getParent())) {
            firstMissing = firstMissing.getParent();
        }
        Files.createDirectories(dir);
        for (Path created = dir; created != null; created = created.getParent()) {
            forceDirectory(created.getParent());
            if (created.equals(firstMissing)) break;
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
