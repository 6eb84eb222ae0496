package org.logmaster.console.ui.connect;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.logmaster.console.client.CertificateFingerprint;
import org.logmaster.console.client.ConnectionSettings;
import org.logmaster.console.client.ConnectionStatus;
import org.logmaster.console.client.TransportSecurity;
import org.logmaster.console.ui.session.ConsoleSession;

/**
 * Connects with the certificate pinned for the address, and when the collector presents one that
 * was never accepted (or a different one), shows its fingerprint and lets the operator decide.
 * Only an accepted fingerprint is ever trusted; nothing is sent before that.
 */
public final class TrustOnFirstUse {

    private final Shell shell;
    private final ConnectionPreferences preferences;
    private final ConsoleSession session;

    public TrustOnFirstUse(Shell shell, ConnectionPreferences preferences, ConsoleSession session) {
        this.shell = shell;
        this.preferences = preferences;
        this.session = session;
    }

    public void connect(ConnectionSettings requested) {
        ConnectionSettings settings = requested.security() == TransportSecurity.TLS
                ? preferences.pinnedCertificate(requested.address()).map(requested::withPinnedCertificate).orElse(requested)
                : requested;
        session.connect(settings, outcome -> {
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> decide(settings, outcome));
            }
        });
    }

    private void decide(ConnectionSettings settings, ConnectionStatus outcome) {
        if (shell.isDisposed()) {
            return;
        }
        switch (outcome.state()) {
            case UNTRUSTED_CERTIFICATE -> outcome.presented().ifPresent(presented -> askToTrust(settings, presented,
                    "The collector at " + settings.address() + " presents a certificate that this console has not seen."
                            + "\n\nSHA-256 fingerprint:\n" + presented
                            + "\n\nCompare it with the fingerprint the collector shows on its own console. Trust it?"));
            case CERTIFICATE_MISMATCH -> outcome.presented().ifPresent(presented -> askToTrust(settings, presented,
                    "The certificate of the collector at " + settings.address() + " has CHANGED."
                            + "\n\nAccepted before:\n" + settings.pinnedCertificate() + "\n\nPresented now:\n" + presented
                            + "\n\nTrust the new one only if the collector's certificate was renewed on purpose."));
            case LOGIN_FAILED -> MessageDialog.openError(shell, "Login failed",
                    "The collector at " + settings.address() + " refused the login.\n\n" + outcome.detail());
            case UNREACHABLE -> MessageDialog.openError(shell, "Collector unreachable",
                    "Could not reach the collector at " + settings.address() + ".\n\n" + outcome.detail());
            default -> {
                // connected or not serving: the status line says so
            }
        }
    }

    private void askToTrust(ConnectionSettings settings, CertificateFingerprint presented, String message) {
        MessageDialog dialog = new MessageDialog(shell, "Collector certificate", null, message, MessageDialog.WARNING,
                1, "Trust and connect", "Cancel");
        if (dialog.open() == 0) {
            preferences.pin(settings.address(), presented);
            connect(settings.withPinnedCertificate(null));
        }
    }
}
