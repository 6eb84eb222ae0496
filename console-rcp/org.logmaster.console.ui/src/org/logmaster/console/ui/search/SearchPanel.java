package org.logmaster.console.ui.search;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.logmaster.api.v1.FieldCondition;
import org.logmaster.api.v1.SearchResponse;
import org.logmaster.api.v1.Severity;
import org.logmaster.console.ui.CalendarTimeField;
import org.logmaster.console.ui.MessageLine;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.LogQueries;
import org.logmaster.console.ui.live.SeverityStyle;
import org.logmaster.console.ui.session.BackgroundCall;
import org.logmaster.console.ui.StoredEventText;

/**
 * The Search control: a query form (text, devices, minimum severity, time range preset or a
 * calendar range), one page of results in a virtual table with Previous/Next and the total count,
 * a details pane, and Export of all matches. Queries run as jobs; the display thread only
 * shows their results.
 */
public final class SearchPanel extends Composite {

    private static final int[] COLUMN_WIDTHS = { 175, 130, 75, 110, 110, 90, 560 };
    /** Combo order like Live Logs: the first entry shows everything. */
    private static final Severity[] MINIMUM_CHOICES = {
        Severity.SEVERITY_UNSPECIFIED, Severity.SEVERITY_DEBUG, Severity.SEVERITY_INFORMATIONAL,
        Severity.SEVERITY_NOTICE, Severity.SEVERITY_WARNING, Severity.SEVERITY_ERROR, Severity.SEVERITY_CRITICAL,
        Severity.SEVERITY_ALERT, Severity.SEVERITY_EMERGENCY };
    private static final String NOT_CONNECTED = "Not logged in to a collector: Collector > Connect... (Ctrl+K)";

    private final Supplier<CollectorConnection> connection;
    private final DeviceIdProposals deviceProposals = new DeviceIdProposals();
    private final ZoneId zone = ZoneId.systemDefault();
    private final StoredEventText eventText = new StoredEventText(zone);
    private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final Text text;
    private final Text devices;
    private final Text fields;
    private final Combo minimumSeverity;
    private final Combo preset;
    private final CalendarTimeField from;
    private final CalendarTimeField to;
    private final Button searchButton;
    private final Table table;
    private final Text details;
    private final Button previousButton;
    private final Button nextButton;
    private final Label position;
    private final Label message;
    private final Button exportButton;

    private SearchQuery query;
    private SearchPages pages;
    private List<org.logmaster.api.v1.Event> shown = List.of();
    private boolean exporting;
    private volatile boolean stopExport;
    /** Raised by every request, so that a slow answer to an older one is ignored. */
    private int generation;
    private boolean busy;

    /** @param connection the logged-in connection, or null while there is none */
    public SearchPanel(Composite parent, Supplier<CollectorConnection> connection) {
        super(parent, SWT.NONE);
        this.connection = connection;
        setLayout(new GridLayout(1, false));

        Composite form = new Composite(this, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        form.setLayout(new GridLayout(7, false));

        new Label(form, SWT.NONE).setText("&Text:");
        text = new Text(form, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage("in the message, any case");
        text.setLayoutData(width(260));
        new Label(form, SWT.NONE).setText("&Devices:");
        devices = new Text(form, SWT.BORDER);
        devices.setMessage("ids, e.g. mac-001a2b3c4d5e ip-10-0-0-7");
        devices.setLayoutData(width(260));
        devices.setToolTipText("Device ids, separated by spaces or commas; Ctrl+Space proposes the known devices");
        ContentProposalAdapter assist = new ContentProposalAdapter(devices, new TextContentAdapter(), deviceProposals,
                KeyStroke.getInstance(SWT.MOD1, ' '), null);
        assist.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
        devices.addListener(SWT.FocusIn, e -> loadDeviceProposals());
        new Label(form, SWT.NONE).setText("Min. se&verity:");
        minimumSeverity = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        minimumSeverity.add("any");
        for (int i = 1; i < MINIMUM_CHOICES.length; i++) {
            minimumSeverity.add(SeverityStyle.label(MINIMUM_CHOICES[i]));
        }
        minimumSeverity.select(0);
        new Label(form, SWT.NONE);

        new Label(form, SWT.NONE).setText("F&ields:");
        fields = new Text(form, SWT.BORDER);
        fields.setMessage("normalised fields, e.g. src_ip=10.0.0.5 action=deny (docs/devices.md lists them)");
        fields.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        fields.setToolTipText("Only events whose vendor fields have these values; name=value, separated by spaces");

        new Label(form, SWT.NONE).setText("Ti&me:");
        preset = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (TimeRangePreset choice : TimeRangePreset.values()) {
            preset.add(choice.label());
        }
        preset.select(TimeRangePreset.LAST_24_HOURS.ordinal());
        new Label(form, SWT.NONE).setText("&From:");
        from = new CalendarTimeField(form);
        new Label(form, SWT.NONE).setText("T&o:");
        to = new CalendarTimeField(form);
        searchButton = new Button(form, SWT.PUSH);
        searchButton.setText("&Search");
        searchButton.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        from.set(ZonedDateTime.now(zone).minusHours(24));
        to.set(ZonedDateTime.now(zone));
        preset.addListener(SWT.Selection, e -> enableCalendar());
        enableCalendar();

        searchButton.addListener(SWT.Selection, e -> search());
        text.addListener(SWT.DefaultSelection, e -> search());
        devices.addListener(SWT.DefaultSelection, e -> search());
        fields.addListener(SWT.DefaultSelection, e -> search());

        SashForm split = new SashForm(this, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new Table(split, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < StoredEventText.COLUMNS.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(StoredEventText.COLUMNS[i]);
            column.setWidth(COLUMN_WIDTHS[i]);
        }
        table.addListener(SWT.SetData, this::fillRow);
        table.addListener(SWT.Selection, e -> showDetails());
        details = new Text(split, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setFont(JFaceResources.getTextFont());
        split.setWeights(70, 30);

        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(5, false));
        previousButton = new Button(bar, SWT.PUSH);
        previousButton.setText("< &Previous");
        previousButton.addListener(SWT.Selection, e -> fetch(pages.current() - 1));
        nextButton = new Button(bar, SWT.PUSH);
        nextButton.setText("&Next >");
        nextButton.addListener(SWT.Selection, e -> fetch(pages.current() + 1));
        position = new Label(bar, SWT.NONE);
        position.setLayoutData(width(260));
        message = new Label(bar, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        exportButton = new Button(bar, SWT.PUSH);
        exportButton.setText("E&xport...");
        exportButton.setToolTipText("Save every match of the search (all pages) as CSV or JSON Lines");
        exportButton.addListener(SWT.Selection, e -> {
            if (exporting) {
                stopExport = true;
            } else {
                askAndExport();
            }
        });
        updateControls();
    }

    private static GridData width(int hint) {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = hint;
        return data;
    }

    private TimeRangePreset selectedPreset() {
        return TimeRangePreset.values()[Math.max(0, preset.getSelectionIndex())];
    }

    private void enableCalendar() {
        boolean custom = selectedPreset() == TimeRangePreset.CUSTOM;
        from.setEnabled(custom);
        to.setEnabled(custom);
    }

    /** Fixes the form's query and fetches its first page. */
    public void search() {
        SearchQuery.Range range;
        try {
            range = selectedPreset() == TimeRangePreset.CUSTOM
                    ? new SearchQuery.Range(from.instant(zone), to.instant(zone))
                    : selectedPreset().endingAt(Instant.now());
        } catch (IllegalArgumentException e) {
            showMessage("The custom range must end after it starts.", true);
            return;
        }
        List<FieldCondition> conditions;
        try {
            conditions = SearchQuery.parseFields(fields.getText());
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage(), true);
            return;
        }
        query = new SearchQuery(text.getText(), SearchQuery.parseDevices(devices.getText()),
                MINIMUM_CHOICES[Math.max(0, minimumSeverity.getSelectionIndex())], conditions, range);
        pages = new SearchPages();
        fetch(0);
    }

    /** Reads the device lists for the completion in a job, when the device field gets the focus. */
    private void loadDeviceProposals() {
        CollectorConnection current = connection.get();
        if (current != null) {
            BackgroundCall.run(this, "Reading devices for completion", () -> {
                deviceProposals.update(current.devices().list(false), current.devices().unknownSenders());
                return null;
            }, done -> { }, failure -> { }); // completion is a convenience: typing ids still works
        }
    }

    private void fetch(int page) {
        CollectorConnection current = connection.get();
        if (current == null) {
            showMessage(NOT_CONNECTED, true);
            return;
        }
        LogQueries queries = current.logs();
        int request = ++generation;
        SearchQuery asked = query;
        SearchPages of = pages;
        busy = true;
        updateControls();
        showMessage("Searching...", false);
        BackgroundCall.run(this, "Searching logs", () -> queries.search(asked.page(of.tokenOf(page))),
                response -> {
                    if (request == generation) {
                        show(of, page, response);
                    }
                },
                failure -> {
                    if (request == generation) {
                        busy = false;
                        showMessage("Search failed: " + failure, true);
                        updateControls();
                    }
                });
    }

    private void show(SearchPages of, int page, SearchResponse response) {
        busy = false;
        of.shown(page, response);
        shown = List.copyOf(response.getEventsList());
        table.removeAll();
        table.setItemCount(shown.size());
        details.setText("");
        showMessage(shown.isEmpty() ? "No messages match." : "", false);
        updateControls();
    }

    private void fillRow(Event event) {
        TableItem item = (TableItem) event.item;
        if (event.index < 0 || event.index >= shown.size()) {
            return;
        }
        org.logmaster.api.v1.Event stored = shown.get(event.index);
        item.setText(eventText.columns(stored));
        item.setForeground(SeverityStyle.foreground(stored.getSeverity()));
        item.setBackground(SeverityStyle.background(stored.getSeverity()));
    }

    private void showDetails() {
        int row = table.getSelectionIndex();
        details.setText(row >= 0 && row < shown.size() ? eventText.details(shown.get(row)) : "");
    }

    private void updateControls() {
        boolean have = pages != null && pages.current() >= 0;
        previousButton.setEnabled(!busy && have && pages.hasPrevious());
        nextButton.setEnabled(!busy && have && pages.hasNext());
        exportButton.setEnabled(exporting || !busy && !shown.isEmpty());
        exportButton.setText(exporting ? "Stop E&xport" : "E&xport...");
        exportButton.getParent().layout();
        searchButton.setEnabled(!busy);
        if (!have) {
            position.setText("");
        } else if (shown.isEmpty()) {
            position.setText("0 of " + counts.format(pages.totalCount()));
        } else {
            long first = pages.firstRowNumber();
            position.setText("Rows " + counts.format(first) + "–" + counts.format(first + shown.size() - 1) + " of "
                    + counts.format(pages.totalCount()) + " · page " + (pages.current() + 1));
        }
        position.getParent().layout();
    }

    private void showMessage(String text, boolean error) {
        MessageLine.show(message, text, error);
    }

    private void askAndExport() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setText("Export all " + counts.format(pages.totalCount()) + " matches");
        dialog.setFilterNames(new String[] { ResultExport.CSV.filterName(), ResultExport.JSON_LINES.filterName() });
        dialog.setFilterExtensions(new String[] { ResultExport.CSV.filterExtension(), ResultExport.JSON_LINES.filterExtension() });
        dialog.setFileName("logmaster-search.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            Path file = Path.of(chosen);
            ResultExport format = dialog.getFilterIndex() == 1 && !file.getFileName().toString().contains(".")
                    ? ResultExport.JSON_LINES : ResultExport.forFile(file);
            export(file, format);
        }
    }

    /**
     * Writes every match of the shown query, all pages, in a job; the message line counts the rows
     * and finally says where they went or why not. Export turns into Stop while it runs.
     */
    void export(Path file, ResultExport format) {
        CollectorConnection current = connection.get();
        if (current == null || query == null) {
            showMessage(NOT_CONNECTED, true);
            return;
        }
        LogQueries queries = current.logs();
        SearchQuery asked = query;
        String total = counts.format(pages.totalCount());
        exporting = true;
        stopExport = false;
        updateControls();
        showMessage("Exporting " + total + " rows...", false);
        BackgroundCall.run(this, "Exporting search results", () -> {
            try {
                return format.writeAll(queries, asked, file, rows -> getDisplay().asyncExec(() -> {
                    if (!isDisposed() && exporting) {
                        showMessage("Exporting: " + counts.format(rows) + " of " + total + " rows...", false);
                    }
                }), () -> stopExport);
            } catch (IOException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }, rows -> {
            exportEnded();
            showMessage("Exported " + counts.format(rows) + " rows to " + file, false);
        }, failure -> {
            exportEnded();
            showMessage(stopExport ? "Export stopped; nothing was saved." : "Export failed: " + failure, !stopExport);
        });
    }

    private void exportEnded() {
        exporting = false;
        updateControls();
    }

    @Override
    public boolean setFocus() {
        return text.setFocus();
    }

    // The test fragment drives the real widgets through these.

    Text fields() {
        return fields;
    }

    Text text() {
        return text;
    }

    Text devices() {
        return devices;
    }

    DeviceIdProposals deviceProposals() {
        return deviceProposals;
    }

    Combo preset() {
        return preset;
    }

    DateTime fromDate() {
        return from.date();
    }

    DateTime toDate() {
        return to.date();
    }

    Button searchButton() {
        return searchButton;
    }

    Button nextButton() {
        return nextButton;
    }

    Button previousButton() {
        return previousButton;
    }

    Table table() {
        return table;
    }

    Text details() {
        return details;
    }

    Label position() {
        return position;
    }

    Label message() {
        return message;
    }

    Button exportButton() {
        return exportButton;
    }
}
