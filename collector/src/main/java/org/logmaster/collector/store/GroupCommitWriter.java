package org.logmaster.collector.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.enrich.DeviceResolver;
import org.logmaster.collector.enrich.SenderAddressResolver;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.FrameSink;
import org.logmaster.collector.ingest.ListenerCounters;
import org.logmaster.collector.ingest.RawFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legal record's writer: the bounded queue listeners put frames into, and one thread that
 * group-commits them. Each round it takes up to {@code maxBatch} frames, appends their lines
 * to the daily file of their device and day, forces every touched file (in parallel), and only
 * then tells the {@link AppendListener}s and counts the frames as stored.
 *
 * <p>When the disk fails (full, read-only, gone) the batch is not dropped: what a failed
 * attempt wrote is cut off again, the error is logged, {@link #healthy()} turns false and the
 * write is retried with growing pauses. Meanwhile the queue fills and {@link #put} blocks, which
 * is how TCP senders are pushed back. {@link #close} stores everything already queued.
 */
public final class GroupCommitWriter implements FrameSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(50);
    private static final long SWEEP_INTERVAL_MILLIS = 1_000;

    private final DailyFileLayout layout;
    private final DeviceResolver resolver;
    private final CounterRegistry counters;
    private final WriterOptions options;
    private final ChannelForcer forcer;
    private final Clock clock;
    private final ArrayBlockingQueue<RawFrame> queue;
    private final List<AppendListener> appendListeners = new CopyOnWriteArrayList<>();
    private final LongAdder puttersInside = new LongAdder();
    private final ExecutorService syncPool;
    private final Thread thread;

    // writer thread only
    private final DailyLineEncoder encoder = new DailyLineEncoder();
    private final ArrivalDays days;
    private final Map<DeviceDay, PendingAppend> pending = new HashMap<>();
    private final Map<DeviceDay, DailyFileChannel> channels = new HashMap<>();
    private final Map<String, ListenerCounters> countersByListener = new HashMap<>();
    private final SenderAddressResolver fallbackResolver = new SenderAddressResolver();
    private long lastSweep;
    private long resolverFailures;

    private volatile boolean closed;
    private volatile boolean stopping;
    private volatile boolean healthy = true;
    private volatile long stored;
    private volatile long batches;
    /** Time from a batch's first encode to its last fsync, summed over {@link #batches} (for metrics). */
    private volatile long batchNanos;
    private volatile long fsyncs;
    private volatile long ioErrors;
    private volatile int openFiles;
    private FileLock dataLock;

    public GroupCommitWriter(DailyFileLayout layout, DeviceResolver resolver, CounterRegistry counters,
                             WriterOptions options) {
        this(layout, resolver, counters, options, ChannelForcer.FDATASYNC, Clock.systemUTC());
    }

    GroupCommitWriter(DailyFileLayout layout, DeviceResolver resolver, CounterRegistry counters,
                      WriterOptions options, ChannelForcer forcer, Clock clock) {
        this.layout = layout;
        this.resolver = resolver;
        this.counters = counters;
        this.options = options;
        this.forcer = forcer;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.days = new ArrivalDays(layout.zone());
        AtomicInteger syncThreadNumber = new AtomicInteger();
        this.syncPool = Executors.newFixedThreadPool(options.syncThreads(), runnable -> {
            Thread t = new Thread(runnable, "logmaster-fsync-" + syncThreadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, "logmaster-writer");
    }

    /** Registers a listener for grown files; do it before {@link #start}. */
    public void addAppendListener(AppendListener listener) {
        appendListeners.add(listener);
    }

    /**
     * Takes the data folder's writer lock (one collector per data folder) and starts the writer
     * thread. Frames put before are kept in the queue and written first.
     */
    public void start() throws IOException {
        Files.createDirectories(layout.logsDir());
        Path lockFile = layout.logsDir().resolve(".writer.lock");
        FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            dataLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            dataLock = null;
        }
        if (dataLock == null) {
            lockChannel.close();
            throw new IOException("another writer holds " + lockFile + ": only one collector may write a data folder");
        }
        lastSweep = clock.millis();
        thread.start();
    }

    @Override
    public void put(RawFrame frame) throws InterruptedException {
        puttersInside.increment();
        try {
            if (closed) throw new IllegalStateException("the writer is closed");
            queue.put(frame);
        } finally {
            puttersInside.decrement();
        }
    }

    public int queueDepth() {
        return queue.size();
    }

    /** False while writing to disk fails and is being retried. */
    public boolean healthy() {
        return healthy;
    }

    /** Total time the group commits took (encode, write, fsync), to divide by {@code stats().batches()}. */
    public long batchNanosTotal() {
        return batchNanos;
    }

    public WriterStats stats() {
        return new WriterStats(stored, batches, fsyncs, ioErrors, queue.size(), openFiles, healthy);
    }

    /**
     * Stops taking frames, stores everything already queued, closes all files. Waits at most
     * the configured shutdown timeout; what could not be stored by then is logged as an error.
     */
    @Override
    public void close() throws InterruptedException {
        if (closed) return;
        closed = true;
        long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
        // a put that passed the closed check before it was set is still enqueued and stored
        while (puttersInside.sum() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        stopping = true;
        if (thread.isAlive()) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                log.error("writer did not finish within {}: {} frames still queued; giving up on them",
                        options.shutdownTimeout(), queue.size());
                thread.interrupt();
                thread.join();
            }
        } else if (!queue.isEmpty()) {
            log.error("writer closed before it was started: {} queued frames were not stored", queue.size());
        }
        syncPool.shutdownNow();
        releaseDataLock();
    }

    private void run() {
        List<RawFrame> batch = new ArrayList<>(options.maxBatch());
        try {
            while (true) {
                RawFrame first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping && queue.isEmpty()) break;
                    sweepPastDays();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, options.maxBatch() - 1);
                commitSurvivingBugs(batch);
                batch.clear();
                sweepPastDays();
            }
        } catch (InterruptedException e) {
            log.error("writer interrupted: {} frames of the current batch and {} queued frames were not stored",
                    batch.size(), queue.size());
        } finally {
            channels.values().forEach(DailyFileChannel::close);
            channels.clear();
            openFiles = 0;
        }
    }

    /**
     * A failure that is not the disk's (a bug, in practice while encoding, before anything was
     * written) must not kill the thread that keeps the legal record: it is logged and retried.
     */
    private void commitSurvivingBugs(List<RawFrame> batch) throws InterruptedException {
        while (true) {
            try {
                commit(batch);
                return;
            } catch (RuntimeException e) {
                healthy = false;
                log.error("writer failed on a batch of {} frames; retrying it", batch.size(), e);
                pending.values().forEach(PendingAppend::clear);
                Thread.sleep(options.maxRetryDelay().toMillis());
            }
        }
    }

    /** Writes one batch durably, retrying until it is; only an interrupt (shutdown timeout) ends it early. */
    private void commit(List<RawFrame> batch) throws InterruptedException {
        long started = System.nanoTime();
        List<PendingAppend> touched = encode(batch);
        Duration delay = FIRST_RETRY_DELAY;
        while (true) {
            touched = writeAndForce(touched);
            if (touched.isEmpty()) {
                batchNanos += System.nanoTime() - started;
                batches++;
                if (!healthy) {
                    log.info("writing daily files works again");
                    healthy = true;
                }
                return;
            }
            healthy = false;
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2).compareTo(options.maxRetryDelay()) > 0
                    ? options.maxRetryDelay() : delay.multipliedBy(2);
        }
    }

    private List<PendingAppend> encode(List<RawFrame> batch) {
        List<PendingAppend> touched = new ArrayList<>();
        for (RawFrame frame : batch) {
            DeviceDay deviceDay = new DeviceDay(deviceOf(frame), dayOf(frame));
            PendingAppend append = pending.computeIfAbsent(deviceDay, PendingAppend::new);
            if (append.isEmpty()) touched.add(append);
            encoder.encodeTo(frame, append.lines());
            append.countFrame(countersByListener.computeIfAbsent(frame.listener(), counters::forListener));
        }
        return touched;
    }

    /** Appends and forces; returns what failed (already cut back), to be tried again. */
    private List<PendingAppend> writeAndForce(List<PendingAppend> touched) throws InterruptedException {
        List<PendingAppend> failed = new ArrayList<>();
        List<PendingAppend> written = new ArrayList<>(touched.size());
        for (PendingAppend append : touched) {
            append.sizeBefore(-1);
            try {
                DailyFileChannel file = channelFor(append.deviceDay());
                append.sizeBefore(file.size());
                file.append(append.lines().asByteBuffer());
                written.add(append);
            } catch (IOException | RuntimeException e) {
                failed(append, "writing", e);
                failed.add(append);
            }
        }
        List<IOException> forceErrors = forceAll(written);
        for (int i = 0; i < written.size(); i++) {
            PendingAppend append = written.get(i);
            if (forceErrors.get(i) == null) {
                published(append);
            } else {
                failed(append, "forcing", forceErrors.get(i));
                failed.add(append);
            }
        }
        return failed;
    }

    private List<IOException> forceAll(List<PendingAppend> written) throws InterruptedException {
        List<Callable<IOException>> tasks = new ArrayList<>(written.size());
        for (PendingAppend append : written) {
            DailyFileChannel file = channels.get(append.deviceDay());
            tasks.add(() -> {
                try {
                    forcer.force(file.channel(), file.file());
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
        }
        List<IOException> errors = new ArrayList<>(tasks.size());
        if (tasks.size() == 1) {
            errors.add(callQuietly(tasks.getFirst()));
        } else {
            for (Future<IOException> result : syncPool.invokeAll(tasks)) {
                try {
                    errors.add(result.get());
                } catch (ExecutionException e) {
                    errors.add(new IOException("forcing failed", e.getCause()));
                }
            }
        }
        fsyncs += tasks.size();
        return errors;
    }

    private static IOException callQuietly(Callable<IOException> task) {
        try {
            return task.call();
        } catch (Exception e) {
            return new IOException("forcing failed", e);
        }
    }

    /** Durable: tell the listeners (first, so that a stored count never runs ahead of them), then count. */
    private void published(PendingAppend append) {
        long size = append.sizeAfter();
        for (AppendListener listener : appendListeners) {
            try {
                listener.appended(append.deviceDay(), size);
            } catch (RuntimeException e) {
                log.error("append listener {} failed for {}", listener, append.deviceDay(), e);
            }
        }
        append.countStored();
        stored += append.frameCount();
        append.clear();
    }

    private void failed(PendingAppend append, String what, Exception e) {
        ioErrors++;
        log.error("{} {} lines to {} failed; will retry: {}", what, append.frameCount(), append.deviceDay(), e.toString());
        DailyFileChannel file = channels.get(append.deviceDay());
        if (file == null || append.sizeBefore() < 0) return;
        try {
            file.truncate(append.sizeBefore());
        } catch (IOException | RuntimeException truncateFailed) {
            // reopening terminates whatever partial line is left, so no line is ever glued to another
            log.error("cutting back {} after the failure failed too; reopening it: {}", file.file(), truncateFailed.toString());
            file.close();
            channels.remove(append.deviceDay());
            openFiles = channels.size();
        }
    }

    private DailyFileChannel channelFor(DeviceDay deviceDay) throws IOException {
        DailyFileChannel file = channels.get(deviceDay);
        if (file == null) {
            file = DailyFileChannel.open(layout.fileFor(deviceDay));
            channels.put(deviceDay, file);
            openFiles = channels.size();
        }
        return file;
    }

    private LocalDate dayOf(RawFrame frame) {
        try {
            return days.dayOf(frame.arrival());
        } catch (DateTimeException e) {
            // an arrival no calendar holds (a broken clock); the line keeps it, the file is today's
            log.warn("arrival time {} of a frame via {} has no day; storing it in today's file", frame.arrival(), frame.listener());
            return layout.dayOf(clock.instant());
        }
    }

    private DeviceId deviceOf(RawFrame frame) {
        try {
            return resolver.deviceFor(frame);
        } catch (RuntimeException e) {
            // the frame is kept under its sender's id rather than lost; logged sparsely as it may repeat per frame
            if (resolverFailures++ % 10_000 == 0) {
                log.warn("device resolver failed for a frame from {} via {} ({} times so far); keeping it under its sender address: {}",
                        frame.sender().getHostAddress(), frame.listener(), resolverFailures, e.toString());
            }
            return fallbackResolver.deviceFor(new RawFrame(frame.payload(), frame.arrival(), frame.sender(), frame.listener()));
        }
    }

    /** Closes the files of days that are over, with their buffers; a late frame for such a day reopens its file. */
    private void sweepPastDays() {
        long now = clock.millis();
        if (now - lastSweep < SWEEP_INTERVAL_MILLIS) return;
        lastSweep = now;
        LocalDate today = layout.dayOf(clock.instant());
        for (Iterator<Map.Entry<DeviceDay, DailyFileChannel>> it = channels.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<DeviceDay, DailyFileChannel> entry = it.next();
            if (entry.getKey().day().isBefore(today)) {
                entry.getValue().close();
                it.remove();
                pending.remove(entry.getKey());
            }
        }
        pending.keySet().removeIf(deviceDay -> deviceDay.day().isBefore(today));
        openFiles = channels.size();
    }

    private void releaseDataLock() {
        if (dataLock == null) return;
        try {
            dataLock.release();
            dataLock.channel().close();
        } catch (IOException e) {
            log.warn("releasing the writer lock failed: {}", e.toString());
        }
        dataLock = null;
    }
}
