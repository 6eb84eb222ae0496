package org.logmaster.console.ui.connect;

import java.io.IOException;
import java.util.List;

import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.TransportSecurity;

/**
 * Asks for the collector's address, whether to use TLS, and the operator's login; offers the
 * saved collectors and saves the chosen one (the password only when asked to, encrypted).
 */
public final class ConnectDialog extends TitleAreaDialog {

    private final ConnectionSettings initial;
    private final String initialUser;
    private final SavedCollectors saved;
    private List<SavedCollector> savedList = List.of();
    private Combo savedChoice;
    private Button forget;
    private Button save;
    private Button rememberPassword;
    private Text host;
    private Text port;
    private Button tls;
    private Text user;
    private Text password;
    private ConnectionSettings result;

    public ConnectDialog(Shell parent, ConnectionSettings initial, String initialUser, SavedCollectors saved) {
        super(parent);
        this.initial = initial;
        this.initialUser = initialUser == null ? "" : initialUser;
        this.saved = saved;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Connect to Collector");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Connect to a LogMaster collector");
        setMessage("The collector's API address and your login.");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));

        new Label(form, SWT.NONE).setText("Sa&ved:");
        Composite savedRow = new Composite(form, SWT.NONE);
        savedRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout savedLayout = new GridLayout(2, false);
        savedLayout.marginWidth = 0;
        savedLayout.marginHeight = 0;
        savedRow.setLayout(savedLayout);
        savedChoice = new Combo(savedRow, SWT.READ_ONLY);
        savedChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        forget = new Button(savedRow, SWT.PUSH);
        forget.setText("&Forget");
        forget.setToolTipText("Remove the chosen collector and its remembered password from the list");

        host = field(form, "&Host:", SWT.BORDER, initial.host());
        port = field(form, "&Port:", SWT.BORDER, Integer.toString(initial.port()));
        new Label(form, SWT.NONE);
        tls = new Button(form, SWT.CHECK);
        tls.setText("Use &TLS (the collector's certificate is confirmed on first use)");
        tls.setSelection(initial.security() == TransportSecurity.TLS);
        user = field(form, "&User:", SWT.BORDER, initialUser);
        password = field(form, "Pass&word:", SWT.BORDER | SWT.PASSWORD, "");
        new Label(form, SWT.NONE);
        save = new Button(form, SWT.CHECK);
        save.setText("&Save this collector in the list");
        save.setSelection(true);
        new Label(form, SWT.NONE);
        rememberPassword = new Button(form, SWT.CHECK);
        rememberPassword.setText("&Remember the password (encrypted in Eclipse secure storage)");

        host.addModifyListener(e -> validate());
        port.addModifyListener(e -> validate());
        save.addListener(SWT.Selection, e -> rememberPassword.setEnabled(save.getSelection()));
        savedChoice.addListener(SWT.Selection, e -> fillFromSaved());
        forget.addListener(SWT.Selection, e -> forgetChosen());
        readSaved();
        return area;
    }

    private void readSaved() {
        savedList = saved.list();
        savedChoice.removeAll();
        savedChoice.add("New collector");
        savedList.forEach(collector -> savedChoice.add(collector.label()));
        int current = indexOf(ConnectionSettings.plaintext(host.getText().strip(), parsePort()).address());
        savedChoice.select(current + 1);
        forget.setEnabled(current >= 0);
    }

    private int indexOf(String address) {
        for (int i = 0; i < savedList.size(); i++) {
            if (savedList.get(i).address().equals(address)) {
                return i;
            }
        }
        return -1;
    }

    private void fillFromSaved() {
        int chosen = savedChoice.getSelectionIndex() - 1;
        forget.setEnabled(chosen >= 0);
        if (chosen < 0) {
            return;
        }
        SavedCollector collector = savedList.get(chosen);
        host.setText(collector.host());
        port.setText(Integer.toString(collector.port()));
        tls.setSelection(collector.tls());
        user.setText(collector.user());
        password.setText("");
        rememberPassword.setSelection(collector.passwordRemembered());
        if (collector.passwordRemembered()) {
            try {
                saved.password(collector.address()).ifPresent(remembered -> password.setText(new String(remembered)));
            } catch (StorageException e) {
                setMessage("The remembered password could not be read: " + e.getMessage(), IMessageProvider.WARNING);
            }
        }
    }

    private void forgetChosen() {
        int chosen = savedChoice.getSelectionIndex() - 1;
        if (chosen < 0) {
            return;
        }
        try {
            saved.forget(savedList.get(chosen).address());
        } catch (IOException e) {
            setMessage("Could not change the saved collectors: " + e.getMessage(), IMessageProvider.WARNING);
        }
        readSaved();
        savedChoice.select(0);
        forget.setEnabled(false);
    }

    private static Text field(Composite form, String label, int style, String value) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, style);
        text.setText(value);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Connect", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
        // a filled-in address and user (the last connection, or the collector offered at start)
        // lack only the password
        (host.getText().isBlank() || user.getText().isBlank() ? host : password).setFocus();
    }

    private void validate() {
        String problem = problem();
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    private String problem() {
        if (host.getText().isBlank()) {
            return "Enter the collector's host name or address.";
        }
        int value = parsePort();
        return value < 1 || value > 65_535 ? "The port is a number from 1 to 65535." : null;
    }

    private int parsePort() {
        try {
            return Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    protected void okPressed() {
        Credentials login = user.getText().isBlank() ? null
                : new Credentials(user.getText().strip(), password.getText().toCharArray());
        result = new ConnectionSettings(host.getText().strip(), parsePort(),
                tls.getSelection() ? TransportSecurity.TLS : TransportSecurity.PLAINTEXT, null, login);
        if (save.getSelection() && !saveResult()) {
            return; // the dialog stays open with the reason; untick Save to connect without saving
        }
        super.okPressed();
    }

    private boolean saveResult() {
        try {
            saved.save(result, rememberPassword.getSelection());
            return true;
        } catch (StorageException | IOException e) {
            setErrorMessage("Could not save the collector" + (rememberPassword.getSelection() ? " and its password" : "")
                    + ": " + e.getMessage());
            return false;
        }
    }

    /** The settings the operator confirmed, or null when cancelled. */
    public ConnectionSettings result() {
        return result;
    }

    // The test fragment fills the real fields through these.

    Text hostField() {
        return host;
    }

    Text portField() {
        return port;
    }

    Button tlsCheckbox() {
        return tls;
    }

    Text userField() {
        return user;
    }

    Text passwordField() {
        return password;
    }

    Button connectButton() {
        return getButton(IDialogConstants.OK_ID);
    }

    Combo savedChoice() {
        return savedChoice;
    }

    Button forgetButton() {
        return forget;
    }

    Button saveCheckbox() {
        return save;
    }

    Button rememberPasswordCheckbox() {
        return rememberPassword;
    }
}
