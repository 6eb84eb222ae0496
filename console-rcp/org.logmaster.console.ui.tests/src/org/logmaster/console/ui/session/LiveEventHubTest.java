package org.logmaster.console.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;

class LiveEventHubTest {

    private static final LiveEvent EVENT = new LiveEvent(Instant.EPOCH, "fw", Severity.SEVERITY_NOTICE, "h", "a", "m");

    @Test
    void everySubscriberGetsEveryEventUntilItUnsubscribes() {
        LiveEventHub hub = new LiveEventHub();
        List<LiveEvent> first = new ArrayList<>();
        List<LiveEvent> second = new ArrayList<>();
        Runnable unsubscribeFirst = hub.subscribe(first::add);
        hub.subscribe(second::add);

        hub.onEvent(EVENT);
        unsubscribeFirst.run();
        hub.onEvent(EVENT);

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(2);
    }

    @Test
    void eventsAreCountedEvenWithoutSubscribers() {
        LiveEventHub hub = new LiveEventHub();

        hub.onEvent(EVENT);
        hub.onEvent(EVENT);

        assertThat(hub.receivedCount()).isEqualTo(2);
    }
}
