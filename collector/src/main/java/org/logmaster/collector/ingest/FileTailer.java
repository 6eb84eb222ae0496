package org.logmaster.collector.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a text file that another program appends to: one line is one frame, sent as if from loopback
 * with the configured device id.
 *
 * <p>Rotation (the file renamed and a new one created under the name) is noticed by the file's identity
 * changing: the old file is read to its end, including a last line without LF, then the new one from its
 * start. Truncation (the file shrank below the read position, as copytruncate does) restarts at 0.
 *
 * <p>Delivery is at least once: the position after the last complete line is saved once lines were handed
 * to the sink, and the sink does not say when they are durable. A crash between the two re-delivers the
 * lines read since the last save (at most one poll's worth); a clean {@link #close()} saves the exact
 * position, so a restart neither loses nor repeats lines.
 */
public final class FileTailer implements Listener, SyslogFrameDecoder.FrameHandler {
    private static final Logger log = LoggerFactory.getLogger(FileTailer.class);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /** Reads per poll before rotation is checked and the position saved, so a busy file still gets both. */
    private static final int MAX_READS_PER_POLL = 64;

    private final FileTailSettings settings;
    private final FrameSink sink;
    private final ListenerCounters counters;
    private final Workers workers = new Workers();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final WarningThrottle readErrors = new WarningThrottle(Duration.ofMinutes(1));
    private final InetAddress sender = InetAddress.getLoopbackAddress();
    private volatile boolean started;

    // owned by the tailer thread
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    /** Where to resume when the file is next opened: the saved position after a start or a read error. */
    private Optional<TailPosition> saved = Optional.empty();
    private TailPosition lastSaved;
    private FileChannel channel;
    private String fileKey;
    private long readPosition;
    private SyslogFrameDecoder decoder;
    private Instant arrival;
    private boolean reportedMissing;

    public FileTailer(FileTailSettings settings, FrameSink sink, ListenerCounters counters) {
        this.settings = settings;
        this.sink = sink;
        this.counters = counters;
    }

    @Override
    public String name() {
        return settings.listenerName();
    }

    @Override
    public synchronized void start() throws IOException {
        if (started) throw new IllegalStateException(name() + " already started");
        try {
            saved = TailPosition.load(settings.stateFile());
        } catch (IOException e) {
            log.warn("{}: cannot use the saved position ({}); reading {} from its start, lines may repeat",
                    name(), e.getMessage(), settings.file());
        }
        try {
            openFile(); // here, so that "the end" and "the saved position" mean: when start() was called
        } catch (IOException e) {
            throw new IOException("%s: cannot read %s: %s; the collector's user needs read access to it"
                    .formatted(name(), settings.file(), e), e);
        }
        started = true;
        log.info("{}: following {} for device {}", name(), settings.file(), settings.deviceId());
        workers.start(Thread.ofVirtual().name(name()), this::tailLoop);
    }

    private void tailLoop() {
        try {
            do {
                try {
                    pollOnce();
                } catch (IOException e) {
                    readErrors.warn(log, "%s: reading %s failed: %s; trying again".formatted(name(),
                            settings.file(), e));
                    closeChannel();
                    saved = Optional.ofNullable(lastSaved);
                }
            } while (!stopSignal.await(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS));
            if (channel != null) savePosition();
        } catch (InterruptedException e) {
            // close() gave up waiting for the sink; the saved position stays before the unsaved lines
        } catch (IOException e) {
            log.warn("{}: could not save the read position: {}", name(), e.toString());
        } finally {
            closeChannel();
        }
    }

    /** Reads what is new, then handles rotation and truncation. Keeps reading while the file keeps growing. */
    private void pollOnce() throws IOException, InterruptedException {
        boolean more = true;
        while (more && stopSignal.getCount() > 0) {
            if (channel == null && !openFile()) return;
            more = readNew();
            Optional<BasicFileAttributes> current = attributesOf(settings.file());
            if (current.isPresent() && !keyOf(current.get()).equals(fileKey)) {
                while (readNew()) { } // the writer may have added last lines before it renamed the file
                decoder.finish(this);
                log.info("{}: {} was rotated; following the new file", name(), settings.file());
                closeChannel();
                saved = Optional.empty();
                more = true;
            } else if (current.isPresent() && current.get().size() < readPosition) {
                decoder.finish(this); // a partial line read before the truncation was in the file all the same
                log.warn("{}: {} shrank below the read position (truncated); reading it from its start", name(),
                        settings.file());
                readPosition = 0;
                decoder = SyslogFrameDecoder.lines(settings.maxMessageBytes());
                more = true;
            }
            if (channel != null) savePosition();
        }
    }

    /** Opens the file at the position it should be read from; false if it does not exist (yet). */
    private boolean openFile() throws IOException {
        Path file = settings.file();
        FileChannel opened;
        BasicFileAttributes attributes;
        try {
            // identity read before and after opening, so a rotation in between cannot pair the old name's
            // identity with the new file's content
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            opened = FileChannel.open(file, StandardOpenOption.READ);
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!keyOf(before).equals(keyOf(attributes))) {
                opened.close();
                return false; // rotated this very moment; the next poll opens the new file
            }
        } catch (NoSuchFileException e) {
            if (!reportedMissing) log.info("{}: {} does not exist yet; waiting for it", name(), file);
            reportedMissing = true;
            return false;
        }
        reportedMissing = false;
        channel = opened;
        fileKey = keyOf(attributes);
        readPosition = startPosition(attributes);
        decoder = SyslogFrameDecoder.lines(settings.maxMessageBytes());
        return true;
    }

    private long startPosition(BasicFileAttributes attributes) {
        if (saved.isEmpty()) {
            return settings.startAtEnd() ? attributes.size() : 0;
        }
        TailPosition position = saved.get();
        saved = Optional.empty(); // only the first file opened after a start resumes
        if (!position.fileKey().equals(fileKey)) {
            log.warn("{}: {} was replaced while the collector was stopped; reading the new file from its start"
                    + " (lines added to the old one after the stop were not read)", name(), settings.file());
            return 0;
        }
        if (position.position() > attributes.size()) {
            log.warn("{}: {} shrank while the collector was stopped; reading it from its start", name(),
                    settings.file());
            return 0;
        }
        return position.position();
    }

    /** Reads up to a few buffers of new bytes; true if it read something and more may follow. */
    private boolean readNew() throws IOException, InterruptedException {
        for (int reads = 0; reads < MAX_READS_PER_POLL; reads++) {
            buffer.clear();
            int n = channel.read(buffer, readPosition);
            if (n <= 0) return false;
            arrival = Instant.now();
            readPosition += n;
            try {
                decoder.decode(buffer.array(), 0, n, this);
            } catch (MalformedFrameException e) {
                throw new IllegalStateException("line framing cannot be malformed", e);
            }
        }
        return true;
    }

    private void savePosition() throws IOException {
        TailPosition position = new TailPosition(fileKey, readPosition - decoder.pendingBytes());
        if (!position.equals(lastSaved)) {
            position.save(settings.stateFile());
            lastSaved = position;
        }
    }

    @Override
    public void frame(byte[] payload, boolean oversized) throws InterruptedException {
        counters.received();
        if (oversized) counters.oversized();
        sink.put(new RawFrame(payload, arrival, sender, name(), settings.deviceId()));
    }

    private static Optional<BasicFileAttributes> attributesOf(Path file) throws IOException {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // renamed and not yet re-created: keep reading the old one
        }
    }

    private static String keyOf(BasicFileAttributes attributes) {
        return Objects.toString(attributes.fileKey(), "");
    }

    private void closeChannel() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // read-only; nothing to lose
        }
        channel = null;
    }

    @Override
    public void close() {
        stopSignal.countDown();
        workers.stop(Workers.SHUTDOWN_GRACE);
    }
}
