package org.logmaster.console.ui.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window > Preferences > LogMaster > Collectors: the saved collectors and the certificates this
 * console accepted, each removable. Removals take effect on Apply or OK, as on every preference
 * page; removing a certificate makes the next connection to that address ask again.
 */
public final class CollectorsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private final SavedCollectors saved;
    private final ConnectionPreferences preferences;
    private final Set<String> collectorsToForget = new LinkedHashSet<>();
    private final Set<String> certificatesToForget = new LinkedHashSet<>();
    private Table collectors;
    private Table certificates;
    private Button removeCollector;
    private Button removeCertificate;

    /** What the workbench makes: the user's secure storage and the workspace's preferences. */
    public CollectorsPreferencePage() {
        this(SavedCollectors.ofUser(), ConnectionPreferences.ofWorkspace());
    }

    CollectorsPreferencePage(SavedCollectors saved, ConnectionPreferences preferences) {
        this.saved = saved;
        this.preferences = preferences;
        noDefaultButton(); // nothing here has a default: the lists are the operator's
        setDescription("Collectors offered by Collector > Connect, and the collector certificates this console trusts.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing to read from the workbench
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        collectors = section(page, "&Saved collectors:", "Collector", "User", "Password");
        removeCollector = button(page, "&Remove", collectors, collectorsToForget);
        certificates = section(page, "&Accepted certificates (trust on first use):", "Collector", "SHA-256 fingerprint");
        removeCertificate = button(page, "R&emove", certificates, certificatesToForget);
        fill();
        return page;
    }

    private static Table section(Composite page, String title, String... columns) {
        Label label = new Label(page, SWT.NONE);
        label.setText(title);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Table table = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, true);
        layout.heightHint = 120;
        layout.widthHint = 520;
        table.setLayoutData(layout);
        for (String name : columns) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(name);
            column.setWidth(name.startsWith("SHA") ? 330 : 180);
        }
        return table;
    }

    private static Button button(Composite page, String text, Table table, Set<String> removals) {
        Button remove = new Button(page, SWT.PUSH);
        remove.setText(text);
        remove.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, false, false));
        remove.setEnabled(false);
        table.addListener(SWT.Selection, e -> remove.setEnabled(table.getSelectionCount() > 0));
        remove.addListener(SWT.Selection, e -> {
            for (TableItem item : table.getSelection()) {
                removals.add(item.getText(0));
            }
            table.remove(table.getSelectionIndices());
            remove.setEnabled(false);
        });
        return remove;
    }

    private void fill() {
        for (SavedCollector collector : saved.list()) {
            new TableItem(collectors, SWT.NONE).setText(new String[] { collector.address(), collector.user(),
                    collector.passwordRemembered() ? "remembered" : "" });
        }
        for (Map.Entry<String, String> pin : preferences.pinnedCertificates().entrySet()) {
            new TableItem(certificates, SWT.NONE).setText(new String[] { pin.getKey(), pin.getValue() });
        }
    }

    @Override
    public boolean performOk() {
        List<String> failed = new ArrayList<>();
        for (String address : collectorsToForget) {
            try {
                saved.forget(address);
            } catch (IOException e) {
                failed.add(address + ": " + e.getMessage());
            }
        }
        certificatesToForget.forEach(preferences::unpin);
        collectorsToForget.clear();
        certificatesToForget.clear();
        if (!failed.isEmpty()) {
            setErrorMessage("Could not remove " + String.join("; ", failed));
            return false;
        }
        return true;
    }

    // The test fragment drives the real widgets through these.

    Table collectorsTable() {
        return collectors;
    }

    Table certificatesTable() {
        return certificates;
    }

    Button removeCollectorButton() {
        return removeCollector;
    }

    Button removeCertificateButton() {
        return removeCertificate;
    }
}
