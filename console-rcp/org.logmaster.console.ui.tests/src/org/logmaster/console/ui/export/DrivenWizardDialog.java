package org.logmaster.console.ui.export;

import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;

/** A real wizard dialog, opened without blocking, whose buttons a test presses. */
final class DrivenWizardDialog extends WizardDialog {

    DrivenWizardDialog(Shell parent, IWizard wizard) {
        super(parent, wizard);
        setBlockOnOpen(false);
    }

    void pressNext() {
        nextPressed();
    }

    void pressFinish() {
        finishPressed();
    }

    Button button(int id) {
        return getButton(id);
    }
}
