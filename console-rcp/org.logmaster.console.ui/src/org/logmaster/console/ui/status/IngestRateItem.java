package org.logmaster.console.ui.status;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.logmaster.console.client.LiveTailStatus;
import org.logmaster.console.ui.session.LiveEventHub;

/**
 * Status line: the live stream's state and the events per second arriving on it ("Live: receiving
 * · 120 ev/s", "Live: stream lost (UNAVAILABLE: ...), reconnecting in 4 s"), refreshed every second
 * and at once when the state changes. The full reason is the tooltip. (When the collector API
 * reports its own ingest counters this item shows those instead of the stream's rate.)
 */
public final class IngestRateItem extends StatusTextItem {

    private static final int REFRESH_MS = 1_000;
    /**
     * The label shows this much of "CODE: the server's message", so that a lost stream's line
     * fits the item; the tooltip has all of it.
     */
    private static final int ERROR_CHARS = 36;

    private final LiveEventHub liveEvents;
    private final RateSampler sampler = new RateSampler();
    private final NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
    private final Runnable refresh = this::refresh;
    private Display display;
    private Runnable unsubscribe;
    private double rate;

    public IngestRateItem(LiveEventHub liveEvents) {
        super("org.logmaster.console.ui.status.ingestRate", 84);
        this.liveEvents = liveEvents;
        setText(text(liveEvents.status(), Instant.now(), "-"));
        setToolTip("Events per second on the live stream");
    }

    @Override
    void shown(Composite parent) {
        if (display == null) {
            display = parent.getDisplay();
            display.timerExec(REFRESH_MS, refresh);
            unsubscribe = liveEvents.addStatusListener(status -> {
                if (!display.isDisposed()) {
                    display.asyncExec(this::show);
                }
            });
        }
    }

    private void refresh() {
        rate = sampler.sample(liveEvents.receivedCount(), System.nanoTime());
        show();
        if (!display.isDisposed()) {
            display.timerExec(REFRESH_MS, refresh);
        }
    }

    private void show() {
        LiveTailStatus status = liveEvents.status();
        setText(text(status, Instant.now(), format.format(Math.round(rate))));
        setToolTip(status.lastError().isEmpty() ? "Events per second on the live stream"
                : "Last stream error: " + status.lastError());
    }

    /** What the label says about the stream; {@code rate} is the formatted events per second. */
    static String text(LiveTailStatus status, Instant now, String rate) {
        return switch (status.state()) {
            case LIVE -> "Live: receiving · " + rate + " ev/s";
            case CONNECTING -> "Live: waiting for events · " + rate + " ev/s";
            case RECONNECTING -> "Live: stream lost (" + shortened(status.lastError()) + "), "
                    + inSeconds(Duration.between(now, status.nextAttempt()));
            case STOPPED -> status.lastError().isEmpty() ? "Live: off"
                    : "Live: stopped (" + shortened(status.lastError()) + ")";
        };
    }

    private static String inSeconds(Duration untilNextAttempt) {
        long seconds = (untilNextAttempt.toMillis() + 999) / 1000; // "in 1 s" until it is due
        return seconds <= 0 ? "reconnecting now" : "reconnecting in " + seconds + " s";
    }

    private static String shortened(String error) {
        return error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS - 1) + "…";
    }

    @Override
    public void dispose() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.dispose();
    }
}
