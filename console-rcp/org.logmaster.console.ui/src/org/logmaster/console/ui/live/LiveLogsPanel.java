package org.logmaster.console.ui.live;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEvent;
import org.logmaster.console.client.LiveEventListener;

/**
 * The Live Logs control: filter bar, a virtual table over the newest events, and a details pane.
 * Events arrive through {@link #listener()} from any thread and reach the table in batches at
 * most every {@link #BATCH_INTERVAL}; the table only ever formats the rows on screen.
 */
public final class LiveLogsPanel extends Composite {

    /** How long events gather before the display thread takes them. */
    static final Duration BATCH_INTERVAL = Duration.ofMillis(50);
    /** Typing in the filter re-filters after this pause, not on every key. */
    private static final int FILTER_DELAY_MS = 200;
    private static final int PAUSED_COUNTER_REFRESH_MS = 500;
    private static final int FILTER_WIDTH = 320;
    private static final int[] COLUMN_WIDTHS = { 175, 120, 75, 105, 85, 620 };
    /** Combo order: least severe first, so the first entry shows everything. */
    private static final Severity[] MINIMUM_CHOICES = {
        Severity.SEVERITY_DEBUG, Severity.SEVERITY_INFORMATIONAL, Severity.SEVERITY_NOTICE,
        Severity.SEVERITY_WARNING, Severity.SEVERITY_ERROR, Severity.SEVERITY_CRITICAL,
        Severity.SEVERITY_ALERT, Severity.SEVERITY_EMERGENCY };

    private final LiveLogModel model;
    private final DisplayBatcher batcher;
    private final EventText eventText = new EventText(ZoneId.systemDefault());
    private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final Text filterText;
    private final Combo minimumSeverity;
    private final Button pauseButton;
    private final Button followButton;
    private final Label counters;
    private final Table table;
    private final Text details;
    private final Runnable applyFilterLater = this::applyFilter;
    private final Runnable refreshCountersWhilePaused = this::refreshCountersWhilePaused;
    private int batchesTaken;
    private final CollectorGaps collectorGaps = new CollectorGaps();

    public LiveLogsPanel(Composite parent, int capacity) {
        super(parent, SWT.NONE);
        model = new LiveLogModel(capacity);
        setLayout(new GridLayout(7, false));

        new Label(this, SWT.NONE).setText("Filter:");
        filterText = new Text(this, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage("text in device, host, app or message");
        GridData filterLayout = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        filterLayout.widthHint = FILTER_WIDTH;
        filterText.setLayoutData(filterLayout);
        filterText.addModifyListener(e -> {
            getDisplay().timerExec(-1, applyFilterLater);
            getDisplay().timerExec(FILTER_DELAY_MS, applyFilterLater);
        });

        new Label(this, SWT.NONE).setText("Min. severity:");
        minimumSeverity = new Combo(this, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (Severity severity : MINIMUM_CHOICES) {
            minimumSeverity.add(SeverityStyle.label(severity));
        }
        minimumSeverity.select(0);
        minimumSeverity.addListener(SWT.Selection, e -> applyFilter());

        pauseButton = new Button(this, SWT.TOGGLE);
        pauseButton.setText("Resume");
        GridData pauseLayout = new GridData();
        pauseLayout.widthHint = pauseButton.computeSize(SWT.DEFAULT, SWT.DEFAULT).x; // fits both labels
        pauseButton.setLayoutData(pauseLayout);
        pauseButton.setText("Pause");
        pauseButton.setToolTipText("Stop updating the table; new events wait until Resume");
        pauseButton.addListener(SWT.Selection, e -> setPaused(pauseButton.getSelection()));

        // toggle buttons, like Pause: their pressed state reads well in every GTK theme
        followButton = new Button(this, SWT.TOGGLE);
        followButton.setText("Follow");
        followButton.setToolTipText("Keep the newest event in view");
        followButton.setSelection(true);
        followButton.addListener(SWT.Selection, e -> scrollToNewestIfFollowing());

        counters = new Label(this, SWT.RIGHT);
        // takes the rest of the row, so a growing count never moves the controls
        counters.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        SashForm split = new SashForm(this, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1));
        table = new Table(split, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < EventText.COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(EventText.COLUMNS[i]);
            column.setWidth(COLUMN_WIDTHS[i]);
        }
        table.addListener(SWT.SetData, this::fillRow);
        table.addListener(SWT.Selection, e -> inspectSelection());
        details = new Text(split, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setFont(JFaceResources.getTextFont()); // monospace keeps the field names aligned
        split.setWeights(78, 22);

        batcher = new DisplayBatcher(getDisplay(), capacity, BATCH_INTERVAL, this::takeBatch);
        addDisposeListener(e -> batcher.close());
        refreshCounters();
    }

    /** Where event sources deliver; safe to call from any thread. */
    public LiveEventListener listener() {
        return batcher;
    }

    private void takeBatch(DisplayBatcher.Batch batch) {
        if (isDisposed()) {
            return;
        }
        batchesTaken++;
        long selected = selectedSequence();
        int top = table.getTopIndex();
        batch.gaps().forEach(collectorGaps::add);
        LiveLogModel.Change change = model.append(batch.events(), batch.droppedBefore());
        showRows(change.removedFromFront(), top, selected);
        refreshCounters();
    }

    private void applyFilter() {
        if (isDisposed()) {
            return;
        }
        long selected = selectedSequence();
        model.setFilter(new LiveEventFilter(filterText.getText(),
                MINIMUM_CHOICES[Math.max(0, minimumSeverity.getSelectionIndex())]));
        // a new row set: GTK drops all rows at once in a fraction of the time it takes to shrink
        // the row count (100,000 to 10,000 rows: about 0.1 s against 10 s here)
        table.removeAll();
        table.setItemCount(model.rowCount());
        reselect(selected);
        if (followButton.getSelection()) {
            scrollToNewestIfFollowing();
        } else if (table.getSelectionIndex() >= 0) {
            table.showSelection();
        }
        showDetailsOfSelection();
        refreshCounters();
    }

    /**
     * Updates the table after rows were appended and {@code removedFromFront} old ones left:
     * every row index shifted, so cached rows are invalidated (the table refetches only those on
     * screen), and the scroll position and selection move with their events.
     */
    private void showRows(int removedFromFront, int previousTop, long selectedSequence) {
        // grows, or with a filter shrinks by at most a batch; never the large shrink GTK does row by row
        table.setItemCount(model.rowCount());
        table.clearAll();
        if (removedFromFront > 0) {
            reselect(selectedSequence);
        }
        if (followButton.getSelection()) {
            scrollToNewestIfFollowing();
        } else if (removedFromFront > 0) {
            table.setTopIndex(Math.max(0, previousTop - removedFromFront));
        }
    }

    private void reselect(long sequence) {
        table.deselectAll();
        int row = sequence < 0 ? -1 : model.rowOfSequence(sequence);
        if (row >= 0) {
            table.select(row);
        }
    }

    private long selectedSequence() {
        int row = table.getSelectionIndex();
        return row >= 0 && row < model.rowCount() ? model.sequenceOfRow(row) : -1;
    }

    private void scrollToNewestIfFollowing() {
        int rows = model.rowCount();
        if (followButton.getSelection() && rows > 0) {
            table.setTopIndex(rows - 1);
        }
    }

    private void fillRow(Event event) {
        TableItem item = (TableItem) event.item;
        int row = event.index;
        if (row < 0 || row >= model.rowCount()) {
            return;
        }
        LiveEvent liveEvent = model.row(row);
        item.setText(eventText.columns(liveEvent));
        item.setForeground(SeverityStyle.foreground(liveEvent.severity()));
        item.setBackground(SeverityStyle.background(liveEvent.severity()));
    }

    /** The operator picked a row to read: stop following so it stays in view. */
    private void inspectSelection() {
        followButton.setSelection(false);
        showDetailsOfSelection();
    }

    private void showDetailsOfSelection() {
        int row = table.getSelectionIndex();
        details.setText(row >= 0 && row < model.rowCount() ? eventText.details(model.row(row)) : "");
    }

    private void setPaused(boolean pause) {
        batcher.setPaused(pause);
        pauseButton.setSelection(pause);
        pauseButton.setText(pause ? "Resume" : "Pause");
        refreshCounters();
        if (pause) {
            getDisplay().timerExec(PAUSED_COUNTER_REFRESH_MS, refreshCountersWhilePaused);
        }
    }

    private void refreshCountersWhilePaused() {
        if (!isDisposed() && batcher.isPaused()) {
            refreshCounters();
            getDisplay().timerExec(PAUSED_COUNTER_REFRESH_MS, refreshCountersWhilePaused);
        }
    }

    private void refreshCounters() {
        String text = counts.format(model.rowCount()) + " shown · " + counts.format(model.heldCount()) + " of "
                + counts.format(model.capacity()) + " held · " + counts.format(model.droppedCount()) + " dropped";
        text += collectorGaps.summary(counts);
        if (batcher.isPaused()) {
            text += " · paused, " + counts.format(batcher.waitingCount()) + " waiting";
        }
        counters.setText(text);
        counters.setToolTipText(collectorGaps.lastGapHint());
    }

    @Override
    public boolean setFocus() {
        return table.setFocus();
    }

    // The test fragment drives the real widgets through these.

    Table table() {
        return table;
    }

    Text filterText() {
        return filterText;
    }

    Combo minimumSeverity() {
        return minimumSeverity;
    }

    Button pauseButton() {
        return pauseButton;
    }

    Button followButton() {
        return followButton;
    }

    Label counters() {
        return counters;
    }

    Text details() {
        return details;
    }

    LiveLogModel model() {
        return model;
    }

    int batchesTaken() {
        return batchesTaken;
    }
}
