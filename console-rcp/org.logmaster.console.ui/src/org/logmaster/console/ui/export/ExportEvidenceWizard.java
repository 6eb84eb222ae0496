package org.logmaster.console.ui.export;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.wizard.Wizard;
import org.logmaster.api.v1.ExportBundleRequest;
import org.logmaster.api.v1.ExportSummary;
import org.logmaster.console.client.CallFailedException;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.EvidenceBundleCheck;
import org.logmaster.console.client.EvidenceExports.ExportCancelledException;
import org.logmaster.console.ui.session.BackgroundCall;

import com.google.protobuf.Timestamp;

/**
 * Export Evidence: case, scope and file, then Finish streams the bundle from the collector with a
 * progress bar and Cancel, saves it, and checks the saved file on this computer. The wizard stays
 * open with the collector's message when the export fails (for example UNAVAILABLE when the TSA
 * cannot stamp the manifest).
 */
public final class ExportEvidenceWizard extends Wizard {

    private final CollectorConnection connection;
    private final CasePage casePage = new CasePage();
    private final ScopePage scopePage;
    private final DestinationPage destinationPage;
    private ExportResult result;

    public ExportEvidenceWizard(CollectorConnection connection) {
        this.connection = connection;
        this.scopePage = new ScopePage(connection.devices());
        this.destinationPage = new DestinationPage(casePage::caseNumber);
        setWindowTitle("Export Evidence");
        setNeedsProgressMonitor(true);
        addPage(casePage);
        addPage(scopePage);
        addPage(destinationPage);
    }

    ExportBundleRequest request() {
        return ExportBundleRequest.newBuilder().setCaseNumber(casePage.caseNumber()).setRequester(casePage.requester())
                .setReason(casePage.reason()).addAllDeviceIds(scopePage.deviceIds())
                .setFrom(timestamp(scopePage.from().getEpochSecond()))
                .setTo(timestamp(scopePage.to().getEpochSecond())).setText(scopePage.text())
                .addAllIps(scopePage.ips()).build();
    }

    private static Timestamp timestamp(long seconds) {
        return Timestamp.newBuilder().setSeconds(seconds).build();
    }

    @Override
    public boolean performFinish() {
        ExportBundleRequest request = request();
        Path file = destinationPage.destination();
        AtomicReference<ExportResult> saved = new AtomicReference<>();
        try {
            getContainer().run(true, true, monitor -> saved.set(export(request, file, monitor)));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            currentPage().setErrorMessage(cause instanceof CallFailedException failed
                    ? "The collector refused the export: " + BackgroundCall.describe(failed)
                    : cause instanceof ExportCancelledException ? "Cancelled; nothing was saved."
                    : "The export failed: " + cause.getMessage());
            return false;
        } catch (InterruptedException e) {
            currentPage().setErrorMessage("Cancelled; nothing was saved.");
            return false;
        }
        result = saved.get();
        return true;
    }

    private ExportResult export(ExportBundleRequest request, Path file, IProgressMonitor monitor)
            throws InvocationTargetException {
        monitor.beginTask("Asking the collector for the bundle of case " + request.getCaseNumber()
                + " (it copies, hashes, signs and time-stamps first)", IProgressMonitor.UNKNOWN);
        try {
            ExportSummary summary = connection.evidence().export(request, file,
                    bytes -> monitor.subTask(String.format(Locale.ROOT, "%.1f MB received", bytes / 1e6)),
                    monitor::isCanceled);
            monitor.subTask("Checking the saved bundle");
            return new ExportResult(file, summary, EvidenceBundleCheck.check(file, summary));
        } catch (IOException | RuntimeException e) {
            throw new InvocationTargetException(e);
        } finally {
            monitor.done();
        }
    }

    private org.eclipse.jface.wizard.WizardPage currentPage() {
        return (org.eclipse.jface.wizard.WizardPage) getContainer().getCurrentPage();
    }

    /** The saved bundle after a successful Finish; null before or after a failure. */
    ExportResult result() {
        return result;
    }

    // The test fragment drives the real pages through these.

    CasePage casePage() {
        return casePage;
    }

    ScopePage scopePage() {
        return scopePage;
    }

    DestinationPage destinationPage() {
        return destinationPage;
    }
}
