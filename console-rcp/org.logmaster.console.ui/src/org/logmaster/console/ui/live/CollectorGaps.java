package org.logmaster.console.ui.live;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.logmaster.console.client.LiveGap;

/**
 * What the live stream did not deliver (the collector skipped events for a slow reader, or could
 * not resume after a reconnect). Counted apart from the view's own drops: these events are stored
 * and Search finds them, so the counter says where to look.
 */
final class CollectorGaps {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private long gaps;
    private long skipped;
    private boolean someCountUnknown;
    private LiveGap last;

    void add(LiveGap gap) {
        gaps++;
        if (gap.countKnown()) {
            skipped += gap.skipped();
        } else {
            someCountUnknown = true;
        }
        last = gap;
    }

    /** " · 120 not streamed (2 gaps)" for the counters line; empty while there was no gap. */
    String summary(NumberFormat counts) {
        if (gaps == 0) {
            return "";
        }
        String count = someCountUnknown ? (skipped > 0 ? counts.format(skipped) + "+" : "some") : counts.format(skipped);
        return " · " + count + " not streamed (" + counts.format(gaps) + (gaps == 1 ? " gap" : " gaps") + ", see Search)";
    }

    /** The latest gap's time range, where Search finds its events; empty while there was none. */
    String lastGapHint() {
        return last == null ? ""
                : "Latest gap in the live stream: " + TIME.format(last.from()) + " to " + TIME.format(last.to())
                        + " (the collector stored these events; Search finds them)";
    }
}
