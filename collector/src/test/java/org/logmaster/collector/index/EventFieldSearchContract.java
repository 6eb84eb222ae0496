package org.logmaster.collector.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;
import org.logmaster.collector.store.DeviceDay;

/**
 * Searching by the normalised fields vendor dialects extract, whatever the database; run against
 * H2 and PostgreSQL by the subclasses. The rows are real vendor lines through the real parser.
 */
abstract class EventFieldSearchContract {
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final DeviceId FW = new DeviceId("fw-1");
    private static final DeviceId DHCP = new DeviceId("dhcp-1");
    private static final String DENY_FROM_111 = "<189>date=2024-06-01 time=14:21:00 devname=\"FGT\" devid=\"FGT60ETK19000001\" logid=\"0000000013\" type=\"traffic\""
            + " subtype=\"forward\" level=\"warning\" vd=\"root\" srcip=10.0.0.5 srcport=50000 srcintf=\"internal\" dstip=198.51.100.9"
            + " dstport=23 dstintf=\"wan1\" sessionid=1 proto=6 action=\"deny\" policyid=0 service=\"TELNET\" srcmac=\"3c:22:fb:00:11:33\"";
    private static final String ACCEPT_FROM_111 = "<189>date=2024-06-01 time=14:23:00 devname=FGT devid=FG100FTK20000002 logid=0000000020 type=traffic"
            + " subtype=forward level=notice vd=root srcip=10.0.0.5 srcport=40000 srcintf=port2 dstip=8.8.8.8 dstport=53"
            + " dstintf=port1 sessionid=77 proto=17 action=accept policyid=3 service=DNS user=\"ayse\"";
    private static final String DENY_FROM_112 = DENY_FROM_111.replace("srcip=10.0.0.5", "srcip=10.0.0.6");
    private static final String DHCP_ACK = "<30>Nov 28 09:00:00 gw dhcpd[2871]: DHCPACK on 10.0.0.5 to 74:83:c2:c3:31:7f (phone) via igb1";

    @TempDir
    Path dataDir;

    private IndexDatabase database;
    private EventSearch search;
    private final SyslogParser parser = new SyslogParser(ZoneOffset.UTC);
    private final Map<DeviceId, Long> offsets = new java.util.HashMap<>();

    abstract IndexConfig emptyIndex();

    @BeforeEach
    void fill() {
        database = IndexDatabase.open(emptyIndex());
        search = new EventSearch(database);
        List<EventRow> rows = new ArrayList<>();
        rows.add(row(FW, 0, DENY_FROM_111));
        rows.add(row(FW, 1, ACCEPT_FROM_111));
        rows.add(row(FW, 2, DENY_FROM_112));
        rows.add(row(DHCP, 3, DHCP_ACK));
        rows.add(row(FW, 4, "<14>plain text without fields mentioning 10.0.0.5"));
        new EventRepository(database).store(rows, Map.of());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SearchQuery fields(String... terms) {
        return SearchQuery.all().withFields(FieldFilter.parseAll(List.of(terms)));
    }

    @Test
    void aFieldFilterFindsTheEventsWithThatValueAndNotTheTextThatMentionsIt() {
        SearchResult result = search.search(fields("srcip=10.0.0.5"));

        assertThat(result.total()).isEqualTo(3);
        assertThat(result.events()).extracting(IndexedEvent::deviceId).containsExactly("fw-1", "fw-1", "dhcp-1");
    }

    @Test
    void severalFieldFiltersMustAllMatch() {
        SearchResult result = search.search(fields("srcip=10.0.0.5 action=deny"));

        assertThat(result.total()).isEqualTo(1);
        assertThat(result.events().getFirst().fields()).containsEntry("dst_port", "23").containsEntry("action", "deny");
    }

    @Test
    void searchResultsCarryEveryFieldOfTheirEventInVocabularyOrder() {
        IndexedEvent dhcp = search.search(fields("event=dhcp_ack")).events().getFirst();

        assertThat(dhcp.fields()).containsExactly(Map.entry("src_ip", "10.0.0.5"), Map.entry("mac", "74:83:c2:c3:31:7f"),
                Map.entry("event", "dhcp_ack"), Map.entry("client_host", "phone"), Map.entry("interface", "igb1"),
                Map.entry("dialect", "isc-dhcpd"));
    }

    @Test
    void eventsWithoutFieldsComeBackWithAnEmptyMap() {
        IndexedEvent plain = search.search(SearchQuery.all().withText("plain text")).events().getFirst();

        assertThat(plain.fields()).isEmpty();
    }

    @Test
    void fieldFiltersCombineWithDevicesAndText() {
        assertThat(search.search(fields("srcip=10.0.0.5").withDevices(DHCP)).total()).isEqualTo(1);
        assertThat(search.search(fields("user=ayse").withText("DNS")).total()).isEqualTo(1);
        assertThat(search.search(fields("user=ayse").withText("TELNET")).total()).isZero();
    }

    @Test
    void macValuesMatchWhateverTheCaseOrSeparatorOfTheQuery() {
        assertThat(search.search(fields("mac=74-83-C2-C3-31-7F")).total()).isEqualTo(1);
    }

    @Test
    void countAndPagesOfTheApiHonourFieldFilters() {
        SearchQuery query = fields("action=deny").withPage(1, 0);
        long snapshot = search.lastId();

        assertThat(search.count(query, snapshot)).isEqualTo(2);
        List<IndexedEvent> first = search.page(query, snapshot, EventSearch.Order.OLDEST_FIRST, null);
        List<IndexedEvent> second = search.page(query, snapshot, EventSearch.Order.OLDEST_FIRST, EventSearch.Position.of(first.getFirst()));
        assertThat(first).extracting(e -> e.fields().get("src_ip")).containsExactly("10.0.0.5");
        assertThat(second).extracting(e -> e.fields().get("src_ip")).containsExactly("10.0.0.6");
    }

    @Test
    void theLiveTailMatcherAppliesFieldFiltersToReadBackRows() {
        List<IndexedEvent> committed = new EventRepository(database).store(
                List.of(row(FW, 10, DENY_FROM_112), row(FW, 11, ACCEPT_FROM_111)), Map.of(), true);
        var matcher = search.matcher(fields("srcip=10.0.0.6 action=deny"));

        assertThat(committed).filteredOn(matcher).hasSize(1);
        assertThat(committed.getFirst().fields()).containsEntry("src_ip", "10.0.0.6");
    }

    @Test
    void valuesWithTabsBackslashesAndLineBreaksAreStoredAndFoundAsTheyAre() {
        String user = "DOMAIN\\ay\tse\nx";
        EventRow odd = row(FW, 20, ACCEPT_FROM_111);
        odd = new EventRow(odd.deviceDay(), odd.fileOffset(), odd.arrival(), odd.sender(), odd.listener(),
                odd.event().withFields(odd.event().fields().toBuilder().put(org.logmaster.collector.parse.Field.USER, user).build()));
        new EventRepository(database).store(List.of(odd), Map.of());

        SearchResult result = search.search(SearchQuery.all()
                .withFields(List.of(new FieldFilter(org.logmaster.collector.parse.Field.USER, user))));

        assertThat(result.events()).singleElement().satisfies(e -> assertThat(e.fields().get("user")).isEqualTo(user));
    }

    @Test
    void rowsStoredAgainBeyondTheProgressKeepOneCopyOfTheirFields() {
        List<EventRow> again = new ArrayList<>();
        again.add(row(FW, 30, DENY_FROM_112));
        EventRow first = again.getFirst();
        new EventRepository(database).store(again, Map.of());
        // a second writer or a restored backup: the same line comes again, with a new one after it
        again.add(row(FW, 31, DENY_FROM_112));
        new EventRepository(database).store(again, Map.of());

        SearchResult result = search.search(fields("srcip=10.0.0.6").withTimeRange(T0.plusSeconds(30), T0.plusSeconds(32)));

        assertThat(result.events()).extracting(IndexedEvent::fileOffset).containsExactly(first.fileOffset(), first.fileOffset() + 1000);
        assertThat(result.events()).allSatisfy(e -> assertThat(e.fields()).containsEntry("action", "deny"));
    }

    private EventRow row(DeviceId device, int secondsAfterT0, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        long offset = offsets.merge(device, 1000L, Long::sum) - 1000;
        Instant arrival = T0.plusSeconds(secondsAfterT0);
        return new EventRow(new DeviceDay(device, LocalDate.of(2026, 11, 28)), offset, arrival, "192.0.2.1", "udp",
                parser.parse(bytes, new ParseContext(arrival, ZoneOffset.UTC)));
    }
}
