package org.logmaster.console.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Page 3: where the bundle is saved; proposed from the case number in the user's home folder. */
final class DestinationPage extends WizardPage {

    private final Supplier<String> caseNumber;
    private Text file;
    private String proposedFor;

    DestinationPage(Supplier<String> caseNumber) {
        super("destination");
        this.caseNumber = caseNumber;
        setTitle("Save the bundle");
        setDescription("Finish asks the collector for the bundle, saves it here and checks it.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        new Label(page, SWT.NONE).setText("Sa&ve to:"); // Alt+F is Finish
        file = new Text(page, SWT.BORDER);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(page, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> browse());
        Label note = new Label(page, SWT.WRAP);
        note.setText("The bundle is a zip: the original daily files and seals, the matching events as CSV and JSON Lines, "
                + "a signed and time-stamped manifest, and VERIFY.txt with the openssl commands that check it.");
        GridData noteLayout = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        noteLayout.widthHint = 500;
        note.setLayoutData(noteLayout);
        file.addModifyListener(e -> validate());
        setControl(page);
        setPageComplete(false); // until the page was shown and a file named
    }

    /** Proposes a name from the case number each time the page is shown, unless the operator typed one. */
    @Override
    public void setVisible(boolean visible) {
        if (visible && (file.getText().isBlank() || file.getText().equals(proposedFor))) {
            proposedFor = Path.of(System.getProperty("user.home"), BundleFileName.forCase(caseNumber.get())).toString();
            file.setText(proposedFor);
        }
        super.setVisible(visible);
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setText("Save the evidence bundle");
        dialog.setFilterExtensions(new String[] { "*.zip" });
        dialog.setFileName(BundleFileName.forCase(caseNumber.get()));
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }

    private void validate() {
        String problem = null;
        if (file.getText().isBlank()) {
            problem = "Choose where to save the bundle.";
        } else {
            Path folder = destination().getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                problem = "The folder does not exist: " + folder;
            } else if (!Files.isWritable(folder)) {
                problem = "The folder cannot be written: " + folder;
            } else if (Files.isDirectory(destination())) {
                problem = "That is a folder; name a file.";
            }
        }
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    Path destination() {
        return Path.of(file.getText().strip()).toAbsolutePath();
    }

    Text fileField() {
        return file;
    }
}
