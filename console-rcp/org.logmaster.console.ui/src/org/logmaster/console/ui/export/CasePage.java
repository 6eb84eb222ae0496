package org.logmaster.console.ui.export;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Page 1: the court's request. All three go into the bundle's signed manifest and the audit trail. */
final class CasePage extends WizardPage {

    static final int MAX_CASE_NUMBER = 500;

    private Text caseNumber;
    private Text requester;
    private Text reason;

    CasePage() {
        super("case");
        setTitle("Case");
        setDescription("The request this evidence answers; it is signed into the bundle's manifest.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        caseNumber = field(page, "&Case number:", SWT.BORDER | SWT.SINGLE);
        caseNumber.setTextLimit(MAX_CASE_NUMBER);
        caseNumber.setMessage("e.g. 2026/1234 E.");
        requester = field(page, "&Requester:", SWT.BORDER | SWT.SINGLE);
        requester.setMessage("the court or authority asking");
        reason = field(page, "R&eason:", SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        ((GridData) reason.getLayoutData()).heightHint = 80;
        for (Text text : new Text[] { caseNumber, requester, reason }) {
            text.addModifyListener(e -> validate());
        }
        setControl(page);
        validate();
    }

    private static Text field(Composite page, String label, int style) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, style);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return text;
    }

    private void validate() {
        String problem = caseNumber.getText().isBlank() ? "Enter the case number."
                : requester.getText().isBlank() ? "Enter who requests the evidence."
                : reason.getText().isBlank() ? "Enter the reason for the export." : null;
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    String caseNumber() {
        return caseNumber.getText().strip();
    }

    String requester() {
        return requester.getText().strip();
    }

    String reason() {
        return reason.getText().strip();
    }

    // The test fragment fills the real fields through these.

    Text caseNumberField() {
        return caseNumber;
    }

    Text requesterField() {
        return requester;
    }

    Text reasonField() {
        return reason;
    }
}
