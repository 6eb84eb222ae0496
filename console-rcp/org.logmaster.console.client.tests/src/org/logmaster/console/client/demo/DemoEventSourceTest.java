package org.logmaster.console.client.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.logmaster.console.client.LiveEvent;

class DemoEventSourceTest {

    @Test
    void emitsExactlyTheRequestedNumberOfEventsThenStops() throws InterruptedException {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        DemoEventSource source = new DemoEventSource(20_000, 500, 7);
        source.start(received::add);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!source.isFinished() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        source.stop();

        assertThat(received).hasSize(500);
        assertThat(received).allSatisfy(event -> assertThat(event.message()).isNotBlank());
    }

    @Test
    void stopEndsAnUnlimitedSource() throws InterruptedException {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        DemoEventSource source = new DemoEventSource(1_000, 0, 7);
        source.start(received::add);
        TimeUnit.MILLISECONDS.sleep(50);
        source.stop();
        int afterStop = received.size();
        TimeUnit.MILLISECONDS.sleep(100);

        assertThat(received).hasSize(afterStop);
        assertThat(source.isFinished()).isFalse();
    }
}
