package org.logmaster.console.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.logmaster.api.v1.ComplianceVerifyResponse;
import org.logmaster.api.v1.UnknownSender;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.ui.collector.RunningCollector;
import org.logmaster.console.ui.live.SwtDriver;

/** A real Compliance panel against a real collector (child process). */
class CompliancePanelTest {

    private final RunningCollector collector = RunningCollector.shared();
    private CollectorConnection connection;
    private Shell shell;
    private CompliancePanel panel;

    @BeforeEach
    void openShell() {
        shell = new Shell(SwtDriver.display());
        shell.setLayout(new FillLayout());
        shell.setSize(1300, 600);
        panel = new CompliancePanel(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        if (connection != null) {
            connection.close();
        }
    }

    /** The device id the collector files this host's {@code logger} messages under. */
    private String loggerDevice() {
        return deviceOfSender("127.0.0.1");
    }

    private String deviceOfSender(String address) {
        SwtDriver.pumpUntil(address + " is a known sender", () -> connection.devices().unknownSenders().stream()
                .anyMatch(sender -> sender.getAddress().equals(address)));
        return connection.devices().unknownSenders().stream().filter(s -> s.getAddress().equals(address))
                .map(UnknownSender::getDeviceId).findFirst().orElseThrow();
    }

    private int rowOf(String device) {
        TableItem[] items = panel.grid().getItems();
        return java.util.stream.IntStream.range(0, items.length).filter(i -> items[i].getText(0).equals(device))
                .findFirst().orElse(-1);
    }

    @Test
    void todaysCellOfALoggingDeviceIsOpenAndVerifyShowsTheServersAnswer() throws Exception {
        collector.logger("compliance", "compliance grid " + UUID.randomUUID());
        connection = collector.connect(collector.administrator());
        String device = loggerDevice();
        panel.connect(connection.compliance(), connection.whoAmI());

        SwtDriver.pumpUntil("the device has a row", () -> {
            boolean answered = panel.message().getText().contains("days (");
            if (answered && rowOf(device) < 0) {
                panel.refresh(); // the daily file may not be on disk yet: ask again
            }
            return answered && rowOf(device) >= 0;
        });
        int row = rowOf(device);
        int today = panel.grid().getColumnCount() - 1;
        assertThat(panel.grid().getColumn(today).getToolTipText()).isEqualTo(serverToday().toString());
        assertThat(panel.grid().getItem(row).getText(today)).isEqualTo("open");
        assertThat(panel.grid().getItem(row).getBackground(today).getRGB()).isEqualTo(DayCell.GREY);

        panel.selectCell(row, today);
        assertThat(panel.details().getText()).startsWith(device + " " + serverToday() + ": open");
        assertThat(panel.verifyButton().isEnabled()).isTrue();
        panel.verifyButton().notifyListeners(SWT.Selection, new Event());
        SwtDriver.pumpUntil("the verdict is shown", () -> !panel.message().getText().startsWith("Verifying"));

        ComplianceVerifyResponse server = connection.compliance().verify(device, serverToday());
        assertThat(panel.message().getText()).contains(device + " " + serverToday()).contains(server.getOk()
                ? "OK" : server.getFirstProblem());
    }

    /** Seals a copy of today's file as yesterday's and shows the grid; returns the seal command's output. */
    private String withSealedYesterday(String device) throws Exception {
        LocalDate today = serverToday();
        SwtDriver.pumpUntil("today's daily file exists", () -> connection.compliance()
                .complianceStatus(today, today, List.of(device)).getDaysCount() > 0);
        String sealed = collector.sealCopyOfToday(device, today, today.minusDays(1));
        panel.connect(connection.compliance(), connection.whoAmI());
        SwtDriver.pumpUntil("the device has a row", () -> rowOf(device) >= 0);
        return sealed;
    }

    @Test
    void aDaySealedWithTheBuiltInTsaIsShownSealedWithItsTsaTimeAndLabel() throws Exception {
        collector.logger("compliance", "to be sealed " + UUID.randomUUID());
        connection = collector.connect(collector.administrator());
        String device = loggerDevice();
        String sealed = withSealedYesterday(device);

        int yesterday = panel.grid().getColumnCount() - 2;
        TableItem row = panel.grid().getItem(rowOf(device));
        assertThat(row.getText(yesterday)).as(sealed).isIn("sealed", "verified");
        panel.selectCell(rowOf(device), yesterday);
        String label = connection.compliance().complianceStatus(serverToday(), serverToday(), List.of())
                .getBuiltinTsaLabel();
        assertThat(panel.details().getText()).contains(" · TSA time ").containsOnlyOnce(label)
                .contains(" · signer SHA-256 ");
    }

    @Test
    void verifyingASealedDayReportsOkWithTheTsaAndSigner() throws Exception {
        collector.logger("compliance", "to be verified " + UUID.randomUUID());
        connection = collector.connect(collector.administrator());
        String device = loggerDevice();
        withSealedYesterday(device);

        panel.selectCell(rowOf(device), panel.grid().getColumnCount() - 2);
        panel.verifyButton().notifyListeners(SWT.Selection, new Event());
        SwtDriver.pumpUntil("the verdict is shown", () -> !panel.message().getText().startsWith("Verifying"));

        assertThat(panel.message().getText()).startsWith("Verified " + device + " " + serverToday().minusDays(1) + ": OK")
                .contains(" · TSA time ").contains(" · signer ");
    }

    @Test
    void verifyingASealedDayTurnsItsCellVerifiedWithoutARefreshAndKeepsItSelected() throws Exception {
        // a sender of its own, so that no other test has verified this device's day before
        collector.sendFrom("127.0.0.7", "to be verified and re-read " + UUID.randomUUID());
        connection = collector.connect(collector.administrator());
        String device = deviceOfSender("127.0.0.7");
        withSealedYesterday(device);
        int yesterday = panel.grid().getColumnCount() - 2;
        assertThat(panel.grid().getItem(rowOf(device)).getText(yesterday)).isEqualTo("sealed");

        panel.selectCell(rowOf(device), yesterday);
        panel.verifyButton().notifyListeners(SWT.Selection, new Event());
        SwtDriver.pumpUntil("the grid is read again", () -> panel.grid().getItem(rowOf(device)).getText(yesterday)
                .startsWith("verified"));

        assertThat(panel.grid().getItem(rowOf(device)).getBackground(yesterday).getRGB()).isEqualTo(DayCell.GREEN);
        assertThat(panel.message().getText()).startsWith("Verified " + device);
        assertThat(panel.grid().getSelectionIndex()).isEqualTo(rowOf(device));
        assertThat(panel.details().getText()).startsWith(device + " " + serverToday().minusDays(1) + ": verified");
    }

    @Test
    void theGridShowsTheLastSevenDaysByDefault() {
        connection = collector.connect(collector.administrator());
        panel.connect(connection.compliance(), connection.whoAmI());
        SwtDriver.pumpUntil("the grid is read", () -> panel.message().getText().contains("days ("));
        assertThat(panel.grid().getColumnCount()).isEqualTo(1 + 7);
    }

    private LocalDate serverToday() {
        String zone = connection.compliance().complianceStatus(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1),
                List.of()).getTimeZone();
        return LocalDate.now(zone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(zone));
    }
}
