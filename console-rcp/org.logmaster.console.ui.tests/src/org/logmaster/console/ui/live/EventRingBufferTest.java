package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class EventRingBufferTest {

    @Test
    void holdsEverythingUpToCapacity() {
        EventRingBuffer ring = new EventRingBuffer(3);
        for (int n = 0; n < 3; n++) {
            ring.append(TestEvents.event(n));
        }

        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.droppedCount()).isZero();
        assertThat(ring.get(0).message()).isEqualTo("message 0");
    }

    @Test
    void whenFullTheOldestIsDroppedAndCounted() {
        EventRingBuffer ring = new EventRingBuffer(3);
        for (int n = 0; n < 5; n++) {
            ring.append(TestEvents.event(n));
        }

        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.droppedCount()).isEqualTo(2);
        assertThat(ring.firstSequence()).isEqualTo(2);
        assertThat(ring.get(2).message()).isEqualTo("message 2");
        assertThat(ring.get(4).message()).isEqualTo("message 4");
    }

    @Test
    void sequenceNumbersKeepCountingAcrossManyWrapArounds() {
        EventRingBuffer ring = new EventRingBuffer(7);
        long last = -1;
        for (int n = 0; n < 1_000; n++) {
            last = ring.append(TestEvents.event(n));
        }

        assertThat(last).isEqualTo(999);
        assertThat(ring.get(999).message()).isEqualTo("message 999");
        assertThat(ring.get(993).message()).isEqualTo("message 993");
        assertThat(ring.droppedCount()).isEqualTo(993);
    }

    @Test
    void droppedEventsCannotBeRead() {
        EventRingBuffer ring = new EventRingBuffer(2);
        for (int n = 0; n < 3; n++) {
            ring.append(TestEvents.event(n));
        }

        assertThat(ring.contains(0)).isFalse();
        assertThatThrownBy(() -> ring.get(0)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> ring.get(3)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void holdsAHundredThousandRows() {
        EventRingBuffer ring = new EventRingBuffer(100_000);
        for (int n = 0; n < 100_001; n++) {
            ring.append(TestEvents.event(n));
        }

        assertThat(ring.size()).isEqualTo(100_000);
        assertThat(ring.droppedCount()).isEqualTo(1);
    }
}
