package org.logmaster.collector.api;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.logmaster.api.v1.HistogramBucket;
import org.logmaster.api.v1.HistogramRequest;
import org.logmaster.api.v1.HistogramResponse;
import org.logmaster.api.v1.LogServiceGrpc;
import org.logmaster.api.v1.SearchRequest;
import org.logmaster.api.v1.SearchResponse;
import org.logmaster.api.v1.SortOrder;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.IndexedEvent;
import org.logmaster.collector.index.Indexer;
import org.logmaster.collector.index.LiveTail;
import org.logmaster.collector.index.SearchQuery;

/**
 * LogService over the index: Search pages by position among the rows present at the first page
 * (consistent while ingest goes on), Tail streams committed rows live through a bounded buffer
 * per client (a slow client gets gap markers, the indexer never waits), Histogram counts in SQL.
 */
public final class LogGrpcService extends LogServiceGrpc.LogServiceImplBase implements AutoCloseable {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    /** Memory one tail's buffer may hold, besides its event count. */
    static final long TAIL_BUFFER_BYTES = 64L * 1024 * 1024;

    private final EventSearch search;
    private final Indexer indexer;
    private final int tailBufferEvents;
    private final Set<TailStream> tails = ConcurrentHashMap.newKeySet();

    /**
     * @param tailBufferEvents events buffered per live tail before a slow client gets a gap
     */
    public LogGrpcService(EventSearch search, Indexer indexer, int tailBufferEvents) {
        this.search = search;
        this.indexer = indexer;
        this.tailBufferEvents = tailBufferEvents;
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> response) {
        CallContext.audit().target(ProtoMapping.emptyToNull(LogMapping.target(request.getFilter())));
        int pageSize = request.getPageSize() == 0 ? DEFAULT_PAGE : Math.min(request.getPageSize(), MAX_PAGE);
        EventSearch.Order order = request.getOrder() == SortOrder.SORT_ORDER_OLDEST_FIRST
                ? EventSearch.Order.OLDEST_FIRST : EventSearch.Order.NEWEST_FIRST;
        SearchQuery query = LogMapping.query(request.getFilter(), request.getRange()).withPage(pageSize + 1, 0);
        SearchPageToken token = request.getPageToken().isEmpty() ? null : SearchPageToken.decode(request);
        long snapshot = token != null ? token.snapshotId() : search.lastId();
        long total = token != null ? token.total() : search.count(query, snapshot);
        // one row more than the page tells whether another page follows
        List<IndexedEvent> rows = search.page(query, snapshot, order, token == null ? null : token.after());
        SearchResponse.Builder b = SearchResponse.newBuilder().setTotalCount(total);
        rows.stream().limit(pageSize).forEach(e -> b.addEvents(LogMapping.event(e)));
        if (rows.size() > pageSize) {
            b.setNextPageToken(new SearchPageToken(snapshot, total, EventSearch.Position.of(rows.get(pageSize - 1)))
                    .encode(request));
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void histogram(HistogramRequest request, StreamObserver<HistogramResponse> response) {
        CallContext.audit().target(ProtoMapping.emptyToNull(LogMapping.target(request.getFilter())));
        if (!request.getRange().hasFrom() || !request.getRange().hasTo()) {
            throw new IllegalArgumentException("range: both from and to are required");
        }
        Instant from = ProtoMapping.instant(true, request.getRange().getFrom());
        Instant to = ProtoMapping.instant(true, request.getRange().getTo());
        Duration interval = Duration.ofSeconds(request.getInterval().getSeconds(), request.getInterval().getNanos());
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least one second");
        }
        SearchQuery query = LogMapping.query(request.getFilter(), org.logmaster.api.v1.TimeRange.getDefaultInstance());
        long[] counts = search.histogram(query, from, to, interval);
        HistogramResponse.Builder b = HistogramResponse.newBuilder();
        for (int i = 0; i < counts.length; i++) {
            b.addBuckets(HistogramBucket.newBuilder()
                    .setStart(ProtoMapping.timestamp(from.plus(interval.multipliedBy(i))))
                    .setCount(counts[i]));
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void tail(TailRequest request, StreamObserver<TailResponse> response) {
        CallContext.audit().target(ProtoMapping.emptyToNull(LogMapping.target(request.getFilter())));
        SearchQuery filter = LogMapping.query(request.getFilter(), org.logmaster.api.v1.TimeRange.getDefaultInstance());
        long afterId = TailCursor.idOf(request.getResumeFrom());
        if (afterId > 0 && !search.exists(afterId)) {
            throw afterId > search.lastId()
                    ? new IllegalArgumentException("resume_from: no such position in this collector's index")
                    : Status.OUT_OF_RANGE.withDescription("resume_from: the events after it are no longer in the index; search instead")
                            .asRuntimeException();
        }
        LiveTail tail = new LiveTail(indexer, search, filter, afterId, tailBufferEvents, TAIL_BUFFER_BYTES);
        TailStream[] stream = new TailStream[1];
        stream[0] = new TailStream((ServerCallStreamObserver<TailResponse>) response, tail, () -> tails.remove(stream[0]));
        tails.add(stream[0]);
        stream[0].start();
    }

    /** Live tails now open. */
    public int openTails() {
        return tails.size();
    }

    /** Ends every open tail with UNAVAILABLE (the collector is stopping); clients reconnect with their cursor. */
    @Override
    public void close() {
        for (TailStream stream : List.copyOf(tails)) {
            stream.end(Status.UNAVAILABLE.withDescription("the collector is stopping; resume with the last cursor"));
        }
    }
}
