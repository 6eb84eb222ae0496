package org.logmaster.console.ui.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;
import org.logmaster.console.client.LiveGap;

/**
 * Hands events from any thread to the display thread in batches. A ticker thread looks at the
 * queue every {@code interval} and posts what has gathered with one {@link Display#asyncExec};
 * it posts the next batch only after the display thread has taken the previous one, so a busy
 * display thread receives fewer, bigger batches instead of a growing backlog of runnables.
 *
 * <p>The queue is bounded: when the display thread does not keep up, or while paused, the oldest
 * waiting events are dropped and counted, because they would be pushed out of the view anyway.
 */
final class DisplayBatcher implements LiveEventListener, AutoCloseable {

    /**
     * Events for the display thread, how many were dropped before them since the last batch, and
     * the gaps the source reported meanwhile (events the collector skipped: stored, not streamed).
     */
    record Batch(List<LiveEvent> events, long droppedBefore, List<LiveGap> gaps) {
    }

    private final Display display;
    private final int capacity;
    private final Consumer<Batch> onDisplayThread;
    private final ArrayDeque<LiveEvent> waiting = new ArrayDeque<>();
    private final AtomicBoolean batchInFlight = new AtomicBoolean();
    private final ScheduledExecutorService ticker;
    private long droppedWaiting;
    private final List<LiveGap> gapsWaiting = new ArrayList<>();
    private volatile boolean paused;

    DisplayBatcher(Display display, int capacity, Duration interval, Consumer<Batch> onDisplayThread) {
        this.display = display;
        this.capacity = capacity;
        this.onDisplayThread = onDisplayThread;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().daemon().name("live-logs-batcher").unstarted(runnable));
        long nanos = interval.toNanos();
        ticker.scheduleWithFixedDelay(this::postBatch, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onEvent(LiveEvent event) {
        synchronized (waiting) {
            if (waiting.size() == capacity) {
                waiting.removeFirst();
                droppedWaiting++;
            }
            waiting.addLast(event);
        }
    }

    @Override
    public void onGap(LiveGap gap) {
        synchronized (waiting) {
            gapsWaiting.add(gap);
        }
    }

    /** While paused nothing reaches the display thread; events wait (bounded) for resume. */
    void setPaused(boolean pause) {
        paused = pause;
    }

    boolean isPaused() {
        return paused;
    }

    int waitingCount() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    private void postBatch() {
        if (paused || batchInFlight.get()) {
            return;
        }
        Batch batch;
        synchronized (waiting) {
            if (waiting.isEmpty() && droppedWaiting == 0 && gapsWaiting.isEmpty()) {
                return;
            }
            batch = new Batch(new ArrayList<>(waiting), droppedWaiting, List.copyOf(gapsWaiting));
            waiting.clear();
            droppedWaiting = 0;
            gapsWaiting.clear();
        }
        batchInFlight.set(true);
        try {
            display.asyncExec(() -> {
                try {
                    onDisplayThread.accept(batch);
                } finally {
                    batchInFlight.set(false);
                }
            });
        } catch (SWTException e) {
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
            close();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
