package org.logmaster.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.store.TestFrames.await;
import static org.logmaster.collector.store.TestFrames.frame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.enrich.SenderAddressResolver;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.RawFrame;

class GroupCommitWriterTest {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final Instant NOON = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dataDir;

    private final CounterRegistry counters = new CounterRegistry();
    private final List<GroupCommitWriter> writers = new ArrayList<>();
    private DailyFileLayout layout;

    @AfterEach
    void closeWriters() throws InterruptedException {
        for (GroupCommitWriter writer : writers) writer.close();
    }

    @Test
    void linesLandInTheFileOfTheirDeviceAndDayInTheConfiguredZone() throws Exception {
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        writer.put(frame("before midnight", Instant.parse("2026-11-28T20:59:59.999Z"), "192.0.2.7"));
        writer.put(frame("after midnight", Instant.parse("2026-11-28T21:00:00.000Z"), "192.0.2.7"));
        awaitStored(2);

        assertThat(lines("logs/ip-192-0-2-7/2026-11-28.log"))
                .containsExactly("2026-11-28T20:59:59.999Z 192.0.2.7 udp before midnight");
        assertThat(lines("logs/ip-192-0-2-7/2026-11-29.log"))
                .containsExactly("2026-11-28T21:00:00.000Z 192.0.2.7 udp after midnight");
    }

    @Test
    void eachDeviceHasItsOwnFileAndLinesKeepTheirOrder() throws Exception {
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        for (int i = 0; i < 300; i++) {
            writer.put(frame("m" + i, NOON.plusMillis(i), i % 2 == 0 ? "192.0.2.1" : "192.0.2.2"));
        }
        awaitStored(300);

        assertThat(lines("logs/ip-192-0-2-1/2026-11-28.log")).hasSize(150).allMatch(l -> l.contains(" 192.0.2.1 udp m"));
        assertThat(lines("logs/ip-192-0-2-2/2026-11-28.log")).hasSize(150).allMatch(l -> l.contains(" 192.0.2.2 udp m"));
        assertThat(lines("logs/ip-192-0-2-1/2026-11-28.log").getFirst()).endsWith(" m0");
        assertThat(lines("logs/ip-192-0-2-1/2026-11-28.log").getLast()).endsWith(" m298");
    }

    @Test
    void framesAreCountedStoredOnlyAfterTheirFileWasForced() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ChannelForcer recording = (channel, file) -> {
            events.add("force " + file.getFileName() + " stored=" + counters.forListener("udp").snapshot().stored());
            channel.force(false);
            events.add("forced " + file.getFileName());
        };
        GroupCommitWriter writer = writer(recording, new MutableClock(NOON));
        for (int i = 0; i < 3; i++) writer.put(frame("m" + i, NOON, "192.0.2.1"));
        writer.addAppendListener((deviceDay, size) ->
                events.add("appended " + size + " stored=" + counters.forListener("udp").snapshot().stored()));

        writer.start();
        awaitStored(3);

        long fileSize = Files.size(dataDir.resolve("logs/ip-192-0-2-1/2026-11-28.log"));
        assertThat(events).containsExactly(
                "force 2026-11-28.log stored=0",
                "forced 2026-11-28.log",
                "appended " + fileSize + " stored=0");
        assertThat(counters.forListener("udp").snapshot().stored()).isEqualTo(3);
    }

    @Test
    void aTornLastLineIsTerminatedBeforeNewLinesAreAppended() throws Exception {
        Path file = Files.createDirectories(dataDir.resolve("logs/ip-192-0-2-1")).resolve("2026-11-28.log");
        Files.writeString(file, "2026-11-28T08:00:00.000Z 192.0.2.1 udp complete\n2026-11-28T08:00:01.000Z 192.0.2.1 udp tor");
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        writer.put(frame("next", NOON, "192.0.2.1"));
        awaitStored(1);

        assertThat(lines("logs/ip-192-0-2-1/2026-11-28.log")).containsExactly(
                "2026-11-28T08:00:00.000Z 192.0.2.1 udp complete",
                "2026-11-28T08:00:01.000Z 192.0.2.1 udp tor",
                "2026-11-28T09:00:00.000Z 192.0.2.1 udp next");
    }

    @Test
    void closingStoresEverythingAlreadyQueued() throws Exception {
        GroupCommitWriter writer = writer(ChannelForcer.FDATASYNC, new MutableClock(NOON));
        int frames = 20_000;
        for (int i = 0; i < frames; i++) writer.put(frame("m" + i, NOON, "192.0.2." + (i % 10)));

        writer.start();
        writer.close();

        assertThat(counters.forListener("udp").snapshot().stored()).isEqualTo(frames);
        long lines = 0;
        for (int d = 0; d < 10; d++) lines += lines("logs/ip-192-0-2-" + d + "/2026-11-28.log").size();
        assertThat(lines).isEqualTo(frames);
        assertThat(writer.stats().openFiles()).isZero();
    }

    @Test
    void framesPutAfterCloseAreRefused() throws Exception {
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, new MutableClock(NOON));
        writer.close();

        assertThatThrownBy(() -> writer.put(frame("late", NOON, "192.0.2.1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingDiskLosesNoLineAndWritesNoLineTwice() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        ChannelForcer failingThrice = (channel, file) -> {
            if (failuresLeft.getAndDecrement() > 0) throw new IOException("No space left on device");
            channel.force(false);
        };
        GroupCommitWriter writer = writer(failingThrice, new MutableClock(NOON));
        List<Boolean> healthSeen = Collections.synchronizedList(new ArrayList<>());
        writer.addAppendListener((deviceDay, size) -> healthSeen.add(true));
        writer.put(frame("first", NOON, "192.0.2.1"));
        writer.put(frame("second", NOON, "192.0.2.1"));

        writer.start();
        await("the writer reports the failure", () -> !writer.healthy() || counters.forListener("udp").snapshot().stored() == 2);
        awaitStored(2);

        assertThat(lines("logs/ip-192-0-2-1/2026-11-28.log")).containsExactly(
                "2026-11-28T09:00:00.000Z 192.0.2.1 udp first",
                "2026-11-28T09:00:00.000Z 192.0.2.1 udp second");
        assertThat(writer.stats().ioErrors()).isEqualTo(3);
        // the lines count as stored inside the successful write; health turns back right after it
        await("the writer reports health again", writer::healthy);
        assertThat(healthSeen).hasSize(1);
    }

    @Test
    void theQueueDepthShowsFramesNotYetTaken() throws Exception {
        GroupCommitWriter writer = writer(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        for (int i = 0; i < 5; i++) writer.put(frame("m" + i, NOON, "192.0.2.1"));

        assertThat(writer.queueDepth()).isEqualTo(5);
        writer.start();
        awaitStored(5);
        assertThat(writer.queueDepth()).isZero();
    }

    @Test
    void filesOfPastDaysAreClosed() throws Exception {
        MutableClock clock = new MutableClock(NOON);
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, clock);
        writer.put(frame("today", NOON, "192.0.2.1"));
        awaitStored(1);
        assertThat(writer.stats().openFiles()).isEqualTo(1);

        Instant tomorrow = NOON.plusSeconds(86_400);
        clock.set(tomorrow);
        writer.put(frame("tomorrow", tomorrow, "192.0.2.2"));
        awaitStored(2);

        await("yesterday's file is closed", () -> writer.stats().openFiles() == 1);
        assertThat(lines("logs/ip-192-0-2-2/2026-11-29.log")).hasSize(1);
    }

    @Test
    void aDeviceHintThatIsNoValidIdCannotLeadOutOfTheDataFolder() throws Exception {
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        writer.put(new RawFrame("x".getBytes(StandardCharsets.UTF_8), NOON, TestFrames.ip("192.0.2.9"), "file:evil",
                "../../../etc"));
        awaitStored(1, "file:evil");

        assertThat(lines("logs/ip-192-0-2-9/2026-11-28.log")).hasSize(1);
        try (Stream<Path> all = Files.walk(dataDir.getParent(), 3)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("2026-11-28.log")))
                    .allMatch(p -> p.startsWith(dataDir.resolve("logs")));
        }
    }

    @Test
    void anArrivalTimeWithoutACalendarDayGoesToTodaysFileUnchanged() throws Exception {
        GroupCommitWriter writer = started(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        writer.put(frame("broken clock", Instant.MAX, "192.0.2.1"));
        awaitStored(1);

        assertThat(lines("logs/ip-192-0-2-1/2026-11-28.log")).singleElement().asString()
                .startsWith("+1000000000-12-31T23:59:59.999Z 192.0.2.1 udp broken clock");
    }

    @Test
    void onlyOneWriterMayWriteADataFolder() throws Exception {
        started(ChannelForcer.FDATASYNC, new MutableClock(NOON));
        GroupCommitWriter second = writer(ChannelForcer.FDATASYNC, new MutableClock(NOON));

        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("another writer");
    }

    @Test
    void statsCountBatchesAndForcedFiles() throws Exception {
        GroupCommitWriter writer = writer(ChannelForcer.FDATASYNC, new MutableClock(NOON));
        writer.put(frame("a", NOON, "192.0.2.1"));
        writer.put(frame("b", NOON, "192.0.2.2"));

        writer.start();
        awaitStored(2);

        WriterStats stats = writer.stats();
        assertThat(stats.stored()).isEqualTo(2);
        assertThat(stats.batches()).isEqualTo(1);
        assertThat(stats.fsyncs()).isEqualTo(2);
    }

    private GroupCommitWriter writer(ChannelForcer forcer, MutableClock clock) {
        layout = new DailyFileLayout(dataDir, ISTANBUL);
        GroupCommitWriter writer = new GroupCommitWriter(layout, new SenderAddressResolver(), counters,
                WriterOptions.defaults().withMaxRetryDelay(java.time.Duration.ofMillis(100)), forcer, clock);
        writers.add(writer);
        return writer;
    }

    private GroupCommitWriter started(ChannelForcer forcer, MutableClock clock) throws IOException {
        GroupCommitWriter writer = writer(forcer, clock);
        writer.start();
        return writer;
    }

    private void awaitStored(long n) throws InterruptedException {
        awaitStored(n, "udp");
    }

    private void awaitStored(long n, String listener) throws InterruptedException {
        await(n + " frames stored", () -> counters.forListener(listener).snapshot().stored() >= n);
    }

    private List<String> lines(String relative) throws IOException {
        return Files.readAllLines(dataDir.resolve(relative), StandardCharsets.UTF_8);
    }

    static DeviceId device(String id) {
        return new DeviceId(id);
    }
}
