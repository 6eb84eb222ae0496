package org.logmaster.console.ui.devices;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.Permission;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.console.ui.MessageLine;
import org.logmaster.console.client.DeviceRegistry;
import org.logmaster.console.client.SessionInfo;
import org.logmaster.console.ui.session.BackgroundCall;

import com.google.protobuf.Timestamp;

/**
 * The Devices control: registered devices and the senders not registered yet, with Register,
 * Edit and Retire. Actions the logged-in role may not do (everything but reading for auditors
 * and viewers) are disabled, not merely refused by the collector.
 */
public final class DevicesPanel extends Composite {

    private static final String[] DEVICE_COLUMNS = { "Name", "MAC", "Id", "Type", "Location", "Static IP", "Registered", "Retired" };
    private static final int[] DEVICE_WIDTHS = { 180, 140, 150, 110, 200, 120, 150, 150 };
    private static final String[] SENDER_COLUMNS = { "Address", "Filed as", "MAC", "First seen", "Last seen", "Messages" };
    private static final int[] SENDER_WIDTHS = { 150, 170, 140, 150, 150, 100 };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone = ZoneId.systemDefault();
    private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
    private final Button registerButton;
    private final Button editButton;
    private final Button retireButton;
    private final Button refreshButton;
    private final Button showRetired;
    private final Label message;
    private final Table devices;
    private final Table senders;

    private DeviceRegistry registry;
    private SessionInfo who = SessionInfo.NONE;
    private List<Device> deviceRows = List.of();
    private List<UnknownSender> senderRows = List.of();
    private int generation;

    public DevicesPanel(Composite parent) {
        super(parent, SWT.NONE);
        setLayout(new GridLayout(1, false));

        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(6, false));
        registerButton = button(bar, "&Register...", "Register a device by its MAC address (a selected unknown sender's MAC is filled in)");
        editButton = button(bar, "&Edit...", "Change the selected device's name, location, type or static IP");
        retireButton = button(bar, "Re&tire...", "Take the selected device out of service; its files stay");
        refreshButton = button(bar, "Re&fresh", "Read the lists from the collector again");
        showRetired = new Button(bar, SWT.CHECK);
        showRetired.setText("Show retired");
        message = new Label(bar, SWT.WRAP);
        GridData messageLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        messageLayout.horizontalIndent = 24; // apart from the check box, whose label it is not
        message.setLayoutData(messageLayout);

        SashForm split = new SashForm(this, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        devices = table(group(split, "Registered devices"), DEVICE_COLUMNS, DEVICE_WIDTHS);
        senders = table(group(split, "Unknown senders (not registered; their messages are kept under their address)"),
                SENDER_COLUMNS, SENDER_WIDTHS);
        split.setWeights(55, 45);

        registerButton.addListener(SWT.Selection, e -> openRegister());
        editButton.addListener(SWT.Selection, e -> openEdit());
        retireButton.addListener(SWT.Selection, e -> askRetire());
        refreshButton.addListener(SWT.Selection, e -> refresh());
        showRetired.addListener(SWT.Selection, e -> refresh());
        devices.addListener(SWT.Selection, e -> updateActions());
        devices.addListener(SWT.DefaultSelection, e -> openEdit());
        senders.addListener(SWT.DefaultSelection, e -> openRegister());
        updateActions();
        showMessage("Not logged in to a collector: Collector > Connect... (Ctrl+K)", false);
    }

    private static Button button(Composite bar, String text, String tooltip) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        return button;
    }

    private static Composite group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(1, false));
        return group;
    }

    private static Table table(Composite parent, String[] columns, int[] widths) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(widths[i]);
        }
        return table;
    }

    /** Shows the registry of a logged-in session (or nothing when {@code registry} is null). */
    public void connect(DeviceRegistry deviceRegistry, SessionInfo session) {
        registry = deviceRegistry;
        who = deviceRegistry == null ? SessionInfo.NONE : session;
        if (registry == null) {
            deviceRows = List.of();
            senderRows = List.of();
            devices.removeAll();
            senders.removeAll();
            showMessage("Not logged in to a collector: Collector > Connect... (Ctrl+K)", false);
            updateActions();
        } else {
            refresh();
        }
    }

    /** Reads both lists in a job. */
    public void refresh() {
        if (registry == null) {
            return;
        }
        DeviceRegistry from = registry;
        boolean retired = showRetired.getSelection();
        int request = ++generation;
        showMessage("Reading devices...", false);
        BackgroundCall.run(this, "Reading devices", () -> new Lists(from.list(retired), from.unknownSenders()),
                lists -> {
                    if (request == generation) {
                        show(lists);
                    }
                },
                failure -> {
                    if (request == generation) {
                        showMessage("Could not read the devices: " + failure, true);
                    }
                });
    }

    private record Lists(List<Device> devices, List<UnknownSender> senders) {
    }

    private void show(Lists lists) {
        String selectedId = selectedDevice() == null ? null : selectedDevice().getId();
        deviceRows = List.copyOf(lists.devices());
        senderRows = List.copyOf(lists.senders());
        devices.removeAll();
        for (Device device : deviceRows) {
            TableItem item = new TableItem(devices, SWT.NONE);
            item.setText(new String[] { device.getName(), device.getMac(), device.getId(), device.getDeviceType(),
                device.getLocation(), device.getStaticIp(), time(device.getRegisteredAt()), time(device.getRetiredAt()) });
            if (device.hasRetiredAt()) {
                item.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            }
            if (device.getId().equals(selectedId)) {
                devices.setSelection(item);
            }
        }
        senders.removeAll();
        for (UnknownSender sender : senderRows) {
            new TableItem(senders, SWT.NONE).setText(new String[] { sender.getAddress(), sender.getDeviceId(),
                sender.getMac(), time(sender.getFirstSeen()), time(sender.getLastSeen()),
                counts.format(sender.getMessageCount()) });
        }
        showMessage(counted(deviceRows.size(), "device") + ", " + counted(senderRows.size(), "unknown sender") + (who.may(Permission.PERMISSION_DEVICES_MANAGE) ? ""
                        : " · read only for the " + who.roleLabel() + " role"), false);
        updateActions();
    }

    private String counted(int count, String noun) {
        return counts.format(count) + " " + noun + (count == 1 ? "" : "s");
    }

    private String time(Timestamp timestamp) {
        if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
            return "";
        }
        return TIME.format(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).atZone(zone));
    }

    private Device selectedDevice() {
        int row = devices.getSelectionIndex();
        return row >= 0 && row < deviceRows.size() ? deviceRows.get(row) : null;
    }

    private UnknownSender selectedSender() {
        int row = senders.getSelectionIndex();
        return row >= 0 && row < senderRows.size() ? senderRows.get(row) : null;
    }

    private void updateActions() {
        boolean manage = registry != null && who.may(Permission.PERMISSION_DEVICES_MANAGE);
        Device selected = selectedDevice();
        boolean activeSelected = selected != null && !selected.hasRetiredAt();
        registerButton.setEnabled(manage);
        editButton.setEnabled(manage && activeSelected);
        retireButton.setEnabled(manage && activeSelected);
        refreshButton.setEnabled(registry != null);
    }

    /** Registration dialog; not modal for tests, which drive it through {@link #openRegisterDialog}. */
    private void openRegister() {
        if (!registerButton.isEnabled()) {
            return;
        }
        DeviceDialog dialog = registerDialog();
        if (dialog.open() == Window.OK) {
            refresh();
        }
    }

    private DeviceDialog registerDialog() {
        UnknownSender sender = selectedSender();
        return DeviceDialog.register(getShell(), registry, sender == null ? "" : sender.getMac(),
                sender == null || !sender.getMac().isEmpty() ? "" : sender.getAddress());
    }

    private void openEdit() {
        Device device = selectedDevice();
        if (!editButton.isEnabled() || device == null) {
            return;
        }
        if (DeviceDialog.edit(getShell(), registry, device).open() == Window.OK) {
            refresh();
        }
    }

    private void askRetire() {
        Device device = selectedDevice();
        if (!retireButton.isEnabled() || device == null) {
            return;
        }
        IInputValidator required = text -> text.isBlank() ? "Say why; the reason goes to the audit trail." : null;
        InputDialog reason = new InputDialog(getShell(), "Retire Device", "Retire " + device.getName() + " ("
                + device.getMac() + ")? Its senders become unknown again; its daily files and seals stay.\n\nReason:",
                "", required);
        if (reason.open() != Window.OK) {
            return;
        }
        retire(device, reason.getValue().strip());
    }

    /** Retires in a job, then reads the lists again; a refusal goes to the message line. */
    void retire(Device device, String why) {
        DeviceRegistry to = registry;
        BackgroundCall.run(this, "Retiring device", () -> to.retire(device.getId(), why), retired -> refresh(),
                failure -> showMessage("The collector refused to retire " + device.getName() + ": " + failure, true));
    }

    private void showMessage(String text, boolean error) {
        MessageLine.show(message, text, error);
    }

    @Override
    public boolean setFocus() {
        return devices.setFocus();
    }

    // The test fragment drives the real widgets through these.

    /** The Register dialog as the button opens it, without blocking, for a test to fill in. */
    DeviceDialog openRegisterDialog() {
        DeviceDialog dialog = registerDialog();
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    /** The Edit dialog for the selected device as the button opens it, without blocking. */
    DeviceDialog openEditDialog() {
        DeviceDialog dialog = DeviceDialog.edit(getShell(), registry, selectedDevice());
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    Button registerButton() {
        return registerButton;
    }

    Button editButton() {
        return editButton;
    }

    Button retireButton() {
        return retireButton;
    }

    Table devices() {
        return devices;
    }

    Table senders() {
        return senders;
    }

    Label message() {
        return message;
    }
}
