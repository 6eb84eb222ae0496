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

    private EventRow row(DeviceId device, int secondsAfterT0, Integer severity, String message) {
        long offset = offsets.merge(device, 100L, Long::sum) - 100;
        LogEvent event = new LogEvent(LogEvent.Format.RFC5424, 4, severity, T0, "host-" + device, "sshd", "42", "ID47",
                List.of(new LogEvent.StructuredElement("meta", List.of(Map.entry("seq", String.valueOf(secondsAfterT0))))),
                message, false, null);
        return new EventRow(new DeviceDay(device, LocalDate.of(2026, 11, 28)), offset, T0.plusSeconds(secondsAfterT0),
                "192.0.2.1", "udp", event);
    }
}
