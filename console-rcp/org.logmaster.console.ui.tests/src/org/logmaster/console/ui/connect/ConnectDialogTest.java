package org.logmaster.console.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.TransportSecurity;

class ConnectDialogTest {

    private Shell parent;
    private ConnectDialog dialog;

    @BeforeEach
    void openDialog() {
        parent = new Shell(Display.getDefault());
        dialog = new ConnectDialog(parent, ConnectionSettings.tls("localhost", 50051), "operator");
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    @AfterEach
    void closeDialog() {
        dialog.close();
        parent.dispose();
    }

    @Test
    void startsFromTheGivenSettings() {
        assertThat(dialog.hostField().getText()).isEqualTo("localhost");
        assertThat(dialog.portField().getText()).isEqualTo("50051");
        assertThat(dialog.tlsCheckbox().getSelection()).isTrue();
        assertThat(dialog.userField().getText()).isEqualTo("operator");
        assertThat(dialog.passwordField().getText()).isEmpty();
    }

    @Test
    void connectTurnsTheFieldsIntoSettings() {
        dialog.hostField().setText(" collector.example ");
        dialog.portField().setText("7443");
        dialog.tlsCheckbox().setSelection(false);
        dialog.userField().setText("auditor");
        dialog.passwordField().setText("correct horse");

        dialog.connectButton().notifyListeners(SWT.Selection, new Event());

        ConnectionSettings result = dialog.result();
        assertThat(result.address()).isEqualTo("collector.example:7443");
        assertThat(result.security()).isEqualTo(TransportSecurity.PLAINTEXT);
        assertThat(result.credentials().user()).isEqualTo("auditor");
        assertThat(result.credentials().password()).containsExactly("correct horse".toCharArray());
    }

    @Test
    void aPortOutsideTheRangeDisablesConnect() {
        dialog.portField().setText("70000");

        assertThat(dialog.connectButton().isEnabled()).isFalse();
        assertThat(dialog.getErrorMessage()).contains("1 to 65535");
    }

    @Test
    void anEmptyHostDisablesConnect() {
        dialog.hostField().setText("  ");

        assertThat(dialog.connectButton().isEnabled()).isFalse();
    }
}
