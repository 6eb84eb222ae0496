package org.logmaster.console.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;
import org.osgi.service.prefs.BackingStoreException;

class CollectorsPreferencePageTest {

    private static final CertificateFingerprint FINGERPRINT = CertificateFingerprint.parse("5A".repeat(32));

    @TempDir
    Path folder;
    private final IEclipsePreferences node = InstanceScope.INSTANCE.getNode("test-" + UUID.randomUUID());
    private final ConnectionPreferences preferences = new ConnectionPreferences(node);
    private SavedCollectors saved;
    private Shell shell;
    private CollectorsPreferencePage page;

    @BeforeEach
    void openPage() throws Exception {
        saved = new SavedCollectors(TestSecureStorage.open(folder).preferences());
        saved.save(ConnectionSettings.tls("logs-a.example", 50051)
                .withCredentials(new Credentials("auditor", "secret".toCharArray())), true);
        saved.save(ConnectionSettings.tls("logs-b.example", 50051), false);
        preferences.pin("logs-a.example:50051", FINGERPRINT);
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        page = new CollectorsPreferencePage(saved, preferences);
        page.createControl(shell);
        shell.open();
    }

    @AfterEach
    void close() throws BackingStoreException {
        shell.dispose();
        node.removeNode();
    }

    private static String[] column(Table table, int column) {
        return Arrays.stream(table.getItems()).map(item -> item.getText(column)).toArray(String[]::new);
    }

    @Test
    void listsTheSavedCollectorsAndWhetherTheirPasswordIsRemembered() {
        assertThat(column(page.collectorsTable(), 0)).containsExactly("logs-a.example:50051", "logs-b.example:50051");
        assertThat(column(page.collectorsTable(), 2)).containsExactly("remembered", "");
    }

    @Test
    void listsTheAcceptedCertificatesWithTheirFingerprints() {
        TableItem pin = page.certificatesTable().getItem(0);
        assertThat(pin.getText(0)).isEqualTo("logs-a.example:50051");
        assertThat(pin.getText(1)).isEqualTo(FINGERPRINT.toString());
    }

    @Test
    void aRemovedCollectorIsForgottenOnOk() throws Exception {
        removeFirstRow(page.collectorsTable(), page.removeCollectorButton());
        assertThat(saved.list()).hasSize(2); // not before OK

        assertThat(page.performOk()).isTrue();

        assertThat(saved.list()).extracting(SavedCollector::address).containsExactly("logs-b.example:50051");
        assertThat(saved.password("logs-a.example:50051")).isEmpty();
    }

    @Test
    void aRemovedCertificateIsNoLongerTrustedAfterOk() {
        removeFirstRow(page.certificatesTable(), page.removeCertificateButton());

        page.performOk();

        assertThat(preferences.pinnedCertificate("logs-a.example:50051")).isEmpty();
    }

    private static void removeFirstRow(Table table, Button remove) {
        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new Event());
        assertThat(remove.isEnabled()).isTrue();
        remove.notifyListeners(SWT.Selection, new Event());
    }
}
