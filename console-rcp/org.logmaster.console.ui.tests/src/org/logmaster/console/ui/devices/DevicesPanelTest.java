package org.logmaster.console.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Role;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.ui.collector.RunningCollector;
import org.logmaster.console.ui.live.SwtDriver;

/** A real Devices panel against a real collector (child process). */
class DevicesPanelTest {

    private final RunningCollector collector = RunningCollector.shared();
    private CollectorConnection connection;
    private Shell shell;
    private DevicesPanel panel;

    @BeforeEach
    void openShell() {
        shell = new Shell(SwtDriver.display());
        shell.setLayout(new FillLayout());
        shell.setSize(1300, 700);
        panel = new DevicesPanel(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        if (connection != null) {
            connection.close();
        }
    }

    private void loggedInAs(Credentials login) {
        connection = collector.connect(login);
        panel.connect(connection.devices(), connection.whoAmI());
        SwtDriver.pumpUntil("the lists are read", () -> panel.message().getText().contains("unknown sender"));
    }

    /** A locally administered unicast MAC that no other test uses. */
    private static String freshMac() {
        long bits = ThreadLocalRandom.current().nextLong(1L << 40);
        return String.format("02:%02x:%02x:%02x:%02x:%02x", bits >> 32 & 0xff, bits >> 24 & 0xff, bits >> 16 & 0xff,
                bits >> 8 & 0xff, bits & 0xff);
    }

    private boolean listed(String mac) {
        return Arrays.stream(panel.devices().getItems()).map(item -> item.getText(1)).anyMatch(mac::equals);
    }

    @Test
    void aDeviceRegisteredThroughTheDialogAppearsInTheList() {
        loggedInAs(collector.administrator());
        String mac = freshMac();

        DeviceDialog dialog = panel.openRegisterDialog();
        dialog.mac().setText(mac.toUpperCase().replace(':', '-'));
        dialog.name().setText("Edge firewall " + mac);
        dialog.location().setText("Server room");
        dialog.type().setText("firewall");
        assertThat(dialog.okButton().isEnabled()).isTrue();
        dialog.okButton().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        SwtDriver.pumpUntil("the dialog closes", () -> dialog.result() != null);
        panel.refresh();
        SwtDriver.pumpUntil("the device is listed", () -> listed(mac));

        TableItem row = Arrays.stream(panel.devices().getItems()).filter(item -> item.getText(1).equals(mac))
                .findFirst().orElseThrow();
        assertThat(row.getText(0)).isEqualTo("Edge firewall " + mac);
        assertThat(row.getText(2)).isEqualTo("mac-" + mac.replace(":", ""));
    }

    @Test
    void editingTheSelectedDeviceChangesItsNameInTheList() {
        loggedInAs(collector.administrator());
        String mac = freshMac();
        connection.devices().register(org.logmaster.api.v1.RegisterDeviceRequest.newBuilder().setMac(mac)
                .setName("Old name " + mac).build());
        panel.refresh();
        SwtDriver.pumpUntil("the device is listed", () -> listed(mac));
        TableItem[] items = panel.devices().getItems();
        panel.devices().setSelection(IntStream.range(0, items.length).filter(i -> items[i].getText(1).equals(mac))
                .findFirst().orElseThrow());
        panel.devices().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertThat(panel.editButton().isEnabled()).isTrue();

        DeviceDialog dialog = panel.openEditDialog();
        assertThat(dialog.mac().getEditable()).isFalse();
        dialog.name().setText("New name " + mac);
        dialog.okButton().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        SwtDriver.pumpUntil("the dialog closes", () -> dialog.result() != null);
        panel.refresh();
        SwtDriver.pumpUntil("the new name is listed", () -> Arrays.stream(panel.devices().getItems())
                .anyMatch(item -> item.getText(0).equals("New name " + mac)));

        assertThat(dialog.result().getMac()).isEqualTo(mac);
    }

    @Test
    void aRetiredDeviceLeavesTheListOfActiveDevices() {
        loggedInAs(collector.administrator());
        String mac = freshMac();
        org.logmaster.api.v1.Device device = connection.devices().register(org.logmaster.api.v1.RegisterDeviceRequest
                .newBuilder().setMac(mac).setName("Old switch " + mac).build());
        panel.refresh();
        SwtDriver.pumpUntil("the device is listed", () -> listed(mac));

        panel.retire(device, "replaced by a new switch");
        SwtDriver.pumpUntil("the device is gone", () -> !listed(mac));

        assertThat(connection.devices().list(true)).anySatisfy(retired -> {
            assertThat(retired.getMac()).isEqualTo(mac);
            assertThat(retired.hasRetiredAt()).isTrue();
        });
    }

    @Test
    void theCollectorsRefusalIsShownInTheDialog() {
        loggedInAs(collector.administrator());
        String mac = freshMac();
        connection.devices().register(org.logmaster.api.v1.RegisterDeviceRequest.newBuilder().setMac(mac)
                .setName("First " + mac).build());

        DeviceDialog dialog = panel.openRegisterDialog();
        dialog.mac().setText(mac);
        dialog.name().setText("Second " + mac);
        dialog.okButton().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        SwtDriver.pumpUntil("the refusal is shown", () -> String.valueOf(dialog.errorMessage()).startsWith("The collector refused"));

        assertThat(dialog.errorMessage()).startsWith("The collector refused: ALREADY_EXISTS: ");
        assertThat(dialog.result()).isNull();
        dialog.close();
    }

    @Test
    void anInvalidMacDisablesRegisterInTheDialog() {
        loggedInAs(collector.administrator());

        DeviceDialog dialog = panel.openRegisterDialog();
        dialog.mac().setText("01:00:5e:00:00:01");
        dialog.name().setText("Multicast is no device");

        assertThat(dialog.okButton().isEnabled()).isFalse();
        assertThat(dialog.errorMessage()).contains("multicast");
        dialog.close();
    }

    @Test
    void aViewersRegisterActionIsDisabled() {
        loggedInAs(collector.createUser("viewer" + ThreadLocalRandom.current().nextInt(1_000_000), Role.ROLE_VIEWER));

        assertThat(panel.registerButton().isEnabled()).isFalse();
        assertThat(panel.message().getText()).contains("read only for the viewer role");
    }

    @Test
    void anAdministratorsRegisterActionIsEnabled() {
        loggedInAs(collector.administrator());

        assertThat(panel.registerButton().isEnabled()).isTrue();
    }
}
