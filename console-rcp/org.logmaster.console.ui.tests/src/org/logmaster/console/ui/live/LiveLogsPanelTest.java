package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.Severity;
import org.logmaster.console.client.LiveEventListener;

/** Drives a real Live Logs panel in a shell on the test display (Xvfb in the build). */
class LiveLogsPanelTest {

    private Shell shell;
    private LiveLogsPanel panel;

    @BeforeEach
    void openPanel() {
        shell = new Shell(SwtDriver.display());
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 600);
        panel = new LiveLogsPanel(shell, 1_000);
        shell.open();
    }

    @AfterEach
    void closePanel() {
        shell.dispose();
    }

    /** Delivers events from a background thread, as a real source does. */
    private void sendFromBackground(int from, int to, Severity severity, String app) throws InterruptedException {
        LiveEventListener listener = panel.listener();
        Thread sender = Thread.ofPlatform().start(() -> {
            for (int n = from; n < to; n++) {
                listener.onEvent(TestEvents.event(n, severity, app));
            }
        });
        sender.join();
    }

    private int rows() {
        return panel.table().getItemCount();
    }

    private void click(org.eclipse.swt.widgets.Button button) {
        button.setSelection(!button.getSelection());
        button.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void aBurstOfEventsFillsTheTable() throws InterruptedException {
        sendFromBackground(0, 500, Severity.SEVERITY_INFORMATIONAL, "filterlog");

        SwtDriver.pumpUntil("500 rows", () -> rows() == 500);

        TableItem last = panel.table().getItem(499);
        assertThat(last.getText(2)).isEqualTo("INFO");
        assertThat(last.getText(4)).isEqualTo("filterlog");
        assertThat(last.getText(5)).isEqualTo("message 499");
    }

    @Test
    void eventsReachTheDisplayThreadInBatchesNotOneByOne() throws InterruptedException {
        sendFromBackground(0, 900, Severity.SEVERITY_INFORMATIONAL, "filterlog");

        SwtDriver.pumpUntil("900 rows", () -> rows() == 900);

        assertThat(panel.batchesTaken()).isBetween(1, 900 / 10);
    }

    @Test
    void severityColoursMarkSevereRows() throws InterruptedException {
        sendFromBackground(0, 1, Severity.SEVERITY_CRITICAL, "kernel");
        sendFromBackground(1, 2, Severity.SEVERITY_INFORMATIONAL, "kernel");
        SwtDriver.pumpUntil("2 rows", () -> rows() == 2);

        Table table = panel.table();
        assertThat(table.getItem(0).getBackground()).isEqualTo(SeverityStyle.background(Severity.SEVERITY_CRITICAL));
        assertThat(table.getItem(0).getText(2)).isEqualTo("CRIT");
        assertThat(table.getItem(1).getBackground()).isEqualTo(table.getBackground());
    }

    @Test
    void filterTextReducesTheRows() throws InterruptedException {
        sendFromBackground(0, 300, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        sendFromBackground(300, 320, Severity.SEVERITY_WARNING, "sshd");
        SwtDriver.pumpUntil("320 rows", () -> rows() == 320);

        panel.filterText().setText("SSHD");

        SwtDriver.pumpUntil("only the sshd rows", () -> rows() == 20);
        assertThat(panel.table().getItem(0).getText(4)).isEqualTo("sshd");
    }

    @Test
    void minimumSeverityReducesTheRows() throws InterruptedException {
        sendFromBackground(0, 100, Severity.SEVERITY_DEBUG, "dhcpd");
        sendFromBackground(100, 110, Severity.SEVERITY_ERROR, "sshd");
        SwtDriver.pumpUntil("110 rows", () -> rows() == 110);

        panel.minimumSeverity().select(panel.minimumSeverity().indexOf("ERROR"));
        panel.minimumSeverity().notifyListeners(SWT.Selection, new Event());

        assertThat(rows()).isEqualTo(10);
    }

    @Test
    void pauseStopsUpdatesAndResumeCatchesUp() throws InterruptedException {
        sendFromBackground(0, 10, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        SwtDriver.pumpUntil("10 rows", () -> rows() == 10);

        click(panel.pauseButton());
        sendFromBackground(10, 60, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        SwtDriver.pumpFor(Duration.ofMillis(500));

        assertThat(rows()).isEqualTo(10);
        // the waiting count is refreshed every 500 ms while paused: wait for it rather than race it
        SwtDriver.pumpUntil("the waiting count", () -> panel.counters().getText().contains("paused, 50 waiting"));
        assertThat(rows()).isEqualTo(10);

        click(panel.pauseButton());
        SwtDriver.pumpUntil("the held events", () -> rows() == 60);
        assertThat(panel.table().getItem(59).getText(5)).isEqualTo("message 59");
    }

    @Test
    void selectingARowShowsItsDetails() throws InterruptedException {
        sendFromBackground(0, 5, Severity.SEVERITY_NOTICE, "hostapd");
        SwtDriver.pumpUntil("5 rows", () -> rows() == 5);

        panel.table().setSelection(3);
        panel.table().notifyListeners(SWT.Selection, new Event());

        assertThat(panel.details().getText()).contains("message 3").contains("NOTICE").contains("hostapd");
    }

    @Test
    void selectingARowStopsFollowingSoItStaysInView() throws InterruptedException {
        sendFromBackground(0, 500, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        SwtDriver.pumpUntil("500 rows", () -> rows() == 500);
        SwtDriver.pumpFor(Duration.ofMillis(200)); // GTK settles the scroll position when it lays out

        panel.table().setSelection(panel.table().getTopIndex() + 1);
        panel.table().notifyListeners(SWT.Selection, new Event());
        SwtDriver.pumpFor(Duration.ofMillis(200));
        int top = panel.table().getTopIndex();
        sendFromBackground(500, 900, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        SwtDriver.pumpUntil("900 rows", () -> rows() == 900);

        SwtDriver.pumpFor(Duration.ofMillis(200));

        assertThat(panel.followButton().getSelection()).isFalse();
        assertThat(panel.table().getTopIndex()).isEqualTo(top);
    }

    @Test
    void whenTheBufferIsFullTheOldestRowsLeaveAndAreCounted() throws InterruptedException {
        sendFromBackground(0, 1_500, Severity.SEVERITY_INFORMATIONAL, "filterlog");

        SwtDriver.pumpUntil("all 1500 received", () -> panel.model().receivedCount() == 1_500);

        assertThat(rows()).isEqualTo(1_000);
        assertThat(panel.table().getItem(0).getText(5)).isEqualTo("message 500");
        assertThat(panel.counters().getText()).contains("500 dropped");
    }

    @Test
    void followKeepsTheNewestRowInView() throws InterruptedException {
        sendFromBackground(0, 800, Severity.SEVERITY_INFORMATIONAL, "filterlog");

        SwtDriver.pumpUntil("800 rows", () -> rows() == 800);

        assertThat(panel.followButton().getSelection()).isTrue();
        assertThat(panel.table().getTopIndex()).isGreaterThan(700);
    }

    @Test
    void theSelectedEventStaysSelectedWhenOlderRowsLeave() throws InterruptedException {
        sendFromBackground(0, 1_000, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        SwtDriver.pumpUntil("1000 rows", () -> rows() == 1_000);
        panel.table().setSelection(600);

        sendFromBackground(1_000, 1_100, Severity.SEVERITY_INFORMATIONAL, "filterlog");
        SwtDriver.pumpUntil("all 1100 received", () -> panel.model().receivedCount() == 1_100);

        assertThat(panel.table().getSelectionIndex()).isEqualTo(500);
        assertThat(panel.table().getItem(500).getText(5)).isEqualTo("message 600");
    }
}
