package org.logmaster.console.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;

/**
 * A point in time as the operator picks it: an SWT calendar drop-down for the day and a field for
 * hours and minutes, side by side, read in a given time zone (Search's custom range, the Export
 * wizard's range).
 */
public final class CalendarTimeField {

    private final Composite row;
    private final DateTime date;
    private final DateTime clock;

    public CalendarTimeField(Composite parent) {
        row = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.marginTop = layout.marginBottom = layout.marginLeft = layout.marginRight = 0;
        layout.center = true;
        row.setLayout(layout);
        date = new DateTime(row, SWT.DATE | SWT.DROP_DOWN | SWT.MEDIUM);
        clock = new DateTime(row, SWT.TIME | SWT.SHORT);
    }

    /** The composite holding both widgets, for layout data. */
    public Composite control() {
        return row;
    }

    public void set(ZonedDateTime time) {
        date.setDate(time.getYear(), time.getMonthValue() - 1, time.getDayOfMonth());
        clock.setTime(time.getHour(), time.getMinute(), 0);
    }

    /** The chosen minute in {@code zone}. */
    public Instant instant(ZoneId zone) {
        return LocalDateTime.of(date.getYear(), date.getMonth() + 1, date.getDay(), clock.getHours(),
                clock.getMinutes()).atZone(zone).toInstant();
    }

    public void setEnabled(boolean enabled) {
        date.setEnabled(enabled);
        clock.setEnabled(enabled);
    }

    /** Calls {@code listener} when either widget changes. */
    public void onChange(Runnable listener) {
        date.addListener(SWT.Selection, e -> listener.run());
        clock.addListener(SWT.Selection, e -> listener.run());
    }

    /** The day widget (tests set it as a user picks a day). */
    public DateTime date() {
        return date;
    }
}
