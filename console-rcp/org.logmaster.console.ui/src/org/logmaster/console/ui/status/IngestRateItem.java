package org.logmaster.console.ui.status;

import java.text.NumberFormat;
import java.util.Locale;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.logmaster.console.ui.session.LiveEventHub;

/**
 * Status line: events per second arriving on the live stream, refreshed every second. (When the
 * collector API reports its own ingest counters this item shows those instead.)
 */
public final class IngestRateItem extends StatusTextItem {

    private static final int REFRESH_MS = 1_000;

    private final LiveEventHub liveEvents;
    private final RateSampler sampler = new RateSampler();
    private final NumberFormat format = NumberFormat.getIntegerInstance(Locale.ROOT);
    private final Runnable refresh = this::refresh;
    private Display display;

    public IngestRateItem(LiveEventHub liveEvents) {
        super("org.logmaster.console.ui.status.ingestRate", 20);
        this.liveEvents = liveEvents;
        setText("Ingest: -");
        setToolTip("Events per second on the live stream");
    }

    @Override
    void shown(Composite parent) {
        if (display == null) {
            display = parent.getDisplay();
            display.timerExec(REFRESH_MS, refresh);
        }
    }

    private void refresh() {
        double rate = sampler.sample(liveEvents.receivedCount(), System.nanoTime());
        setText("Ingest: " + format.format(Math.round(rate)) + " ev/s");
        if (!display.isDisposed()) {
            display.timerExec(REFRESH_MS, refresh);
        }
    }
}
