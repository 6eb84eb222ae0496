package org.logmaster.console.ui.connect;

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
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.Credentials;
import org.logmaster.console.client.TransportSecurity;

/** Asks for the collector's address, whether to use TLS, and the operator's login. */
public final class ConnectDialog extends TitleAreaDialog {

    private final ConnectionSettings initial;
    private final String initialUser;
    private Text host;
    private Text port;
    private Button tls;
    private Text user;
    private Text password;
    private ConnectionSettings result;

    public ConnectDialog(Shell parent, ConnectionSettings initial, String initialUser) {
        super(parent);
        this.initial = initial;
        this.initialUser = initialUser == null ? "" : initialUser;
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

        host = field(form, "Host:", SWT.BORDER, initial.host());
        port = field(form, "Port:", SWT.BORDER, Integer.toString(initial.port()));
        new Label(form, SWT.NONE);
        tls = new Button(form, SWT.CHECK);
        tls.setText("Use TLS (the collector's certificate is confirmed on first use)");
        tls.setSelection(initial.security() == TransportSecurity.TLS);
        user = field(form, "User:", SWT.BORDER, initialUser);
        password = field(form, "Password:", SWT.BORDER | SWT.PASSWORD, "");

        host.addModifyListener(e -> validate());
        port.addModifyListener(e -> validate());
        return area;
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
        super.okPressed();
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
}
