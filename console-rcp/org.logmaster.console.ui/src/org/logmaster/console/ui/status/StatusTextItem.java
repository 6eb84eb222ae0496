package org.logmaster.console.ui.status;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.StatusLineLayoutData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A status line text with a tooltip (JFace's StatusLineContributionItem has no tooltip). Text
 * set before the item is shown is kept and shown once it is.
 */
abstract class StatusTextItem extends ContributionItem {

    private final int widthInChars;
    private final List<Runnable> subscriptions = new ArrayList<>();
    private CLabel label;
    private String text = "";
    private String toolTip = "";

    StatusTextItem(String id, int widthInChars) {
        super(id);
        this.widthInChars = widthInChars;
    }

    @Override
    public void fill(Composite parent) {
        new Label(parent, SWT.SEPARATOR);
        label = new CLabel(parent, SWT.SHADOW_NONE);
        label.setText(text);
        label.setToolTipText(toolTip);
        StatusLineLayoutData data = new StatusLineLayoutData();
        GC gc = new GC(parent);
        try {
            data.widthHint = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * widthInChars);
        } finally {
            gc.dispose();
        }
        label.setLayoutData(data);
        shown(parent);
    }

    /** Called once the label exists; subclasses start their updates here. */
    abstract void shown(Composite parent);

    /** Keeps a listener's removal, run when the item is disposed. */
    final void unsubscribeOnDispose(Runnable unsubscribe) {
        subscriptions.add(unsubscribe);
    }

    /** Whether the item follows its sources already (fill may be called more than once). */
    final boolean following() {
        return !subscriptions.isEmpty();
    }

    @Override
    public void dispose() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        super.dispose();
    }

    final void setText(String newText) {
        text = newText;
        if (label != null && !label.isDisposed()) {
            label.setText(newText);
        }
    }

    final String text() {
        return text;
    }

    final void setToolTip(String newToolTip) {
        toolTip = newToolTip;
        if (label != null && !label.isDisposed()) {
            label.setToolTipText(newToolTip);
        }
    }
}
