package org.logmaster.console.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;

/** The one-line message of a panel: the text (also as tooltip, as it may be cut), red for errors. */
public final class MessageLine {
    private MessageLine() {
    }

    public static void show(Label message, String text, boolean error) {
        message.setText(text);
        message.setToolTipText(text);
        message.setForeground(error ? message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        message.getParent().layout();
    }
}
