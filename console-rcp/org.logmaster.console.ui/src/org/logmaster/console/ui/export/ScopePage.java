package org.logmaster.console.ui.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.console.client.DeviceRegistry;
import org.logmaster.console.ui.CalendarTimeField;
import org.logmaster.console.ui.TypedList;
import org.logmaster.console.ui.session.BackgroundCall;

/**
 * Page 2: what goes in. Devices (none ticked: every device), the arrival range whose days decide
 * which daily files are included, and optional filters for the extract of matching events.
 */
final class ScopePage extends WizardPage {

    /** An IPv4 or IPv6 address as typed; the collector checks it properly. */
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final DeviceRegistry registry;
    private final ZoneId zone = ZoneId.systemDefault();
    private Table devices;
    private Label devicesMessage;
    private CalendarTimeField from;
    private CalendarTimeField to;
    private Text text;
    private Text ips;

    ScopePage(DeviceRegistry registry) {
        super("scope");
        this.registry = registry;
        setTitle("Devices, time range and filters");
        setDescription("The daily files of the ticked devices (none ticked: all) for the days of the range, with their seals.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        new Label(page, SWT.NONE).setText("&Devices:");
        devicesMessage = new Label(page, SWT.NONE);
        devicesMessage.setText("Reading the devices...");
        devicesMessage.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        devices = new Table(page, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        devices.setHeaderVisible(true);
        GridData table = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        table.heightHint = 140;
        devices.setLayoutData(table);
        for (String name : new String[] { "Device id", "Name or address", "Kind" }) {
            TableColumn column = new TableColumn(devices, SWT.LEFT);
            column.setText(name);
            column.setWidth(name.startsWith("Kind") ? 130 : 210);
        }

        new Label(page, SWT.NONE).setText("&From:");
        from = new CalendarTimeField(page);
        new Label(page, SWT.NONE).setText("&To:");
        to = new CalendarTimeField(page);
        LocalDate today = LocalDate.now(zone);
        from.set(today.minusDays(1).atStartOfDay(zone));
        to.set(today.atStartOfDay(zone));
        from.onChange(this::validate);
        to.onChange(this::validate);

        new Label(page, SWT.NONE).setText("Te&xt:");
        text = new Text(page, SWT.BORDER);
        text.setMessage("only events whose message contains this (optional)");
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(page, SWT.NONE).setText("&IP addresses:");
        ips = new Text(page, SWT.BORDER);
        ips.setMessage("only events mentioning one of these, separated by spaces or commas (optional)");
        ips.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ips.addModifyListener(e -> validate());
        setControl(page);
        readDevices();
        validate();
    }

    private void readDevices() {
        BackgroundCall.run(devices, "Reading devices for the export",
                () -> new Registry(registry.list(false), registry.unknownSenders()), this::showDevices,
                failure -> devicesMessage.setText("Could not read the devices: " + failure + " (export all devices)"));
    }

    private record Registry(List<Device> registered, List<UnknownSender> senders) {
    }

    private void showDevices(Registry found) {
        for (Device device : found.registered()) {
            new TableItem(devices, SWT.NONE).setText(new String[] { device.getId(), device.getName(), "registered" });
        }
        for (UnknownSender sender : found.senders()) {
            new TableItem(devices, SWT.NONE).setText(new String[] { sender.getDeviceId(), sender.getAddress(),
                    "unknown sender" });
        }
        devicesMessage.setText(devices.getItemCount() + " devices; tick the ones to export, or none for all");
    }

    private void validate() {
        String problem = !from.instant(zone).isBefore(to.instant(zone)) ? "The range must end after it starts."
                : ips().stream().filter(ip -> !IP.matcher(ip).matches()).findFirst()
                        .map(ip -> "Not an IP address: " + ip).orElse(null);
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    List<String> deviceIds() {
        List<String> ticked = new ArrayList<>();
        for (TableItem item : devices.getItems()) {
            if (item.getChecked()) {
                ticked.add(item.getText(0));
            }
        }
        return ticked;
    }

    Instant from() {
        return from.instant(zone);
    }

    Instant to() {
        return to.instant(zone);
    }

    String text() {
        return text.getText().strip();
    }

    List<String> ips() {
        return TypedList.of(ips.getText());
    }

    // The test fragment drives the real widgets through these.

    Table devicesTable() {
        return devices;
    }

    CalendarTimeField fromField() {
        return from;
    }

    CalendarTimeField toField() {
        return to;
    }

    Text ipsField() {
        return ips;
    }
}
