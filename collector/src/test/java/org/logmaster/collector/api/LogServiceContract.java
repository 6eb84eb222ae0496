package org.logmaster.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logmaster.collector.apitest.ApiServer.withToken;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.logmaster.api.v1.DeviceServiceGrpc;
import org.logmaster.api.v1.Event;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.EventFormat;
import org.logmaster.api.v1.Facility;
import org.logmaster.api.v1.HistogramBucket;
import org.logmaster.api.v1.HistogramRequest;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.SearchResponse;
import org.logmaster.api.v1.Severity;
import org.logmaster.api.v1.SortOrder;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;
import org.logmaster.api.v1.TimeRange;
import org.logmaster.collector.apitest.ApiServer;
import org.logmaster.collector.apitest.TestDatabase;
import org.logmaster.collector.audit.AuditQuery;

/** LogService seen from a real client, over the real writer, indexer and index; run on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogServiceContract {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TAIL_BUFFER = 100;

    private ApiServer api;
    private LogServiceGrpc.LogServiceBlockingStub logs;
    private String viewerToken;
    private long sent;
    private int markers;

    abstract TestDatabase.Kind kind();

    @BeforeAll
    void start() throws Exception {
        api = ApiServer.withLogs(kind(), TAIL_BUFFER);
        viewerToken = api.login("viewer");
        logs = withToken(LogServiceGrpc.newBlockingStub(api.channel()), viewerToken);
    }

    @AfterAll
    void stop() throws Exception {
        if (api != null) api.close();
    }

    /** A text no other test uses. */
    private String marker() {
        return "marker" + (++markers) + "x";
    }

    /** Sends RFC 5424 messages "{text} {i}" from {@code ip}, one second apart from {@code start}. */
    private void send(String text, int count, Instant start, String ip) throws Exception {
        for (int i = 0; i < count; i++) {
            api.logs.send("<134>1 2025-03-01T09:00:00Z host app 7 ID1 [meta seq=\"" + i + "\"] " + text + " " + i,
                    start.plusSeconds(i), ip);
        }
        sent += count;
        api.logs.awaitIndexed(sent);
    }

    private static EventFilter text(String text) {
        return EventFilter.newBuilder().setText(text).build();
    }

    private List<Event> allPages(SearchRequest first) {
        List<Event> events = new ArrayList<>();
        SearchRequest request = first;
        while (true) {
            SearchResponse page = logs.search(request);
            events.addAll(page.getEventsList());
            if (page.getNextPageToken().isEmpty()) return events;
            request = request.toBuilder().setPageToken(page.getNextPageToken()).build();
        }
    }

    private static Timestamp ts(Instant instant) {
        return ProtoMapping.timestamp(instant);
    }

    private static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    @Test
    void searchByFieldsFindsTheDialectsEventsAndReturnsTheirFields() throws Exception {
        String m = marker();
        api.logs.send("<30>1 2025-03-01T09:00:00Z gw dhcpd 7 - - DHCPACK on 10.9.9.9 to 74:83:c2:c3:31:7f (" + m + ") via igb1",
                Instant.parse("2025-03-01T09:00:00Z"), "192.0.2.60");
        api.logs.send("<30>1 2025-03-01T09:00:01Z gw dhcpd 7 - - DHCPRELEASE of 10.9.9.9 from 74:83:c2:c3:31:7f (" + m + ") via igb1",
                Instant.parse("2025-03-01T09:00:01Z"), "192.0.2.60");
        sent += 2;
        api.logs.awaitIndexed(sent);

        SearchResponse response = logs.search(SearchRequest.newBuilder().setFilter(EventFilter.newBuilder()
                .addFields(org.logmaster.api.v1.FieldCondition.newBuilder().setName("clienthost").setValue(m))
                .addFields(org.logmaster.api.v1.FieldCondition.newBuilder().setName("event").setValue("dhcp_ack"))).build());

        assertThat(response.getTotalCount()).isEqualTo(1);
        assertThat(response.getEvents(0).getFieldsMap()).containsEntry("src_ip", "10.9.9.9")
                .containsEntry("mac", "74:83:c2:c3:31:7f").containsEntry("dialect", "isc-dhcpd");
    }

    @Test
    void anUnknownFieldNameIsAnInvalidArgument() {
        assertStatus(() -> logs.search(SearchRequest.newBuilder().setFilter(EventFilter.newBuilder()
                .addFields(org.logmaster.api.v1.FieldCondition.newBuilder().setName("colour").setValue("red"))).build()),
                Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void searchPagesCoverEveryMatchOnceNewestFirstWithTheTotal() throws Exception {
        String m = marker();
        send(m, 25, Instant.parse("2025-03-01T08:00:00Z"), "192.0.2.1");

        SearchResponse first = logs.search(SearchRequest.newBuilder().setFilter(text(m)).setPageSize(10).build());
        List<Event> all = allPages(SearchRequest.newBuilder().setFilter(text(m)).setPageSize(10).build());

        assertThat(first.getTotalCount()).isEqualTo(25);
        assertThat(first.getEventsList()).hasSize(10);
        assertThat(first.getEvents(0).getMessage()).isEqualTo(m + " 24");
        assertThat(all).extracting(Event::getMessage).doesNotHaveDuplicates().hasSize(25).last().isEqualTo(m + " 0");
    }

    @Test
    void searchPagesStayConsistentWhileMessagesArrive() throws Exception {
        String m = marker();
        Instant start = Instant.parse("2025-03-01T08:10:00Z");
        send(m, 30, start, "192.0.2.1");
        SearchRequest request = SearchRequest.newBuilder().setFilter(text(m)).setPageSize(7)
                .setOrder(SortOrder.SORT_ORDER_OLDEST_FIRST).build();
        SearchResponse first = logs.search(request);

        send(m, 20, start.minusSeconds(100), "192.0.2.2");   // earlier arrivals, indexed later
        List<Event> rest = allPages(request.toBuilder().setPageToken(first.getNextPageToken()).build());

        List<String> seen = new ArrayList<>(first.getEventsList().stream().map(Event::getMessage).toList());
        rest.forEach(e -> seen.add(e.getMessage()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) expected.add(m + " " + i);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(logs.search(request.toBuilder().setPageToken(first.getNextPageToken()).build()).getTotalCount()).isEqualTo(30);
        assertThat(logs.search(request).getTotalCount()).isEqualTo(50);
    }

    @Test
    void aPageTokenServesOnlyTheRequestItWasIssuedFor() throws Exception {
        String m = marker();
        send(m, 3, Instant.parse("2025-03-01T08:20:00Z"), "192.0.2.1");
        String token = logs.search(SearchRequest.newBuilder().setFilter(text(m)).setPageSize(1).build()).getNextPageToken();

        assertStatus(() -> logs.search(SearchRequest.newBuilder().setFilter(text(m + "0")).setPageToken(token).build()),
                Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> logs.search(SearchRequest.newBuilder().setPageToken("garbage!").build()), Status.Code.INVALID_ARGUMENT);
        assertThat(logs.search(SearchRequest.newBuilder().setFilter(text(m)).setPageSize(5).setPageToken(token).build())
                .getEventsCount()).isEqualTo(2);
    }

    @Test
    void anEventCarriesWhatTheParserFoundAndWhereItsLineIs() throws Exception {
        String m = marker();
        send(m, 1, Instant.parse("2025-03-01T08:30:00Z"), "192.0.2.9");

        Event e = logs.search(SearchRequest.newBuilder().setFilter(text(m)).build()).getEvents(0);

        assertThat(e.getDeviceId()).isEqualTo("ip-192-0-2-9");
        assertThat(e.getDay()).isEqualTo("2025-03-01");
        assertThat(e.getSender()).isEqualTo("192.0.2.9");
        assertThat(e.getListener()).isEqualTo("udp");
        assertThat(e.getFormat()).isEqualTo(EventFormat.EVENT_FORMAT_RFC5424);
        assertThat(e.getSeverity()).isEqualTo(Severity.SEVERITY_INFORMATIONAL);
        assertThat(e.getFacility()).isEqualTo(Facility.FACILITY_LOCAL0);
        assertThat(e.getAppName()).isEqualTo("app");
        assertThat(e.getProcId()).isEqualTo("7");
        assertThat(e.getMsgId()).isEqualTo("ID1");
        assertThat(e.getStructuredData()).isEqualTo("[meta seq=\"0\"]");
        assertThat(e.getArrival()).isEqualTo(ts(Instant.parse("2025-03-01T08:30:00Z")));
        assertThat(e.getDeviceTime()).isEqualTo(ts(Instant.parse("2025-03-01T09:00:00Z")));
    }

    @Test
    void searchFiltersBySeverityAndDevice() throws Exception {
        String m = marker();
        api.logs.send("<131>1 - h app - - - " + m + " error", Instant.parse("2025-03-01T08:40:00Z"), "192.0.2.31");
        api.logs.send("<135>1 - h app - - - " + m + " debug", Instant.parse("2025-03-01T08:40:01Z"), "192.0.2.32");
        sent += 2;
        api.logs.awaitIndexed(sent);

        assertThat(logs.search(SearchRequest.newBuilder().setFilter(text(m).toBuilder()
                .setMinSeverity(Severity.SEVERITY_WARNING)).build()).getEventsList())
                .extracting(Event::getMessage).containsExactly(m + " error");
        assertThat(logs.search(SearchRequest.newBuilder().setFilter(text(m).toBuilder()
                .addDeviceIds("ip-192-0-2-32")).build()).getEventsList())
                .extracting(Event::getMessage).containsExactly(m + " debug");
        assertStatus(() -> logs.search(SearchRequest.newBuilder().setFilter(EventFilter.newBuilder().addDeviceIds("../etc")).build()),
                Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aSearchByARegisteredDeviceIncludesWhatItSentBeforeRegistration() throws Exception {
        String m = marker();
        Instant before = api.clock.instant().minusSeconds(60);
        send(m, 2, before, "192.0.2.77");
        var devices = withToken(DeviceServiceGrpc.newBlockingStub(api.channel()), api.login("admin"));
        String id = devices.register(RegisterDeviceRequest.newBuilder().setMac("00:1a:2b:3c:4d:77").setName("fw77")
                .setStaticIp("192.0.2.77").build()).getDevice().getId();
        send(m, 1, api.clock.instant().plusSeconds(60), "192.0.2.77");

        List<Event> ofDevice = logs.search(SearchRequest.newBuilder().setFilter(text(m).toBuilder().addDeviceIds(id))
                .setOrder(SortOrder.SORT_ORDER_OLDEST_FIRST).build()).getEventsList();

        assertThat(ofDevice).extracting(Event::getDeviceId).containsExactly("ip-192-0-2-77", "ip-192-0-2-77", id);
    }

    @Test
    void aHistogramCountsEachIntervalOfTheRange() throws Exception {
        String m = marker();
        Instant start = Instant.parse("2025-03-01T07:00:00Z");
        send(m, 5, start, "192.0.2.1");  // at +0 .. +4 s

        List<HistogramBucket> buckets = logs.histogram(HistogramRequest.newBuilder().setFilter(text(m))
                .setRange(TimeRange.newBuilder().setFrom(ts(start)).setTo(ts(start.plusSeconds(5))))
                .setInterval(com.google.protobuf.Duration.newBuilder().setSeconds(2)).build()).getBucketsList();

        assertThat(buckets).extracting(HistogramBucket::getCount).containsExactly(2L, 2L, 1L);
        assertThat(buckets).extracting(HistogramBucket::getStart)
                .containsExactly(ts(start), ts(start.plusSeconds(2)), ts(start.plusSeconds(4)));
    }

    @Test
    void aHistogramNeedsBothBoundsAndAtLeastOneSecond() {
        TimeRange open = TimeRange.newBuilder().setFrom(ts(Instant.parse("2025-03-01T07:00:00Z"))).build();
        TimeRange hour = open.toBuilder().setTo(ts(Instant.parse("2025-03-01T08:00:00Z"))).build();
        assertStatus(() -> logs.histogram(HistogramRequest.newBuilder().setRange(open)
                .setInterval(com.google.protobuf.Duration.newBuilder().setSeconds(60)).build()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> logs.histogram(HistogramRequest.newBuilder().setRange(hour)
                .setInterval(com.google.protobuf.Duration.newBuilder().setNanos(1000)).build()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> logs.histogram(HistogramRequest.newBuilder().setRange(hour.toBuilder().setTo(ts(Instant.parse("2025-03-03T08:00:00Z"))))
                .setInterval(com.google.protobuf.Duration.newBuilder().setSeconds(1)).build()), Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aTailStreamsMatchingMessagesLiveAndIsAudited() throws Exception {
        String m = marker();
        Tail tail = tail(api.channel(), TailRequest.newBuilder().setFilter(text(m)).build(), true);
        TailResponse first = sendUntilTailed(tail, m);

        send(m + " live", 3, Instant.parse("2025-03-01T09:10:00Z"), "192.0.2.1");
        send("unrelated", 2, Instant.parse("2025-03-01T09:10:00Z"), "192.0.2.1");
        for (int i = 0; i < 3; i++) {
            assertThat(nextNotProbe(tail).getEvent().getMessage()).isEqualTo(m + " live " + i);
        }
        assertThat(tail.items.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(first.getCursor()).isNotEmpty();
        tail.call.cancel("done", null);

        assertThat(api.audit.query(new AuditQuery(null, null, "viewer", "LogService/Tail", 0, 100)))
                .anySatisfy(e -> {
                    assertThat(e.outcome()).isEqualTo("STARTED");
                    assertThat(e.details()).contains(m);
                });
    }

    @Test
    void aResumedTailGetsEverythingAfterItsCursorOnceAndThenLiveMessages() throws Exception {
        String m = marker();
        Tail live = tail(api.channel(), TailRequest.newBuilder().setFilter(text(m)).build(), true);
        TailResponse probe = sendUntilTailed(live, m);
        live.call.cancel("disconnected", null);
        send(m + " missed", 700, Instant.parse("2025-03-01T09:20:00Z"), "192.0.2.1");   // more than one replay page

        Tail resumed = tail(api.channel(), TailRequest.newBuilder().setFilter(text(m)).setResumeFrom(probe.getCursor()).build(), true);
        send(m + " new", 2, Instant.parse("2025-03-01T09:40:00Z"), "192.0.2.1");

        List<String> got = new ArrayList<>();
        while (got.size() < 702) got.add(nextNotProbe(resumed).getEvent().getMessage());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 700; i++) expected.add(m + " missed " + i);
        expected.add(m + " new 0");
        expected.add(m + " new 1");
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(resumed.items.poll(300, TimeUnit.MILLISECONDS)).isNull();
        resumed.call.cancel("done", null);
    }

    @Test
    void aMalformedOrUnknownCursorIsAnInvalidArgument() throws Exception {
        Tail garbage = tail(api.channel(), TailRequest.newBuilder().setResumeFrom("not a cursor").build(), true);
        assertThat(garbage.ended(WAIT).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        Tail future = tail(api.channel(), TailRequest.newBuilder().setResumeFrom(TailCursor.after(Long.MAX_VALUE / 2)).build(), true);
        assertThat(future.ended(WAIT).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aClientThatStopsReadingGetsAGapWhileIngestGoesOn() throws Exception {
        String m = marker();
        Tail slow = tail(api.channelWithWindow(64 * 1024), TailRequest.newBuilder().setFilter(text(m)).build(), false);
        TailResponse probe = sendUntilTailed(slow, m);

        send(m + " bulk", 3000, Instant.parse("2025-03-01T10:00:00Z"), "192.0.2.1");   // returns once all are indexed
        slow.call.request(Integer.MAX_VALUE);

        long events = 0, skipped = 0, gaps = 0;
        long expected = api.logs.search().after(LogMapping.query(text(m), TimeRange.getDefaultInstance()).withPage(1, 0),
                probe.getEvent().getId(), 10_000).size();
        assertThat(expected).isGreaterThanOrEqualTo(3000);
        while (events + skipped < expected) {
            TailResponse item = slow.next(WAIT);
            if (item.hasGap()) {
                gaps++;
                skipped += item.getGap().getSkipped();
                assertThat(item.getCursor()).isNotEmpty();
            } else {
                assertThat(item.getEvent().getId()).isGreaterThan(probe.getEvent().getId());
                events++;
            }
        }
        assertThat(gaps).isPositive();
        assertThat(events + skipped).isEqualTo(expected);
        slow.call.cancel("done", null);
    }

    private int probes;

    /** Sends probes until the tail shows one: from then on the stream is live. */
    private TailResponse sendUntilTailed(Tail tail, String m) throws Exception {
        for (int i = 0; i < 30; i++) {
            send(m + " probe", 1, Instant.parse("2025-03-01T06:00:00Z").plusSeconds(probes++), "192.0.2.1");
            TailResponse item = tail.items.poll(1, TimeUnit.SECONDS);
            if (item != null) return item;
        }
        throw new AssertionError("the tail never became live");
    }

    /** The next item that is not a probe (a probe that was slow to show may still come). */
    private static TailResponse nextNotProbe(Tail tail) throws InterruptedException {
        TailResponse item = tail.next(WAIT);
        while (item.hasEvent() && item.getEvent().getMessage().contains(" probe ")) item = tail.next(WAIT);
        return item;
    }

    private Tail tail(ManagedChannel channel, TailRequest request, boolean reading) {
        Tail tail = new Tail(reading);
        withToken(LogServiceGrpc.newStub(channel), viewerToken).tail(request, tail);
        return tail;
    }

    /** A Tail call's client side; one that is not reading takes one item, then nothing until requested. */
    private static final class Tail implements ClientResponseObserver<TailRequest, TailResponse> {
        final LinkedBlockingQueue<TailResponse> items = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Status> end = new LinkedBlockingQueue<>();
        final boolean reading;
        volatile ClientCallStreamObserver<TailRequest> call;

        Tail(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<TailRequest> requestStream) {
            call = requestStream;
            if (!reading) requestStream.disableAutoRequestWithInitial(1);
        }

        TailResponse next(Duration timeout) throws InterruptedException {
            TailResponse item = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(item).as("an item within " + timeout).isNotNull();
            return item;
        }

        Status ended(Duration timeout) throws InterruptedException {
            return end.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void onNext(TailResponse value) {
            items.add(value);
        }

        @Override
        public void onError(Throwable t) {
            end.add(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            end.add(Status.OK);
        }
    }
}
