package org.logmaster.collector.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logmaster.collector.index.schema.Tables.EVENTS;
import static org.logmaster.collector.store.TestFrames.await;
import static org.logmaster.collector.store.TestFrames.frame;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.SenderAddressResolver;
import org.logmaster.collector.index.schema.tables.records.EventsRecord;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.RawFrame;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.MessageParser;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.DailyLine;
import org.logmaster.collector.store.GroupCommitWriter;
import org.logmaster.collector.store.WriterOptions;

/** How the indexer behaves, whatever the database; run against H2 and PostgreSQL by the subclasses. */
abstract class IndexerContract {
    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final Instant MORNING = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final CounterRegistry counters = new CounterRegistry();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private DailyFileLayout layout;

    private IndexConfig indexConfig;

    /** An empty index database for one test (H2: a new file; PostgreSQL: the class's schema, emptied). */
    abstract IndexConfig emptyIndex();

    @BeforeEach
    void layoutAndIndex() {
        layout = new DailyFileLayout(dataDir, ISTANBUL);
        indexConfig = emptyIndex();
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!toClose.isEmpty()) toClose.pop().close();
    }

    @Test
    void catchingUpIndexesEveryStoredLineExactlyOnce() throws Exception {
        int frames = 600;
        writeWithoutIndexer(frames(frames, 3, MORNING, Duration.ofMinutes(5)));  // three devices, three days

        IndexDatabase first = open();
        Indexer catchingUp = started(first, new PriorityOnlyParser());
        assertThat(catchingUp.awaitCaughtUp(WAIT)).isTrue();
        assertThat(new EventRepository(first).count()).isEqualTo(frames);
        catchingUp.close();
        first.close();

        IndexDatabase second = open();
        Indexer again = started(second, new PriorityOnlyParser());
        assertThat(again.awaitCaughtUp(WAIT)).isTrue();
        assertThat(new EventRepository(second).count()).isEqualTo(frames);
        assertThat(again.stats().indexedRows()).isZero();
    }

    @Test
    void linesAppendedWhileRunningAreIndexed() throws Exception {
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        GroupCommitWriter writer = writer(indexer);

        for (RawFrame frame : frames(500, 5, MORNING, Duration.ofSeconds(1))) writer.put(frame);
        await("500 frames stored", () -> counters.forListener("udp").snapshot().stored() == 500);

        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
        assertThat(new EventRepository(database).count()).isEqualTo(500);
        assertThat(indexer.lagBytes()).isZero();
    }

    @Test
    void catchingUpContinuesWhereThePreviousRunStopped() throws Exception {
        writeWithoutIndexer(frames(100, 2, MORNING, Duration.ofSeconds(1)));
        try (IndexDatabase database = IndexDatabase.open(indexConfig)) {
            Indexer indexer = new Indexer(layout, new EventRepository(database), new PriorityOnlyParser(), counters,
                    IndexerOptions.defaults().withBatchRows(7));
            indexer.start();
            assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
            indexer.close();
        }
        writeWithoutIndexer(frames(50, 2, MORNING.plusSeconds(100), Duration.ofSeconds(1)));

        IndexDatabase database = open();
        Indexer restarted = started(database, new PriorityOnlyParser());

        assertThat(restarted.awaitCaughtUp(WAIT)).isTrue();
        assertThat(restarted.stats().indexedRows()).isEqualTo(50);
        assertThat(new EventRepository(database).count()).isEqualTo(150);
        assertThat(database.dsl().selectDistinct(EVENTS.DEVICE_ID, EVENTS.FILE_DAY, EVENTS.FILE_OFFSET).from(EVENTS)
                .fetch()).hasSize(150);
    }

    @Test
    void eachRowPointsAtItsLineInTheDailyFile() throws Exception {
        writeWithoutIndexer(frames(40, 2, MORNING, Duration.ofSeconds(30)));
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();

        List<EventsRecord> rows = database.dsl().selectFrom(EVENTS).orderBy(EVENTS.ID).fetch();
        assertThat(rows).hasSize(40);
        for (EventsRecord row : rows) {
            DailyLine line = lineAt(dataDir.resolve("logs").resolve(row.getDeviceId()).resolve(row.getFileDay() + ".log"),
                    row.getFileOffset());
            assertThat(row.getArrivalTime().toInstant()).isEqualTo(line.arrival());
            assertThat(row.getSender()).isEqualTo(line.sender());
            assertThat(row.getListener()).isEqualTo(line.listener());
            assertThat("<134>" + row.getMessage()).isEqualTo(new String(line.raw(), StandardCharsets.UTF_8));
            assertThat(row.getSeverity()).isEqualTo((short) 6);
            assertThat(row.getFacility()).isEqualTo((short) 16);
        }
    }

    @Test
    void indexListenersSeeEveryCommittedRowOnce() throws Exception {
        writeWithoutIndexer(frames(30, 3, MORNING, Duration.ofSeconds(1)));
        IndexDatabase database = open();
        Indexer indexer = new Indexer(layout, new EventRepository(database), new PriorityOnlyParser(), counters,
                IndexerOptions.defaults().withBatchRows(4));
        List<EventRow> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        indexer.addIndexListener(seen::addAll);
        indexer.start();
        toClose.push(indexer);

        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();

        assertThat(seen).hasSize(30);
        assertThat(seen).extracting(row -> row.event().message()).doesNotHaveDuplicates();
    }

    @Test
    void parsedAndMalformedAreCountedPerListener() throws Exception {
        List<RawFrame> frames = new ArrayList<>();
        frames.add(frame("<13>fine", MORNING, "192.0.2.1", "udp"));
        frames.add(frame("<13>bad one", MORNING, "192.0.2.1", "udp"));
        frames.add(frame("<13>fine too", MORNING, "192.0.2.1", "tcp"));
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        GroupCommitWriter writer = writer(indexer);

        for (RawFrame frame : frames) writer.put(frame);
        await("3 frames stored", () -> counters.forListener("udp").snapshot().stored()
                + counters.forListener("tcp").snapshot().stored() == 3);
        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();

        assertThat(counters.forListener("udp").snapshot().parsed()).isEqualTo(2);
        assertThat(counters.forListener("udp").snapshot().malformed()).isEqualTo(1);
        assertThat(counters.forListener("tcp").snapshot().parsed()).isEqualTo(1);
        assertThat(counters.forListener("tcp").snapshot().malformed()).isZero();
        assertThat(indexer.stats().malformed()).isEqualTo(1);
        assertThat(database.dsl().fetchCount(EVENTS, EVENTS.MALFORMED.isTrue())).isEqualTo(1);
    }

    @Test
    void aLineThatIsNotInTheLineFormatIsIndexedFlagged() throws Exception {
        Path file = Files.createDirectories(dataDir.resolve("logs/fw-1")).resolve("2026-11-27.log");
        Files.writeString(file, """
                2026-11-27T06:00:00.000Z 192.0.2.1 udp <13>before
                someone edited this file
                2026-11-27T06:00:02.000Z 192.0.2.1 udp <13>after
                """);
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();

        List<EventsRecord> rows = database.dsl().selectFrom(EVENTS).orderBy(EVENTS.FILE_OFFSET).fetch();
        assertThat(rows).extracting(EventsRecord::getMessage).containsExactly("before", "someone edited this file", "after");
        EventsRecord flagged = rows.get(1);
        assertThat(flagged.getMalformed()).isTrue();
        assertThat(flagged.getParseError()).startsWith("undecodable line in daily file");
        assertThat(flagged.getArrivalTime().toInstant()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
        assertThat(indexer.stats().undecodable()).isEqualTo(1);
    }

    @Test
    void aTornLastLineIsIndexedOnlyOnceTheWriterHasCompletedIt() throws Exception {
        Instant today = Instant.now();
        String day = layout.dayOf(today).toString();
        Path file = Files.createDirectories(dataDir.resolve("logs/ip-192-0-2-1")).resolve(day + ".log");
        Files.writeString(file, day + "T00:00:00.000Z 192.0.2.1 udp <13>complete\n" + day + "T00:00:01.000Z 192.0.2.1 udp <13>tor");
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
        assertThat(new EventRepository(database).count()).isEqualTo(1);

        GroupCommitWriter writer = writer(indexer);
        writer.put(frame("<13>next", today, "192.0.2.1"));
        await("1 frame stored", () -> counters.forListener("udp").snapshot().stored() == 1);

        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
        assertThat(database.dsl().select(EVENTS.MESSAGE).from(EVENTS).orderBy(EVENTS.FILE_OFFSET).fetch(EVENTS.MESSAGE))
                .containsExactly("complete", "tor", "next");
    }

    @Test
    void textTheDatabaseCannotHoldIsFittedNotRefused() throws Exception {
        String longHost = "h".repeat(1000);
        MessageParser oddParser = (message, context) -> new LogEvent(LogEvent.Format.RFC5424, 1, 2, Instant.parse("+99999-01-01T00:00:00Z"),
                longHost, "app", "1", "ID", List.of(new LogEvent.StructuredElement("origin", List.of(Map.entry("ip", "192.0.2.1")))),
                "nul\u0000inside", false, null);
        writeWithoutIndexer(List.of(frame("x", MORNING, "192.0.2.1")));
        IndexDatabase database = open();
        Indexer indexer = started(database, oddParser);
        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();

        EventsRecord row = database.dsl().selectFrom(EVENTS).fetchSingle();
        assertThat(row.getHostname()).hasSize(255);
        assertThat(row.getMessage()).isEqualTo("nul\uFFFDinside");
        assertThat(row.getDeviceTime()).isNull();
        assertThat(row.getStructuredData()).isEqualTo("[{\"id\":\"origin\",\"params\":[[\"ip\",\"192.0.2.1\"]]}]");
    }

    @Test
    void aParserThatThrowsDoesNotStopIndexing() throws Exception {
        MessageParser broken = (message, context) -> {
            throw new IllegalStateException("parser bug");
        };
        writeWithoutIndexer(List.of(frame("<13>x", MORNING, "192.0.2.1")));
        IndexDatabase database = open();
        Indexer indexer = started(database, broken);
        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();

        EventsRecord row = database.dsl().selectFrom(EVENTS).fetchSingle();
        assertThat(row.getMalformed()).isTrue();
        assertThat(row.getMessage()).isEqualTo("<13>x");
        assertThat(row.getParseError()).contains("parser bug");
    }

    // --- helpers

    @Test
    void subscribersGetEveryCommittedRowOnceWithItsId() throws Exception {
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        List<IndexedEvent> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        Indexer.Subscription subscription = indexer.subscribe(delivered::addAll);
        GroupCommitWriter writer = writer(indexer);

        for (RawFrame frame : frames(700, 3, MORNING, Duration.ofSeconds(1))) writer.put(frame);
        await("700 rows delivered", () -> delivered.size() >= 700);
        subscription.close();

        assertThat(delivered).isEqualTo(new EventSearch(database).search(SearchQuery.all().withPage(1000, 0)).events().stream()
                .sorted(java.util.Comparator.comparingLong(IndexedEvent::id)).toList());
    }

    @Test
    void aResumedTailReplaysFromTheIndexThenGoesLiveWithoutGapOrDuplicate() throws Exception {
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        GroupCommitWriter writer = writer(indexer);
        for (RawFrame frame : frames(1200, 1, MORNING, Duration.ofMillis(10))) writer.put(frame);
        await("1200 indexed", () -> new EventRepository(database).count() == 1200);
        EventSearch search = new EventSearch(database);
        List<IndexedEvent> before = search.search(SearchQuery.all().withPage(1200, 0)).events();

        List<String> received = new ArrayList<>();
        try (LiveTail tail = new LiveTail(indexer, search, SearchQuery.all(), before.get(99).id(), 10_000, 1 << 24)) {
            for (RawFrame frame : frames(300, 1, MORNING.plusSeconds(60), Duration.ofMillis(10))) writer.put(frame);
            while (received.size() < 1400) {
                TailBuffer.Item item = tail.next(WAIT);
                assertThat(item).as("item " + received.size()).isInstanceOf(TailBuffer.Event.class);
                received.add(((TailBuffer.Event) item).event().message());
            }
            assertThat(tail.next(Duration.ofMillis(200))).isNull();
        }

        List<String> expected = new ArrayList<>();
        for (int i = 100; i < 1200; i++) expected.add("message " + i);
        for (int i = 0; i < 300; i++) expected.add("message " + i);
        assertThat(received).containsExactlyElementsOf(expected);
    }

    @Test
    void aTailThatIsNotReadGetsAGapCountingExactlyWhatItSkipped() throws Exception {
        IndexDatabase database = open();
        Indexer indexer = started(database, new PriorityOnlyParser());
        GroupCommitWriter writer = writer(indexer);
        EventSearch search = new EventSearch(database);

        try (LiveTail tail = new LiveTail(indexer, search, SearchQuery.all().withText("message"), -1, 50, 1 << 24)) {
            for (RawFrame frame : frames(500, 2, MORNING, Duration.ofMillis(10))) writer.put(frame);
            assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
            await("500 indexed", () -> new EventRepository(database).count() == 500);

            List<TailBuffer.Item> items = new ArrayList<>();
            for (TailBuffer.Item item = tail.next(Duration.ZERO); item != null; item = tail.next(Duration.ZERO)) items.add(item);

            assertThat(items).hasSize(51);
            assertThat(items.getLast()).isInstanceOfSatisfying(TailBuffer.Gap.class, gap -> {
                assertThat(gap.skipped()).isEqualTo(450);
                assertThat(gap.lastId()).isEqualTo(search.lastId());
            });
            writer.put(frame("<134>message after the gap", MORNING.plusSeconds(60), "192.0.2.1"));
            assertThat(tail.next(WAIT)).isInstanceOfSatisfying(TailBuffer.Event.class,
                    e -> assertThat(e.event().message()).isEqualTo("message after the gap"));
        }
    }

    @Test
    void theParseStepIsToldEachDevicesRegisteredTypeAsTheDialectHint() throws Exception {
        writeWithoutIndexer(frames(20, 2, MORNING, Duration.ofSeconds(1)));
        Map<String, String> hints = new java.util.concurrent.ConcurrentHashMap<>();
        MessageParser recording = new MessageParser() {
            @Override
            public LogEvent parse(byte[] message, ParseContext context) {
                throw new AssertionError("the indexer must pass the hint");
            }

            @Override
            public LogEvent parse(byte[] message, ParseContext context, String dialectHint) {
                hints.put(new String(message, StandardCharsets.UTF_8), dialectHint == null ? "(detect)" : dialectHint);
                return LogEvent.raw(new String(message, StandardCharsets.UTF_8), "test");
            }
        };
        IndexDatabase database = open();
        Indexer indexer = new Indexer(layout, new EventRepository(database), recording, counters, IndexerOptions.defaults());
        indexer.deviceTypes(device -> device.value().equals("ip-192-0-2-1") ? "fortigate" : null);
        indexer.start();
        toClose.push(indexer);

        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
        assertThat(hints).containsEntry("<134>message 0", "fortigate").containsEntry("<134>message 1", "(detect)");
    }

    @Test
    void vendorFieldsOfIndexedLinesAreSearchable() throws Exception {
        writeWithoutIndexer(List.of(
                frame("<30>Nov 27 09:00:00 gw dhcpd[1]: DHCPACK on 10.0.0.5 to 74:83:c2:c3:31:7f (phone) via igb1", MORNING, "192.0.2.1"),
                frame("<30>Nov 27 09:00:01 gw dhcpd[1]: DHCPACK on 10.0.0.6 to 74:83:c2:c3:31:80 (tv) via igb1", MORNING, "192.0.2.1")));
        IndexDatabase database = open();
        Indexer indexer = started(database, new org.logmaster.collector.parse.SyslogParser(ISTANBUL));

        assertThat(indexer.awaitCaughtUp(WAIT)).isTrue();
        SearchResult result = new EventSearch(database).search(SearchQuery.all()
                .withFields(FieldFilter.parseAll(List.of("srcip=10.0.0.5 dialect=isc-dhcpd"))));
        assertThat(result.events()).singleElement().satisfies(e -> assertThat(e.fields())
                .containsEntry("mac", "74:83:c2:c3:31:7f").containsEntry("event", "dhcp_ack"));
    }

    private IndexDatabase open() {
        IndexDatabase database = IndexDatabase.open(indexConfig);
        toClose.push(database);
        return database;
    }

    private Indexer started(IndexDatabase database, MessageParser parser) throws IOException {
        Indexer indexer = new Indexer(layout, new EventRepository(database), parser, counters, IndexerOptions.defaults());
        indexer.start();
        toClose.push(indexer);
        return indexer;
    }

    private GroupCommitWriter writer(Indexer indexer) throws IOException {
        GroupCommitWriter writer = new GroupCommitWriter(layout, new SenderAddressResolver(), counters, WriterOptions.defaults());
        writer.addAppendListener(indexer);
        writer.start();
        toClose.push(writer);
        return writer;
    }

    private void writeWithoutIndexer(List<RawFrame> frames) throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(layout, new SenderAddressResolver(), new CounterRegistry(),
                WriterOptions.defaults());
        writer.start();
        for (RawFrame frame : frames) writer.put(frame);
        writer.close();
    }

    /** {@code count} frames from {@code devices} senders, {@code step} apart. */
    private static List<RawFrame> frames(int count, int devices, Instant start, Duration step) {
        List<RawFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(frame("<134>message " + i, start.plus(step.multipliedBy(i)), "192.0.2." + (1 + i % devices)));
        }
        return frames;
    }

    private static DailyLine lineAt(Path file, long offset) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            return DailyLine.decode(raf.readLine().getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
