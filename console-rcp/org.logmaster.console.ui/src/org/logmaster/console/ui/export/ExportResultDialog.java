package org.logmaster.console.ui.export;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** What was saved and how the checks went, in selectable text (the manifest's SHA-256 goes into the case file). */
final class ExportResultDialog extends TitleAreaDialog {

    private final ExportResult result;

    ExportResultDialog(Shell parent, ExportResult result) {
        super(parent);
        this.result = result;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Evidence bundle saved");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(result.verified() ? "The bundle is saved and its files check out"
                : "The bundle is saved, but a check FAILED");
        setMessage(result.summary().getBuiltinTsa() ? "Stamped by the built-in lab TSA: not legal evidence."
                : "Verify the signature and time stamp with openssl as VERIFY.txt in the bundle says.",
                result.verified() && !result.summary().getBuiltinTsa() ? IMessageProvider.INFORMATION
                        : IMessageProvider.WARNING);
        Text text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setFont(JFaceResources.getTextFont());
        text.setText(result.describe());
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, true);
        layout.widthHint = 760;
        layout.heightHint = 340;
        text.setLayoutData(layout);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
