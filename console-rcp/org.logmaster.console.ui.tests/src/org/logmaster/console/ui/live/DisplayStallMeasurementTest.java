package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.logmaster.console.client.LiveEventListener;
import org.logmaster.console.client.demo.DemoEventSource;

/**
 * A measurement, not a speed check: feeds 10,000 events/s for 5 s into a Live Logs panel whose
 * 100,000-row buffer is already full (so every batch also evicts rows) and prints how long the
 * display thread was unavailable at a stretch. It asserts only that every event arrived.
 */
class DisplayStallMeasurementTest {

    private static final int CAPACITY = 100_000;
    private static final int RATE = 10_000;
    private static final int STREAMED = RATE * 5;
    private static final int HEARTBEAT_MS = 5;

    /** Asks the display thread for a tick every few ms and records how late each tick came. */
    private static final class Heartbeat implements Runnable {
        private final Display display;
        private final List<Long> latenessNanos = new ArrayList<>();
        private long expectedAt;
        private boolean running = true;

        Heartbeat(Display display) {
            this.display = display;
        }

        void start() {
            expectedAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
            display.timerExec(HEARTBEAT_MS, this);
        }

        @Override
        public void run() {
            if (!running) {
                return;
            }
            long now = System.nanoTime();
            latenessNanos.add(Math.max(0, now - expectedAt));
            expectedAt = now + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS);
            display.timerExec(HEARTBEAT_MS, this);
        }

        double percentileMillis(double p) {
            List<Long> sorted = new ArrayList<>(latenessNanos);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    @Test
    void displayThreadStallWhileTenThousandEventsPerSecondArrive() throws InterruptedException {
        Display display = SwtDriver.display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 800);
        LiveLogsPanel panel = new LiveLogsPanel(shell, CAPACITY);
        shell.open();
        try {
            long fillStart = System.nanoTime();
            fill(panel.listener());
            SwtDriver.pumpUntil("the buffer is full", () -> panel.model().receivedCount() == CAPACITY);
            double fillMillis = (System.nanoTime() - fillStart) / 1e6;
            int batchesBefore = panel.batchesTaken();

            long gcMillisBefore = gcMillis();
            long gcCountBefore = gcCount();
            DemoEventSource source = new DemoEventSource(RATE, STREAMED, 42);
            Heartbeat heartbeat = new Heartbeat(display);
            heartbeat.start();
            long start = System.nanoTime();
            source.start(panel.listener());
            long longestDispatch = 0;
            long deadline = start + SwtDriver.PATIENCE.toNanos() * 2;
            while (panel.model().receivedCount() < CAPACITY + STREAMED && System.nanoTime() < deadline) {
                long before = System.nanoTime();
                boolean dispatched = display.readAndDispatch();
                longestDispatch = Math.max(longestDispatch, System.nanoTime() - before);
                if (!dispatched) {
                    display.sleep();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            heartbeat.running = false;
            source.stop();
            int batches = panel.batchesTaken() - batchesBefore;
            long gcMillisDuring = gcMillis() - gcMillisBefore;
            long gcCountDuring = gcCount() - gcCountBefore;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            System.out.printf(Locale.ROOT, "[measurement] Live Logs display thread: %,d events at %,d ev/s over %.1f s into a"
                    + " full %,d-row buffer: longest single dispatch %.1f ms; heartbeat (%d ms) lateness max %.1f ms,"
                    + " p99 %.1f ms, p50 %.1f ms; %d batches (%.0f events each); initial fill of %,d rows took %.0f ms;"
                    + " GC %d ms in %d collections during the run; system load average %.1f on %d cores%n",
                    STREAMED, RATE, seconds, CAPACITY, longestDispatch / 1e6, HEARTBEAT_MS, heartbeat.percentileMillis(1.0),
                    heartbeat.percentileMillis(0.99), heartbeat.percentileMillis(0.5), batches,
                    batches == 0 ? 0.0 : (double) STREAMED / batches, CAPACITY, fillMillis, gcMillisDuring, gcCountDuring, load,
                    Runtime.getRuntime().availableProcessors());

            assertThat(panel.model().receivedCount()).isEqualTo(CAPACITY + STREAMED);
            assertThat(panel.table().getItemCount()).isEqualTo(CAPACITY);
            assertThat(panel.model().droppedCount()).isEqualTo(STREAMED);
        } finally {
            shell.dispose();
        }
    }

    /** Collection time so far, summed over the collectors: to tell GC pauses from display work. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    private static void fill(LiveEventListener listener) throws InterruptedException {
        Thread sender = Thread.ofPlatform().start(() -> {
            for (int n = 0; n < CAPACITY; n++) {
                listener.onEvent(TestEvents.event(n));
            }
        });
        sender.join(Duration.ofSeconds(30));
    }
}
