package org.logmaster.console.ui.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
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
import org.logmaster.api.v1.ComplianceStatusResponse;
import org.logmaster.api.v1.ComplianceVerifyResponse;
import org.logmaster.api.v1.DayStatus;
import org.logmaster.api.v1.DayVerification;
import org.logmaster.api.v1.Permission;
import org.logmaster.console.ui.MessageLine;
import org.logmaster.console.client.ComplianceRecords;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.session.BackgroundCall;

import com.google.protobuf.Timestamp;

/**
 * The Compliance control: devices as rows, the last 7 or 30 days (in the appliance's time zone)
 * as columns, each cell the day's seal state. Selecting a cell shows its TSA time, TSA and signer;
 * Verify asks the collector to verify that day now, off the display thread.
 */
public final class CompliancePanel extends Composite {

    private static final int[] RANGES = { 7, 30 };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Combo range;
    private final Button refreshButton;
    private final Button verifyButton;
    private final Label message;
    private final Table grid;
    private final Label details;

    private ComplianceRecords records;
    private SessionInfo who = SessionInfo.NONE;
    private List<LocalDate> days = List.of();
    private List<String> devices = List.of();
    private Map<String, DayStatus> byDeviceAndDay = Map.of();
    private String builtinTsaLabel = "";
    private ZoneId zone = ZoneId.systemDefault();
    private int selectedColumn = -1;
    private int generation;

    public CompliancePanel(Composite parent) {
        super(parent, SWT.NONE);
        setLayout(new GridLayout(1, false));

        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(4, false));
        range = new Combo(bar, SWT.READ_ONLY);
        for (int length : RANGES) {
            range.add("Last " + length + " days");
        }
        range.select(0);
        refreshButton = new Button(bar, SWT.PUSH);
        refreshButton.setText("Re&fresh");
        verifyButton = new Button(bar, SWT.PUSH);
        verifyButton.setText("Ver&ify"); // Alt+V is the View menu
        verifyButton.setToolTipText("Verify the selected day now: file bytes, signature, time stamp and chain");
        message = new Label(bar, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        grid = new Table(this, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        grid.setHeaderVisible(true);
        grid.setLinesVisible(true);
        details = new Label(this, SWT.WRAP);
        details.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        range.addListener(SWT.Selection, e -> refresh());
        refreshButton.addListener(SWT.Selection, e -> refresh());
        verifyButton.addListener(SWT.Selection, e -> verifySelected());
        // A table selects rows; the clicked column says which day of the row is meant.
        grid.addListener(SWT.MouseDown, this::pickColumn);
        grid.addListener(SWT.Selection, e -> showSelection());
        updateActions();
        showMessage("Not logged in to a collector: Collector > Connect... (Ctrl+K)", false);
    }

    /** Shows the records of a logged-in session (or nothing when {@code complianceRecords} is null). */
    public void connect(ComplianceRecords complianceRecords, SessionInfo session) {
        records = complianceRecords;
        who = complianceRecords == null ? SessionInfo.NONE : session;
        if (records == null) {
            show(List.of(), new Grid(List.of(), Map.of(), ""));
            showMessage("Not logged in to a collector: Collector > Connect... (Ctrl+K)", false);
        } else {
            refresh();
        }
    }

    /** Reads the status of the chosen range in a job. */
    public void refresh() {
        reread(null, false);
    }

    /**
     * Reads the status again and, when {@code verdict} is given, keeps it as the message line once
     * the grid is shown (after a Verify, whose outcome the collector has just recorded).
     */
    private void reread(String verdict, boolean failed) {
        if (records == null) {
            return;
        }
        ComplianceRecords from = records;
        int length = RANGES[Math.max(0, range.getSelectionIndex())];
        // A day more on each side: the appliance's zone may be ahead of or behind this one.
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(length);
        LocalDate last = today.plusDays(1);
        int request = ++generation;
        showMessage(verdict == null ? "Reading seal status..." : verdict, failed);
        BackgroundCall.run(this, "Reading seal status", () -> from.complianceStatus(first, last, List.of()),
                response -> {
                    if (request == generation) {
                        show(lastDays(response, length), grid(response));
                        if (verdict != null) {
                            showMessage(verdict, failed);
                        }
                    }
                },
                failure -> {
                    if (request == generation) {
                        showMessage("Could not read the seal status: " + failure, true);
                    }
                });
    }

    private record Grid(List<String> devices, Map<String, DayStatus> cells, String builtinTsaLabel) {
    }

    private List<LocalDate> lastDays(ComplianceStatusResponse response, int length) {
        if (!response.getTimeZone().isEmpty()) {
            zone = ZoneId.of(response.getTimeZone());
        }
        LocalDate today = LocalDate.now(zone);
        List<LocalDate> result = new ArrayList<>();
        for (int back = length - 1; back >= 0; back--) {
            result.add(today.minusDays(back));
        }
        return result;
    }

    private static Grid grid(ComplianceStatusResponse response) {
        Map<String, DayStatus> cells = new LinkedHashMap<>();
        Map<String, Boolean> devices = new TreeMap<>();
        for (DayStatus day : response.getDaysList()) {
            cells.put(key(day.getDeviceId(), day.getDay()), day);
            devices.put(day.getDeviceId(), true);
        }
        return new Grid(List.copyOf(devices.keySet()), cells, response.getBuiltinTsaLabel());
    }

    private static String key(String device, String day) {
        return device + ' ' + day;
    }

    private void show(List<LocalDate> shownDays, Grid content) {
        String keepDevice = selectedDevice();
        LocalDate keepDay = selectedDate();
        days = shownDays;
        devices = content.devices();
        byDeviceAndDay = content.cells();
        builtinTsaLabel = content.builtinTsaLabel();
        selectedColumn = -1;
        grid.setRedraw(false);
        grid.removeAll();
        for (TableColumn column : grid.getColumns()) {
            column.dispose();
        }
        TableColumn deviceColumn = new TableColumn(grid, SWT.LEFT);
        deviceColumn.setText("Device");
        deviceColumn.setWidth(180);
        for (LocalDate day : days) {
            TableColumn column = new TableColumn(grid, SWT.CENTER);
            column.setText(day.getMonthValue() + "-" + day.getDayOfMonth());
            column.setToolTipText(day.toString());
            column.setWidth(days.size() > 7 ? 70 : 100);
        }
        for (String device : devices) {
            TableItem item = new TableItem(grid, SWT.NONE);
            item.setText(0, device);
            for (int i = 0; i < days.size(); i++) {
                DayStatus status = byDeviceAndDay.get(key(device, days.get(i).toString()));
                DayCell cell = status == null ? DayCell.NONE : DayCell.of(status);
                item.setText(i + 1, cell.text());
                if (cell.colour() != null) {
                    item.setBackground(i + 1, new Color(cell.colour()));
                }
            }
        }
        grid.setRedraw(true);
        details.setText("");
        if (records != null) {
            showMessage(devices.size() + (devices.size() == 1 ? " device" : " devices") + ", " + days.size()
                    + " days (" + zone + ")", false);
        }
        reselect(keepDevice, keepDay);
        updateActions();
    }

    /** After a re-read, selects the cell that was selected before, when the grid still shows it. */
    private void reselect(String device, LocalDate day) {
        int row = device == null ? -1 : devices.indexOf(device);
        int column = day == null ? -1 : days.indexOf(day);
        if (row >= 0 && column >= 0) {
            grid.setSelection(row);
            selectedColumn = column + 1;
            showSelection();
        }
    }

    private void pickColumn(Event e) {
        TableItem item = grid.getItem(new Point(e.x, e.y));
        if (item == null) {
            return;
        }
        for (int column = 1; column < grid.getColumnCount(); column++) {
            if (item.getBounds(column).contains(e.x, e.y)) {
                selectedColumn = column;
                showSelection();
                return;
            }
        }
    }

    private void showSelection() {
        DayStatus day = selectedDay();
        if (day == null) {
            details.setText(selectedDevice() == null || selectedColumn < 1 ? ""
                    : selectedDevice() + " " + days.get(selectedColumn - 1) + ": nothing recorded");
        } else {
            details.setText(describe(day));
        }
        details.getParent().layout();
        updateActions();
    }

    private String describe(DayStatus day) {
        StringBuilder text = new StringBuilder(day.getDeviceId()).append(' ').append(day.getDay()).append(": ")
                .append(DayCell.of(day).text());
        if (day.hasTsaTime()) {
            text.append(" · TSA time ").append(time(day.getTsaTime()));
        }
        if (!day.getTsaLabel().isEmpty()) {
            text.append(" · TSA ").append(day.getTsaLabel());
        }
        if (day.getBuiltinTsa() && !day.getTsaLabel().equals(builtinTsaLabel)) {
            text.append(" (").append(builtinTsaLabel).append(')');
        }
        if (!day.getSignerFingerprint().isEmpty()) {
            text.append(" · signer SHA-256 ").append(day.getSignerFingerprint());
        }
        if (!day.getProblem().isEmpty()) {
            text.append(" · problem: ").append(day.getProblem());
        }
        return text.toString();
    }

    private String time(Timestamp timestamp) {
        return TIME.format(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).atZone(zone));
    }

    private String selectedDevice() {
        int row = grid.getSelectionIndex();
        return row < 0 || row >= devices.size() ? null : devices.get(row);
    }

    private LocalDate selectedDate() {
        return selectedColumn < 1 || selectedColumn > days.size() ? null : days.get(selectedColumn - 1);
    }

    private DayStatus selectedDay() {
        String device = selectedDevice();
        LocalDate date = selectedDate();
        return device == null || date == null ? null : byDeviceAndDay.get(key(device, date.toString()));
    }

    private void verifySelected() {
        String device = selectedDevice();
        LocalDate day = selectedDate();
        if (records == null || device == null || day == null) {
            return;
        }
        ComplianceRecords from = records;
        showMessage("Verifying " + device + " " + day + "...", false);
        verifyButton.setEnabled(false);
        BackgroundCall.run(this, "Verifying " + device + " " + day, () -> from.verify(device, day),
                // the collector recorded the outcome: read the grid again so the cell shows it
                result -> reread(verdict(device, day, result), !result.getOk()),
                failure -> {
                    showMessage("Could not verify " + device + " " + day + ": " + failure, true);
                    updateActions();
                });
    }

    /** The server's answer in one line: OK with TSA and signer, or its first problem. */
    private String verdict(String device, LocalDate day, ComplianceVerifyResponse result) {
        String what = device + " " + day;
        if (!result.getOk()) {
            return "Verification of " + what + " failed: " + result.getFirstProblem();
        }
        DayVerification verified = result.getDaysList().stream().filter(d -> d.getDay().equals(day.toString()))
                .findFirst().orElse(null);
        if (verified == null) {
            return "Verified " + what + ": OK, nothing sealed to check";
        }
        return "Verified " + what + ": OK · TSA time " + time(verified.getTsaTime()) + " · " + verified.getTsaName()
                + (verified.getBuiltinTsa() ? " (" + result.getBuiltinTsaLabel() + ")" : "") + " · signer "
                + verified.getSigner();
    }

    private void updateActions() {
        boolean may = records != null && who.may(Permission.PERMISSION_COMPLIANCE_READ);
        refreshButton.setEnabled(records != null);
        verifyButton.setEnabled(may && selectedDevice() != null && selectedDate() != null);
    }

    private void showMessage(String text, boolean error) {
        MessageLine.show(message, text, error);
    }

    @Override
    public boolean setFocus() {
        return grid.setFocus();
    }

    // The test fragment drives the real widgets through these.

    Table grid() {
        return grid;
    }

    Label message() {
        return message;
    }

    Label details() {
        return details;
    }

    Button verifyButton() {
        return verifyButton;
    }

    /** Selects a cell as a click on it would: {@code column} 1 is the first (oldest) day. */
    void selectCell(int row, int column) {
        grid.setSelection(row);
        selectedColumn = column;
        showSelection();
    }
}
