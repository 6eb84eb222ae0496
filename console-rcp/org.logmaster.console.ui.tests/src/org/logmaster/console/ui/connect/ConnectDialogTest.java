package org.logmaster.console.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.TransportSecurity;

class ConnectDialogTest {

    @TempDir
    Path folder;
    private Shell parent;
    private SavedCollectors saved;
    private ConnectDialog dialog;

    @BeforeEach
    void openDialog() throws Exception {
        parent = new Shell(Display.getDefault());
        saved = new SavedCollectors(TestSecureStorage.open(folder).preferences());
        saved.save(ConnectionSettings.plaintext("logs-a.example", 7443)
                .withCredentials(new Credentials("auditor", "remembered secret".toCharArray())), true);
        saved.save(ConnectionSettings.tls("logs-b.example", 50051)
                .withCredentials(new Credentials("admin", "x".toCharArray())), false);
        dialog = new ConnectDialog(parent, ConnectionSettings.tls("localhost", 50051), "operator", saved);
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
    void theSavedCollectorsAreOfferedAfterANewOne() {
        assertThat(dialog.savedChoice().getItems()).containsExactly("New collector",
                "auditor @ logs-a.example:7443 (plaintext) · password remembered", "admin @ logs-b.example:50051 (TLS)");
        assertThat(dialog.savedChoice().getSelectionIndex()).isZero();
        assertThat(dialog.forgetButton().isEnabled()).isFalse();
    }

    @Test
    void choosingASavedCollectorFillsItsAddressUserAndRememberedPassword() {
        choose(1);

        assertThat(dialog.hostField().getText()).isEqualTo("logs-a.example");
        assertThat(dialog.portField().getText()).isEqualTo("7443");
        assertThat(dialog.tlsCheckbox().getSelection()).isFalse();
        assertThat(dialog.userField().getText()).isEqualTo("auditor");
        assertThat(dialog.passwordField().getText()).isEqualTo("remembered secret");
        assertThat(dialog.rememberPasswordCheckbox().getSelection()).isTrue();
    }

    @Test
    void aSavedCollectorWithoutARememberedPasswordLeavesThePasswordEmpty() {
        choose(2);

        assertThat(dialog.userField().getText()).isEqualTo("admin");
        assertThat(dialog.passwordField().getText()).isEmpty();
        assertThat(dialog.rememberPasswordCheckbox().getSelection()).isFalse();
    }

    @Test
    void connectSavesTheCollectorWithoutItsPasswordByDefault() throws Exception {
        dialog.hostField().setText("logs-c.example");
        dialog.passwordField().setText("typed");

        dialog.connectButton().notifyListeners(SWT.Selection, new Event());

        assertThat(saved.list()).extracting(SavedCollector::address).contains("logs-c.example:50051");
        assertThat(saved.password("logs-c.example:50051")).isEmpty();
    }

    @Test
    void connectWithRememberPasswordKeepsThePasswordInSecureStorage() throws Exception {
        dialog.hostField().setText("logs-c.example");
        dialog.passwordField().setText("typed");
        dialog.rememberPasswordCheckbox().setSelection(true);

        dialog.connectButton().notifyListeners(SWT.Selection, new Event());

        assertThat(saved.password("logs-c.example:50051")).hasValueSatisfying(
                password -> assertThat(password).containsExactly("typed".toCharArray()));
    }

    @Test
    void forgetRemovesTheChosenCollectorFromTheList() {
        choose(1);

        dialog.forgetButton().notifyListeners(SWT.Selection, new Event());

        assertThat(saved.list()).extracting(SavedCollector::address).containsExactly("logs-b.example:50051");
        assertThat(dialog.savedChoice().getItemCount()).isEqualTo(2);
    }

    private void choose(int index) {
        dialog.savedChoice().select(index);
        dialog.savedChoice().notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void anEmptyHostDisablesConnect() {
        dialog.hostField().setText("  ");

        assertThat(dialog.connectButton().isEnabled()).isFalse();
    }
}
