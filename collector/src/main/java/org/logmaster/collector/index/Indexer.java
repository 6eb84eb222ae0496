package org.logmaster.collector.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.MessageParser;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.store.AppendListener;
import org.logmaster.collector.store.DailyFile;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.DailyLine;
import org.logmaster.collector.store.DeviceDay;
import org.logmaster.collector.store.MalformedLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index up to date from the daily files, which are the only source: live lines and
 * catch-up after a crash take the same path. It reads complete lines from where a file's
 * indexing stopped, decodes and parses them, and commits rows with the file's new offset in one
 * transaction, so a restart neither misses nor repeats a line.
 *
 * <p>Start it before the {@link org.logmaster.collector.store.GroupCommitWriter}: {@link #start}
 * takes the files' sizes as durable, which is true only while nothing else writes them. After
 * that it reads only as far as the writer reports durable ({@link #appended}), never bytes a
 * failed write might still take back.
 *
 * <p>{@link #subscribe Subscribers} (live tails) get every committed batch of rows, with their ids,
 * on the indexer thread right after the commit.
 */
public final class Indexer implements AppendListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);

    private final DailyFileLayout layout;
    private final EventRepository repository;
    private final MessageParser parser;
    private final CounterRegistry counters;
    private final IndexerOptions options;
    private final ZoneId senderZone;
    private final Map<DeviceDay, IndexedFile> files = new ConcurrentHashMap<>();
    private final Semaphore work = new Semaphore(0);
    private final Object progressMonitor = new Object();
    private final IndexCommitter committer;
    private final Thread thread;

    // reading thread only
    private IndexBatch batch = new IndexBatch();
    private ByteBuffer readBuffer;

    private volatile boolean closing;
    /** The registered type of a device, the dialect hint of its messages; null: detect. */
    private volatile Function<DeviceId, String> deviceTypes = device -> null;

    public Indexer(DailyFileLayout layout, EventRepository repository, MessageParser parser, CounterRegistry counters,
                   IndexerOptions options) {
        this.layout = layout;
        this.repository = repository;
        this.parser = parser;
        this.counters = counters;
        this.options = options;
        this.senderZone = options.senderZone() == null ? layout.zone() : options.senderZone();
        this.readBuffer = ByteBuffer.allocate(options.readBufferBytes());
        this.committer = new IndexCommitter(repository, counters, options.maxRetryDelay(), this::committed);
        this.thread = new Thread(this::run, "logmaster-indexer");
        this.thread.setDaemon(true);
    }

    /**
     * Compares the daily files on disk with the recorded progress (what is missing is indexed
     * first) and starts the indexing thread.
     */
    public void start() throws IOException {
        Map<DeviceDay, Long> progress = repository.progress();
        for (DailyFile file : layout.files()) {
            long size = Files.size(file.path());
            files.compute(file.deviceDay(), (key, known) -> {
                IndexedFile indexed = known != null ? known : new IndexedFile(key, IndexedFile.UNKNOWN);
                indexed.durableUpTo(size);
                return indexed;
            });
        }
        // the thread is not running yet, so setting the progress here races with nothing
        files.values().forEach(f -> f.progress(progress.getOrDefault(f.deviceDay(), 0L)));
        log.info("indexer starting: {} daily files, {} bytes to catch up", files.size(), lagBytes());
        committer.start();
        thread.start();
        work.release();
    }

    @Override
    public void appended(DeviceDay deviceDay, long size) {
        // called on the writer thread: note and wake, nothing more
        // compute, not computeIfAbsent + update: forgetting a finished file takes the same lock
        files.compute(deviceDay, (key, known) -> {
            IndexedFile file = known != null ? known : new IndexedFile(key, IndexedFile.UNKNOWN);
            file.durableUpTo(size);
            return file;
        });
        work.release();
    }

    /**
     * Where the parse step learns a device's registered type, which selects the vendor dialect
     * for its messages (see {@link org.logmaster.collector.parse.dialect.Dialects}); without it,
     * or for unregistered senders, the dialect is detected. Called on the indexer thread for
     * every line, so it must answer from memory.
     */
    public void deviceTypes(Function<DeviceId, String> types) {
        this.deviceTypes = java.util.Objects.requireNonNull(types, "types");
    }

    /** Registers a listener for committed rows (live tails, alerts); do it before {@link #start}. */
    public void addIndexListener(IndexListener listener) {
        committer.addListener(listener);
    }

    /** Durable bytes of daily files not yet in the index. */
    public long lagBytes() {
        long lag = 0;
        for (IndexedFile file : files.values()) lag += file.lag();
        return lag;
    }

    /** Waits until everything reported durable is indexed; false if that did not happen in time. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progressMonitor) {
            while (lagBytes() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                progressMonitor.wait(Math.min(left, 100));
            }
        }
        return true;
    }

    /** A subscription to committed rows; closing it ends the deliveries. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Delivers each batch of rows committed from now on to {@code subscriber}, in id order, on the
     * indexer thread: it must only take note and return at once (a blocking subscriber would
     * stall indexing). Every batch whose commit ends after this method returns is delivered, so
     * a subscriber that reads the index for older rows afterwards misses nothing in between
     * (it may see a row twice; ids tell).
     */
    public Subscription subscribe(Consumer<List<IndexedEvent>> subscriber) {
        return committer.subscribe(subscriber);
    }

    /** False while the database fails and commits are being retried. */
    public boolean healthy() {
        return committer.healthy();
    }

    public IndexerStats stats() {
        return committer.stats(lagBytes());
    }

    /** Commits what it has read and stops; the rest is caught up at the next start. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        work.release();
        if (thread.isAlive()) thread.join();
        committer.close();
        files.values().forEach(IndexedFile::closeReader);
    }

    private void committed() {
        synchronized (progressMonitor) {
            progressMonitor.notifyAll();
        }
    }

    private void run() {
        try {
            while (!closing) {
                boolean worked = indexPass();
                if (!worked) {
                    work.tryAcquire(1, TimeUnit.SECONDS);
                    work.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("indexer stopped by an unexpected failure; the index falls behind until restart", e);
        }
    }

    /** Indexes what every file has durable and unindexed; true if there was anything it could read. */
    private boolean indexPass() throws InterruptedException {
        boolean worked = false;
        LocalDate today = layout.dayOf(Instant.now());
        for (IndexedFile file : files.values()) {
            if (closing) break;
            if (!file.progressKnown()) {
                file.progress(loadProgress(file.deviceDay()));
            }
            if (file.unread() > 0) {
                try {
                    indexFile(file);
                    worked = true;  // a file that fails is retried after the idle wait, not in a tight loop
                } catch (RuntimeException e) {
                    log.error("indexing {} failed unexpectedly; will retry", file.deviceDay(), e);
                    file.closeReader();
                } catch (NoSuchFileException e) {
                    log.warn("{} is gone (expired or moved) before it was fully indexed", file.deviceDay());
                    file.closeReader();
                    files.remove(file.deviceDay(), file);
                } catch (IOException e) {
                    log.error("reading {} failed; will retry: {}", file.deviceDay(), e.toString());
                    file.closeReader();
                }
            }
            if (file.deviceDay().day().isBefore(today)) {
                // past days are rarely written again: free the channel; a late line reopens it
                file.closeReader();
            }
        }
        handOver();
        forgetFinishedPastDays(today);
        return worked;
    }

    private void indexFile(IndexedFile file) throws IOException, InterruptedException {
        long target = file.durable();
        long position = file.readOffset();
        FileChannel channel = file.reader(layout.fileFor(file.deviceDay()));
        while (position < target && !closing) {
            ByteBuffer buffer = readBuffer;
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), target - position));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException(file.deviceDay() + " is shorter than its reported size " + target);
                }
            }
            byte[] bytes = buffer.array();
            int length = buffer.position();
            int lineStart = 0;
            for (int i = 0; i < length; i++) {
                if (bytes[i] != '\n') continue;
                addLine(file, position + lineStart, bytes, lineStart, i + 1 - lineStart);
                lineStart = i + 1;
                if (batch.size() >= options.batchRows()) {
                    batch.reached(file, position + lineStart);
                    handOver();
                }
            }
            if (lineStart == 0) {
                if (length == buffer.capacity()) {
                    readBuffer = ByteBuffer.allocate(buffer.capacity() * 2);  // one line longer than the buffer
                    continue;
                }
                file.incompleteTail(target - position);
                log.warn("{} ends in an incomplete line of {} bytes (torn write); it is indexed once the writer completes it",
                        file.deviceDay(), target - position);
                return;
            }
            position += lineStart;
            batch.reached(file, position);
            file.readOffset(position);
        }
        file.incompleteTail(0);
    }

    private void addLine(IndexedFile file, long offset, byte[] bytes, int start, int length) {
        DailyLine line;
        try {
            line = DailyLine.decode(bytes, start, length);
        } catch (MalformedLineException e) {
            batch.add(undecodableRow(file, offset, bytes, start, length, e.getMessage()));
            batch.countUndecodable();
            return;
        }
        file.lastArrival(line.arrival());
        LogEvent event = parse(line, file.deviceDay().device());
        batch.add(new EventRow(file.deviceDay(), offset, line.arrival(), line.sender(), line.listener(), event));
        batch.countParsed(line.listener(), event.malformed());
    }

    private LogEvent parse(DailyLine line, DeviceId device) {
        try {
            LogEvent event = parser.parse(line.raw(), new ParseContext(line.arrival(), senderZone), deviceType(device));
            if (event != null) return event;
            return LogEvent.raw(new String(line.raw(), StandardCharsets.UTF_8), "parser returned nothing");
        } catch (RuntimeException e) {
            return LogEvent.raw(new String(line.raw(), StandardCharsets.UTF_8), "parser failed: " + e);
        }
    }

    private String deviceType(DeviceId device) {
        try {
            return deviceTypes.apply(device);
        } catch (RuntimeException e) {
            return null;  // detection works without it
        }
    }

    /**
     * A line that is not in the line format still gets a row, flagged, so the index accounts for
     * every line of the file; its time is that of the line before it (or the start of the day).
     */
    private EventRow undecodableRow(IndexedFile file, long offset, byte[] bytes, int start, int length, String why) {
        int textLength = length > 0 && bytes[start + length - 1] == '\n' ? length - 1 : length;
        String text = new String(bytes, start, textLength, StandardCharsets.UTF_8);
        Instant arrival = file.lastArrival() != null ? file.lastArrival()
                : file.deviceDay().day().atStartOfDay(layout.zone()).toInstant();
        log.warn("line at offset {} of {} is not a daily-file line ({}); indexed as undecodable", offset, file.deviceDay(), why);
        return new EventRow(file.deviceDay(), offset, arrival, "", "",
                LogEvent.raw(text, "undecodable line in daily file: " + why));
    }

    /** Passes the open batch to the committing stage (waiting while it has two in hand). */
    private void handOver() throws InterruptedException {
        if (batch.isEmpty()) return;
        committer.submit(batch);
        batch = new IndexBatch();
    }

    private long loadProgress(DeviceDay deviceDay) throws InterruptedException {
        Duration delay = FIRST_RETRY_DELAY;
        while (true) {
            try {
                return repository.progressOf(deviceDay);
            } catch (RuntimeException e) {
                log.error("reading the progress of {} failed; retrying: {}", deviceDay, e.toString());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(options.maxRetryDelay()) > 0
                        ? options.maxRetryDelay() : delay.multipliedBy(2);
            }
        }
    }

    /** Past days that are fully indexed need no memory; a late line for one brings it back. */
    private void forgetFinishedPastDays(LocalDate today) {
        for (DeviceDay deviceDay : files.keySet()) {
            if (!deviceDay.day().isBefore(today)) continue;
            files.computeIfPresent(deviceDay, (key, file) ->
                    file.progressKnown() && file.durable() == file.indexed() ? null : file);
        }
    }
}
