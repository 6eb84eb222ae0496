package org.logmaster.collector.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TailBufferTest {
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final Duration NO_WAIT = Duration.ZERO;

    private static IndexedEvent event(long id, String message) {
        return new IndexedEvent(id, "fw-1", null, id * 100, T0.plusSeconds(id), "192.0.2.1", "udp", "RFC5424", false,
                null, 1, 6, null, null, null, null, null, null, message);
    }

    private static List<IndexedEvent> events(long fromId, long toId) {
        return LongStream.rangeClosed(fromId, toId).mapToObj(id -> event(id, "m" + id)).toList();
    }

    private static List<TailBuffer.Item> drain(TailBuffer buffer) throws InterruptedException {
        List<TailBuffer.Item> items = new ArrayList<>();
        for (TailBuffer.Item item = buffer.poll(NO_WAIT); item != null; item = buffer.poll(NO_WAIT)) items.add(item);
        return items;
    }

    @Test
    void whatFitsIsDeliveredInOrder() throws Exception {
        TailBuffer buffer = new TailBuffer(e -> true, 10, 1 << 20);
        buffer.offer(events(1, 3));

        assertThat(drain(buffer)).containsExactly(new TailBuffer.Event(event(1, "m1")), new TailBuffer.Event(event(2, "m2")),
                new TailBuffer.Event(event(3, "m3")));
    }

    @Test
    void eventsBeyondTheCapacityBecomeOneGapInTheirPlace() throws Exception {
        TailBuffer buffer = new TailBuffer(e -> true, 10, 1 << 20);
        buffer.offer(events(1, 25));

        List<TailBuffer.Item> items = drain(buffer);

        assertThat(items).hasSize(11);
        assertThat(items.subList(0, 10)).allMatch(TailBuffer.Event.class::isInstance);
        assertThat(items.get(10)).isEqualTo(new TailBuffer.Gap(15, T0.plusSeconds(11), T0.plusSeconds(25), 25));
        assertThat(buffer.skippedTotal()).isEqualTo(15);
    }

    @Test
    void aGapGoesOnCountingUntilTheReaderHasEmptiedHalfTheBuffer() throws Exception {
        TailBuffer buffer = new TailBuffer(e -> true, 10, 1 << 20);
        buffer.offer(events(1, 12));               // 10 kept, gap of 2
        for (int i = 0; i < 4; i++) buffer.poll(NO_WAIT);  // 6 left: more than half
        buffer.offer(events(13, 14));              // still skipped, into the same gap
        buffer.poll(NO_WAIT);                      // 5 left: half
        buffer.offer(events(15, 15));              // kept again, after the gap

        List<TailBuffer.Item> items = drain(buffer);

        assertThat(items).hasSize(7);
        assertThat(items.get(5)).isEqualTo(new TailBuffer.Gap(4, T0.plusSeconds(11), T0.plusSeconds(14), 14));
        assertThat(items.get(6)).isEqualTo(new TailBuffer.Event(event(15, "m15")));
    }

    @Test
    void theMemoryBoundSkipsToo() throws Exception {
        TailBuffer buffer = new TailBuffer(e -> true, 1000, 4096);
        buffer.offer(List.of(event(1, "x".repeat(1000)), event(2, "x".repeat(1000)), event(3, "x".repeat(1000))));

        List<TailBuffer.Item> items = drain(buffer);

        assertThat(items).hasSize(3);
        assertThat(items.get(2)).isEqualTo(new TailBuffer.Gap(1, T0.plusSeconds(3), T0.plusSeconds(3), 3));
    }

    @Test
    void eventsTheFilterRejectsAreNeitherKeptNorCounted() throws Exception {
        TailBuffer buffer = new TailBuffer(e -> e.id() % 2 == 0, 2, 1 << 20);
        buffer.offer(events(1, 7));

        List<TailBuffer.Item> items = drain(buffer);

        assertThat(items).containsExactly(new TailBuffer.Event(event(2, "m2")), new TailBuffer.Event(event(4, "m4")),
                new TailBuffer.Gap(1, T0.plusSeconds(6), T0.plusSeconds(6), 6));
    }

    @Test
    void aWaitingReaderWakesWhenEventsComeOrTheBufferCloses() throws Exception {
        TailBuffer buffer = new TailBuffer(e -> true, 10, 1 << 20);
        Thread.ofVirtual().start(() -> buffer.offer(events(1, 1)));
        assertThat(buffer.poll(Duration.ofSeconds(30))).isEqualTo(new TailBuffer.Event(event(1, "m1")));

        Thread.ofVirtual().start(buffer::close);
        assertThat(buffer.poll(Duration.ofSeconds(30))).isNull();
    }
}
