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
 * · 120 ev/s", "Live: stream lost (UNAVAILABLE), retry in 4 s"), refreshed every second and at
 * once when the state changes. The server's message is the tooltip. (When the collector API
 * reports its own ingest counters this item shows those instead of the stream's rate.)
 */
public final class IngestRateItem extends StatusTextItem {

    private static final int REFRESH_MS = 1_000;
    private static final String RATE_TOOLTIP = "Events per second on the live stream";

    private final LiveEventHub liveEvents;
    private final RateSampler sampler = new RateSampler();
    private final NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
    private final Runnable refresh = this::refresh;
    private Display display;
    private double rate;

    public IngestRateItem(LiveEventHub liveEvents) {
        super("org.logmaster.console.ui.status.ingestRate", 60);
        this.liveEvents = liveEvents;
        setText(text(liveEvents.status(), Instant.now(), "-"));
        setToolTip(RATE_TOOLTIP);
    }

    @Override
    void shown(Composite parent) {
        if (display == null) {
            display = parent.getDisplay();
            display.timerExec(REFRESH_MS, refresh);
            unsubscribeOnDispose(liveEvents.addStatusListener(status -> {
                if (!display.isDisposed()) {
                    display.asyncExec(this::show);
                }
            }));
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
        setToolTip(toolTip(status));
    }

    static String toolTip(LiveTailStatus status) {
        return status.lastError().isEmpty() ? RATE_TOOLTIP : "Last stream error: " + status.lastError();
    }

    /** What the label says about the stream; {@code rate} is the formatted events per second. */
    static String text(LiveTailStatus status, Instant now, String rate) {
        return switch (status.state()) {
            case LIVE -> "Live: receiving · " + rate + " ev/s";
            case CONNECTING -> "Live: waiting for events · " + rate + " ev/s";
            case RECONNECTING -> "Live: stream lost (" + code(status.lastError()) + "), "
                    + inSeconds(Duration.between(now, status.nextAttempt()));
            case STOPPED -> status.lastError().isEmpty() ? "Live: off"
                    : "Live: stopped (" + code(status.lastError()) + ")";
        };
    }

    /** Short: at 1274 pixels the status line gives this item about 50 characters (seen in the product). */
    private static String inSeconds(Duration untilNextAttempt) {
        long seconds = (untilNextAttempt.toMillis() + 999) / 1000; // "in 1 s" until it is due
        return seconds <= 0 ? "retrying now" : "retry in " + seconds + " s";
    }

    /**
     * The status code of "CODE: the server's message": the status line leaves the item little room
     * (GTK cut a longer text in the middle); the tooltip has the server's message.
     */
    private static String code(String error) {
        int colon = error.indexOf(':');
        return colon < 0 ? error : error.substring(0, colon);
    }
}
