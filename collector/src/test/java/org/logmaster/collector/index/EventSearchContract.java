package org.logmaster.collector.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.store.DeviceDay;

/** How search behaves, whatever the database; run against H2 and PostgreSQL by the subclasses. */
abstract class EventSearchContract {
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final DeviceId FW1 = new DeviceId("fw-1");
    private static final DeviceId FW2 = new DeviceId("fw-2");
    private static final DeviceId AP1 = new DeviceId("ap-1");

    @TempDir
    Path dataDir;

    private IndexDatabase database;
    private EventSearch search;
    private final Map<DeviceId, Long> offsets = new java.util.HashMap<>();

    /** An empty index database for one test (H2: a new file; PostgreSQL: the class's schema, emptied). */
    abstract IndexConfig emptyIndex();

    @BeforeEach
    void fill() {
        database = IndexDatabase.open(emptyIndex());
        search = new EventSearch(database);
        List<EventRow> rows = new ArrayList<>();
        rows.add(row(FW1, 0, 6, "Accepted password for ali"));
        rows.add(row(FW1, 1, 3, "Failed password for root"));
        rows.add(row(FW2, 2, 4, "link down on ge-0/0/1"));
        rows.add(row(AP1, 3, null, "no priority here"));
        rows.add(row(FW2, 4, 2, "FAILED to load 100%_rules"));
        rows.add(row(FW1, 5, 7, "debug noise"));
        new EventRepository(database).store(rows, Map.of());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void withoutFiltersEverythingComesInArrivalOrderWithTheTotal() {
        SearchResult result = search.search(SearchQuery.all());

        assertThat(result.total()).isEqualTo(6);
        assertThat(result.events()).extracting(IndexedEvent::message).containsExactly(
                "Accepted password for ali", "Failed password for root", "link down on ge-0/0/1",
                "no priority here", "FAILED to load 100%_rules", "debug noise");
    }

    @Test
    void filtersByDevices() {
        SearchResult result = search.search(SearchQuery.all().withDevices(FW2, AP1));

        assertThat(result.events()).extracting(IndexedEvent::deviceId).containsExactly("fw-2", "ap-1", "fw-2");
        assertThat(result.total()).isEqualTo(3);
    }

    @Test
    void filtersByArrivalTimeFromInclusiveToExclusive() {
        SearchResult result = search.search(SearchQuery.all().withTimeRange(T0.plusSeconds(1), T0.plusSeconds(3)));

        assertThat(result.events()).extracting(IndexedEvent::message)
                .containsExactly("Failed password for root", "link down on ge-0/0/1");
    }

    @Test
    void filtersBySeverityAtOrBelowLeavingOutEventsWithoutOne() {
        SearchResult result = search.search(SearchQuery.all().withMaxSeverity(3));

        assertThat(result.events()).extracting(IndexedEvent::severity).containsExactly(3, 2);
    }

    @Test
    void textMatchesAnySubstringOfTheMessageIgnoringCase() {
        SearchResult result = search.search(SearchQuery.all().withText("failed"));

        assertThat(result.events()).extracting(IndexedEvent::message)
                .containsExactly("Failed password for root", "FAILED to load 100%_rules");
    }

    @Test
    void likeWildcardsInTheTextAreTakenLiterally() {
        assertThat(search.search(SearchQuery.all().withText("100%_r")).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.all().withText("%")).total()).isEqualTo(1);
        assertThat(search.search(SearchQuery.all().withText("_")).total()).isEqualTo(1);
    }

    @Test
    void filtersCombine() {
        SearchResult result = search.search(SearchQuery.all().withDevices(FW1).withText("password").withMaxSeverity(4));

        assertThat(result.events()).extracting(IndexedEvent::message).containsExactly("Failed password for root");
        assertThat(result.total()).isEqualTo(1);
    }

    @Test
    void pagesFollowEachOtherAndKeepTheTotal() {
        SearchResult first = search.search(SearchQuery.all().withPage(4, 0));
        SearchResult second = search.search(SearchQuery.all().withPage(4, 4));

        assertThat(first.events()).hasSize(4);
        assertThat(second.events()).extracting(IndexedEvent::message).containsExactly("FAILED to load 100%_rules", "debug noise");
        assertThat(first.total()).isEqualTo(6);
        assertThat(second.total()).isEqualTo(6);
    }

    @Test
    void eventsArrivedAtTheSameMomentAreOrderedByIdSoPagesAreStable() {
        List<EventRow> same = new ArrayList<>();
        for (int i = 0; i < 5; i++) same.add(row(AP1, 100, null, "same moment " + i));
        new EventRepository(database).store(same, Map.of());

        SearchResult result = search.search(SearchQuery.all().withText("same moment"));

        assertThat(result.events()).extracting(IndexedEvent::message)
                .containsExactly("same moment 0", "same moment 1", "same moment 2", "same moment 3", "same moment 4");
        assertThat(result.events()).extracting(IndexedEvent::id).isSorted();
    }

    @Test
    void aResultCarriesEveryColumn() {
        IndexedEvent event = search.search(SearchQuery.all().withText("link down")).events().getFirst();

        assertThat(event.deviceId()).isEqualTo("fw-2");
        assertThat(event.fileDay()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(event.fileOffset()).isEqualTo(0);
        assertThat(event.arrival()).isEqualTo(T0.plusSeconds(2));
        assertThat(event.sender()).isEqualTo("192.0.2.1");
        assertThat(event.listener()).isEqualTo("udp");
        assertThat(event.format()).isEqualTo("RFC5424");
        assertThat(event.malformed()).isFalse();
        assertThat(event.facility()).isEqualTo(4);
        assertThat(event.severity()).isEqualTo(4);
        assertThat(event.deviceTime()).isEqualTo(T0);
        assertThat(event.hostname()).isEqualTo("host-fw-2");
        assertThat(event.appName()).isEqualTo("sshd");
        assertThat(event.procId()).isEqualTo("42");
        assertThat(event.msgId()).isEqualTo("ID47");
        assertThat(event.structuredData()).isEqualTo("[{\"id\":\"meta\",\"params\":[[\"seq\",\"2\"]]}]");
    }

    @Test
    void pagesByPositionCoverEveryMatchOnceInBothOrders() {
        long snapshot = search.lastId();
        List<String> oldestFirst = allPages(snapshot, EventSearch.Order.OLDEST_FIRST, 4);
        List<String> newestFirst = allPages(snapshot, EventSearch.Order.NEWEST_FIRST, 4);

        assertThat(oldestFirst).containsExactly("Accepted password for ali", "Failed password for root",
                "link down on ge-0/0/1", "no priority here", "FAILED to load 100%_rules", "debug noise");
        assertThat(newestFirst).containsExactlyElementsOf(oldestFirst.reversed());
    }

    @Test
    void rowsAddedAfterTheSnapshotChangeNeitherPagesNorTotal() {
        long snapshot = search.lastId();
        List<IndexedEvent> first = search.page(SearchQuery.all().withPage(3, 0), snapshot, EventSearch.Order.OLDEST_FIRST, null);
        // rows that arrived earlier than anything on the pages, indexed only now (a late catch-up)
        new EventRepository(database).store(List.of(row(AP1, -60, 1, "late early row"), row(AP1, 2, 1, "late middle row")), Map.of());

        List<IndexedEvent> second = search.page(SearchQuery.all().withPage(3, 0), snapshot, EventSearch.Order.OLDEST_FIRST,
                EventSearch.Position.of(first.getLast()));

        assertThat(second).extracting(IndexedEvent::message)
                .containsExactly("no priority here", "FAILED to load 100%_rules", "debug noise");
        assertThat(search.count(SearchQuery.all(), snapshot)).isEqualTo(6);
        assertThat(search.count(SearchQuery.all(), search.lastId())).isEqualTo(8);
    }

    @Test
    void afterAnIdComeTheMatchingRowsWithLargerIdsInIdOrder() {
        List<IndexedEvent> all = search.search(SearchQuery.all()).events();

        List<IndexedEvent> after = search.after(SearchQuery.all().withDevices(FW1), all.get(1).id(), 10);

        assertThat(after).extracting(IndexedEvent::message).containsExactly("debug noise");
        assertThat(search.after(SearchQuery.all(), all.get(1).id(), 2)).extracting(IndexedEvent::id)
                .containsExactly(all.get(2).id(), all.get(3).id());
        assertThat(search.exists(all.get(0).id())).isTrue();
        assertThat(search.exists(search.lastId() + 1)).isFalse();
    }

    @Test
    void aHistogramCountsEachIntervalEmptyOnesIncludedAndTheLastMayBeShorter() {
        long[] counts = search.histogram(SearchQuery.all(), T0, T0.plusSeconds(5), java.time.Duration.ofSeconds(2));

        // rows at +0 +1 | +2 +3 | +4 (+5 is outside [T0, T0+5))
        assertThat(counts).containsExactly(2, 2, 1);
        assertThat(search.histogram(SearchQuery.all().withDevices(FW2), T0.minusSeconds(4), T0.plusSeconds(6),
                java.time.Duration.ofSeconds(2))).containsExactly(0, 0, 0, 1, 1);
        assertThat(search.histogram(SearchQuery.all(), T0.plusMillis(500), T0.plusMillis(2500),
                java.time.Duration.ofMillis(500))).containsExactly(0, 1, 0, 1);
    }

    @Test
    void aHistogramWithTooManyIntervalsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        search.histogram(SearchQuery.all(), T0, T0.plusSeconds(20_000), java.time.Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
    }

    @Test
    void aDeviceIncludesWhatItsFormerIdHeldUntilItWasAssigned() {
        DeviceId registered = new DeviceId("mac-001a2b3c4d5e");
        EventSearch withAliases = new EventSearch(database, devices -> devices.contains(registered)
                ? List.of(new DeviceAlias(registered, FW2, null, T0.plusSeconds(3))) : List.of());
        new EventRepository(database).store(List.of(row(registered, 6, 5, "after registration")), Map.of());

        assertThat(withAliases.search(SearchQuery.all().withDevices(registered)).events()).extracting(IndexedEvent::message)
                .containsExactly("link down on ge-0/0/1", "after registration");
        assertThat(withAliases.search(SearchQuery.all().withDevices(FW2)).total()).isEqualTo(2);
    }

    @Test
    void theInMemoryMatcherAgreesWithTheDatabase() {
        List<IndexedEvent> all = search.search(SearchQuery.all()).events();
        List<SearchQuery> queries = List.of(SearchQuery.all(), SearchQuery.all().withDevices(FW1, AP1),
                SearchQuery.all().withMaxSeverity(4), SearchQuery.all().withText("FaIlEd"), SearchQuery.all().withText("100%_"),
                SearchQuery.all().withTimeRange(T0.plusSeconds(1), T0.plusSeconds(4)),
                SearchQuery.all().withDevices(FW1).withText("password").withMaxSeverity(6));
        for (SearchQuery query : queries) {
            assertThat(all.stream().filter(search.matcher(query)).toList()).as(query.toString())
                    .isEqualTo(search.search(query).events());
        }
    }

    @Test
    void storingWithReadBackReturnsTheStoredRowsWithTheirIds() {
        List<EventRow> rows = List.of(row(AP1, 10, 1, "read back one"), row(AP1, 11, 2, "read back two"));

        List<IndexedEvent> stored = new EventRepository(database).store(rows, Map.of(), true);

        assertThat(stored).extracting(IndexedEvent::message).containsExactly("read back one", "read back two");
        assertThat(stored).isEqualTo(search.search(SearchQuery.all().withText("read back")).events());
    }

    private List<String> allPages(long snapshot, EventSearch.Order order, int pageSize) {
        List<String> messages = new ArrayList<>();
        EventSearch.Position after = null;
        while (true) {
            List<IndexedEvent> page = search.page(SearchQuery.all().withPage(pageSize, 0), snapshot, order, after);
            page.forEach(e -> messages.add(e.message()));
            if (page.size() < pageSize) return messages;
            after = EventSearch.Position.of(page.getLast());
        }
    }

    private EventRow row(DeviceId device, int secondsAfterT0, Integer severity, String message) {
        long offset = offsets.merge(device, 100L, Long::sum) - 100;
        LogEvent event = new LogEvent(LogEvent.Format.RFC5424, 4, severity, T0, "host-" + device, "sshd", "42", "ID47",
                List.of(new LogEvent.StructuredElement("meta", List.of(Map.entry("seq", String.valueOf(secondsAfterT0))))),
                message, false, null);
        return new EventRow(new DeviceDay(device, LocalDate.of(2026, 11, 28)), offset, T0.plusSeconds(secondsAfterT0),
                "192.0.2.1", "udp", event);
    }
}
