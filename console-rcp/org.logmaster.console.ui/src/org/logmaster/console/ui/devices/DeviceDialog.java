package org.logmaster.console.ui.devices;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.logmaster.api.v1.Device;
import org.logmaster.api.v1.RegisterDeviceRequest;
import org.logmaster.api.v1.UpdateDeviceRequest;
import org.logmaster.console.client.DeviceRegistry;
import org.logmaster.console.ui.session.BackgroundCall;

/**
 * Registers a device or edits one. The form is checked while typing (MAC format, lengths); OK
 * sends the request in a job and the dialog stays open with the collector's message when the
 * collector refuses (an active device already has the MAC, an invalid IP address, ...).
 */
final class DeviceDialog extends TitleAreaDialog {

    private static final int NAME_MAX = 128;
    private static final int LOCATION_MAX = 256;
    private static final int TYPE_MAX = 64;

    private final DeviceRegistry registry;
    /** The device being edited; null when registering. */
    private final Device editing;
    private final String initialMac;
    private final String initialIp;
    private Text mac;
    private Text name;
    private Text location;
    private Text type;
    private Text staticIp;
    private Device result;
    private boolean sending;

    private DeviceDialog(Shell parent, DeviceRegistry registry, Device editing, String initialMac, String initialIp) {
        super(parent);
        this.registry = registry;
        this.editing = editing;
        this.initialMac = initialMac;
        this.initialIp = initialIp;
    }

    /** Register, prefilled with an unknown sender's MAC and address when one was selected. */
    static DeviceDialog register(Shell parent, DeviceRegistry registry, String mac, String address) {
        return new DeviceDialog(parent, registry, null, mac, address);
    }

    static DeviceDialog edit(Shell parent, DeviceRegistry registry, Device device) {
        return new DeviceDialog(parent, registry, device, device.getMac(), device.getStaticIp());
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(editing == null ? "Register Device" : "Edit Device");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(editing == null ? "Register a device by its MAC address" : "Edit " + editing.getName());
        setMessage(editing == null
                ? "Messages from this MAC (or static IP) are filed under the device from now on."
                : "The MAC address and the device id (" + editing.getId() + ") never change.");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));
        mac = field(form, "&MAC address:", initialMac, "00:1a:2b:3c:4d:5e");
        mac.setEditable(editing == null);
        name = field(form, "&Name:", editing == null ? "" : editing.getName(), "e.g. Main firewall");
        location = field(form, "&Location:", editing == null ? "" : editing.getLocation(), "e.g. server room, rack 2");
        type = field(form, "&Type:", editing == null ? "" : editing.getDeviceType(), "firewall, router, switch, access-point");
        staticIp = field(form, "Static &IP:", initialIp, "only when its MAC cannot be seen (another segment)");
        for (Text field : new Text[] { mac, name, location, type, staticIp }) {
            field.addModifyListener(e -> validate());
        }
        return area;
    }

    private static Text field(Composite form, String label, String value, String hint) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER);
        text.setText(value == null ? "" : value);
        text.setMessage(hint);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 360;
        text.setLayoutData(data);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, editing == null ? "&Register" : "&Save", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        Optional<String> problem = problem();
        setErrorMessage(problem.orElse(null));
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!sending && problem.isEmpty());
        }
    }

    private Optional<String> problem() {
        if (editing == null) {
            Optional<String> macProblem = MacAddressFormat.problem(mac.getText());
            if (macProblem.isPresent()) {
                return macProblem;
            }
        }
        String deviceName = name.getText().strip();
        if (deviceName.isEmpty()) {
            return Optional.of("Enter a name for the device.");
        }
        if (deviceName.length() > NAME_MAX || deviceName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The name is 1 to " + NAME_MAX + " characters without control characters.");
        }
        if (location.getText().strip().length() > LOCATION_MAX) {
            return Optional.of("The location is at most " + LOCATION_MAX + " characters.");
        }
        if (type.getText().strip().length() > TYPE_MAX) {
            return Optional.of("The type is at most " + TYPE_MAX + " characters.");
        }
        String ip = staticIp.getText().strip();
        if (!ip.isEmpty() && !ip.matches("[0-9A-Fa-f.:]+")) {
            return Optional.of("The static IP is an IPv4 or IPv6 address, or empty.");
        }
        return Optional.empty();
    }

    @Override
    protected void okPressed() {
        // read the widgets here, on the display thread; the job only sends
        Callable<Device> call;
        if (editing == null) {
            RegisterDeviceRequest request = RegisterDeviceRequest.newBuilder()
                    .setMac(MacAddressFormat.normalized(mac.getText())).setName(name.getText().strip())
                    .setLocation(location.getText().strip()).setDeviceType(type.getText().strip())
                    .setStaticIp(staticIp.getText().strip()).build();
            call = () -> registry.register(request);
        } else {
            UpdateDeviceRequest request = UpdateDeviceRequest.newBuilder().setId(editing.getId())
                    .setName(name.getText().strip()).setLocation(location.getText().strip())
                    .setDeviceType(type.getText().strip()).setStaticIp(staticIp.getText().strip()).build();
            call = () -> registry.update(request);
        }
        sending = true;
        validate();
        setMessage("Sending to the collector...");
        BackgroundCall.run(getShell(), editing == null ? "Registering device" : "Updating device", call, device -> {
            result = device;
            setReturnCode(OK);
            close();
        }, failure -> {
            sending = false;
            validate();
            setErrorMessage("The collector refused: " + failure);
        });
    }

    /** The registered or updated device as the collector returned it; null until OK succeeded. */
    Device result() {
        return result;
    }

    // for the test fragment

    Text mac() {
        return mac;
    }

    Text name() {
        return name;
    }

    Text location() {
        return location;
    }

    Text type() {
        return type;
    }

    Button okButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    String errorMessage() {
        return getErrorMessage();
    }
}
