package org.logmaster.console.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

import org.eclipse.jface.action.StatusLineManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.console.client.LiveTailState;
import org.logmaster.console.ui.collector.RunningCollector;
import org.logmaster.console.ui.session.ConsoleSession;
import org.logmaster.console.ui.status.IngestRateItem;

/**
 * A real Live Logs panel and status line item fed by a session logged in to a real collector
 * (child process), with messages sent by util-linux {@code logger}.
 */
class LiveLogsCollectorTest {

    private final RunningCollector collector = RunningCollector.shared();
    private final ConsoleSession session = new ConsoleSession();
    private Shell shell;
    private LiveLogsPanel panel;
    private CLabel streamLabel;
    private Runnable unsubscribe;

    @BeforeEach
    void openPanelAndLogIn() {
        shell = new Shell(SwtDriver.display());
        shell.setLayout(new GridLayout());
        shell.setSize(1300, 700);
        panel = new LiveLogsPanel(shell, 1_000);
        panel.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        StatusLineManager statusLine = new StatusLineManager(); // the workbench window's kind
        Composite line = (Composite) statusLine.createControl(shell);
        line.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        statusLine.add(new IngestRateItem(session.liveEvents()));
        statusLine.update(true);
        streamLabel = (CLabel) Arrays.stream(line.getChildren())
                .filter(child -> child instanceof CLabel label && String.valueOf(label.getText()).startsWith("Live:"))
                .findFirst().orElseThrow();
        shell.layout();
        shell.open();
        unsubscribe = session.liveEvents().subscribe(panel.listener());
        session.connect(collector.settings(collector.administrator()), outcome -> { });
    }

    @AfterEach
    void close() {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        session.close();
        shell.dispose();
    }

    /**
     * The tail follows what becomes durable after it reached the collector, which the console
     * cannot see before the first item: send a message now and then until one arrives.
     */
    private void awaitTheStreamDelivering() {
        long[] lastSent = { 0 };
        SwtDriver.pumpUntil("the live stream delivers; status line: " + streamLabel.getText(), () -> {
            if (panel.table().getItemCount() > 0) {
                return true;
            }
            if (session.liveEvents().status().state() == LiveTailState.CONNECTING
                    && System.nanoTime() - lastSent[0] > 1_000_000_000L) {
                lastSent[0] = System.nanoTime();
                sendQuietly("consolewarmup", "live stream check " + UUID.randomUUID());
            }
            return false;
        });
    }

    private void sendQuietly(String tag, String message) {
        try {
            collector.logger(tag, message);
        } catch (Exception e) {
            throw new AssertionError("logger failed", e);
        }
    }

    private TableItem rowWithMessage(String message) {
        TableItem[] found = new TableItem[1];
        SwtDriver.pumpUntil("a row with '" + message + "' appears", () -> {
            for (int row = panel.table().getItemCount() - 1; row >= 0; row--) {
                TableItem item = panel.table().getItem(row);
                if (item.getText(5).equals(message)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void aMessageSentWithLoggerAppearsAsARowWithItsTextAppAndSeverity() throws Exception {
        awaitTheStreamDelivering();
        String message = "badge reader opened door 4 " + UUID.randomUUID();

        collector.logger("consolelive", message);

        TableItem row = rowWithMessage(message);
        assertThat(row.getText(4)).isEqualTo("consolelive");
        assertThat(row.getText(2)).isEqualTo("WARNING");
    }

    @Test
    void selectingARowFromTheCollectorShowsEveryStoredFieldAndWhereTheRecordIs() throws Exception {
        awaitTheStreamDelivering();
        String message = "DHCPACK on 10.66.1.7 to 3c:22:fb:10:4e:a1 (" + UUID.randomUUID() + ") via vlan20";
        collector.logger("dhcpd", message);
        TableItem row = rowWithMessage(message);

        panel.table().setSelection(row);
        panel.table().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());

        assertThat(panel.details().getText()).contains("Sender:      127.0.0.1 via tcp")
                .contains("Format:      RFC5424").contains("src_ip=10.66.1.7").contains("event=dhcp_ack")
                .containsPattern("Daily file:  \\S+ \\d{4}-\\d{2}-\\d{2} at byte \\d+");
    }

    @Test
    void theStatusLineSaysTheStreamIsReceivingOnceItDelivers() {
        awaitTheStreamDelivering();

        SwtDriver.pumpUntil("the status line says so", () -> streamLabel.getText().startsWith("Live: receiving"));

        assertThat(streamLabel.getText()).matches("Live: receiving · \\d+ ev/s");
    }

    @Test
    void theStatusLineSaysTheStreamIsOffAfterTheSessionCloses() {
        awaitTheStreamDelivering();

        session.close();

        SwtDriver.pumpUntil("the status line says so", () -> streamLabel.getText().equals("Live: off"));
        assertThat(session.liveEvents().status().state()).isEqualTo(LiveTailState.STOPPED);
    }
}
