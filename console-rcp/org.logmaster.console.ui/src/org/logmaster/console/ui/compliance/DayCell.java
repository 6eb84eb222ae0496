package org.logmaster.console.ui.compliance;

import org.eclipse.swt.graphics.RGB;
import org.logmaster.api.v1.DayStatus;
import org.logmaster.api.v1.VerificationState;

/** How one device's day looks in the grid: a short text and a background colour. */
record DayCell(String text, RGB colour) {

    static final RGB GREEN = new RGB(170, 225, 170);
    static final RGB PALE_GREEN = new RGB(220, 240, 200);
    static final RGB RED = new RGB(240, 150, 150);
    static final RGB ORANGE = new RGB(250, 195, 120);
    static final RGB GREY = new RGB(215, 215, 215);

    /** A day the collector knows nothing about (no daily file, no seal). */
    static final DayCell NONE = new DayCell("", null);

    static DayCell of(DayStatus day) {
        return switch (day.getState()) {
            case DAY_STATE_OPEN -> new DayCell("open", GREY);
            case DAY_STATE_MISSING -> new DayCell("missing", RED);
            case DAY_STATE_UNSEALED -> new DayCell("not sealed", RED);
            case DAY_STATE_EXPIRED -> new DayCell("expired", GREY);
            case DAY_STATE_SEALED -> sealed(day);
            default -> new DayCell("?", null);
        };
    }

    private static DayCell sealed(DayStatus day) {
        if (day.getVerification() == VerificationState.VERIFICATION_STATE_FAILED) {
            return new DayCell("FAILED", RED);
        }
        if (day.getLate()) {
            return new DayCell("late", ORANGE);
        }
        String stamp = day.getTimeStamped() ? "" : ", no TS";
        return day.getVerification() == VerificationState.VERIFICATION_STATE_OK
                ? new DayCell("verified" + stamp, GREEN)
                : new DayCell("sealed" + stamp, PALE_GREEN);
    }
}
