package org.logmaster.console.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.console.client.CollectorConnection;
import org.logmaster.console.client.CollectorConnections;
import org.logmaster.console.ui.collector.RunningCollector;
import org.logmaster.console.ui.live.SwtDriver;

/** A real Search panel against a real collector (child process) fed by util-linux {@code logger}. */
class SearchPanelTest {

    private final RunningCollector collector = RunningCollector.shared();
    private CollectorConnection connection;
    private Shell shell;
    private SearchPanel panel;

    @BeforeEach
    void openShell() {
        shell = new Shell(SwtDriver.display());
        shell.setLayout(new FillLayout());
        shell.setSize(1300, 700);
    }

    private void showPanelOver(CollectorConnection over) {
        connection = over;
        panel = new SearchPanel(shell, over::logs);
        shell.layout();
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

    private static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** Searches again until the message is indexed (it becomes searchable once its daily file is synced). */
    private void searchUntilRowsAppear(String text) {
        panel.text().setText(text);
        long[] lastPress = { 0 };
        SwtDriver.pumpUntil("a row for '" + text + "' appears; message line: " + panel.message().getText(), () -> {
            if (panel.table().getItemCount() > 0) {
                return true;
            }
            if (panel.searchButton().isEnabled() && System.nanoTime() - lastPress[0] > 500_000_000L) {
                lastPress[0] = System.nanoTime();
                press(panel.searchButton());
            }
            return false;
        });
    }

    @Test
    void findsAMessageSentWithLogger() throws Exception {
        String marker = "console-search-" + UUID.randomUUID();
        collector.logger("consoletest", "door opened " + marker);
        showPanelOver(collector.connect(collector.administrator()));

        searchUntilRowsAppear(marker);

        assertThat(panel.table().getItemCount()).isEqualTo(1);
        assertThat(panel.table().getItem(0).getText(6)).isEqualTo("door opened " + marker);
        assertThat(panel.table().getItem(0).getText(5)).isEqualTo("consoletest");
        assertThat(panel.position().getText()).isEqualTo("Rows 1–1 of 1 · page 1");
    }

    @Test
    void selectingARowShowsAllItsFieldsInTheDetailsPane() throws Exception {
        String marker = "console-details-" + UUID.randomUUID();
        collector.logger("consoledetails", marker);
        showPanelOver(collector.connect(collector.administrator()));
        searchUntilRowsAppear(marker);

        panel.table().select(0);
        panel.table().notifyListeners(SWT.Selection, new Event());

        assertThat(panel.details().getText()).contains("Severity:    WARNING", "App:         consoledetails",
                "Format:      RFC5424", "Daily file:", "Message:\n" + marker);
    }

    @Test
    void exportWritesTheShownResultsAsJsonLines(@TempDir Path folder) throws Exception {
        String marker = "console-export-" + UUID.randomUUID();
        collector.logger("consoleexport", marker);
        showPanelOver(collector.connect(collector.administrator()));
        searchUntilRowsAppear(marker);
        Path file = folder.resolve("results.jsonl");

        panel.export(file, ResultExport.JSON_LINES);
        SwtDriver.pumpUntil("the export is reported", () -> panel.message().getText().startsWith("Exported"));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"message\":\"" + marker + "\"", "\"app_name\":\"consoleexport\"");
    }

    @Test
    void aRefusedSearchShowsTheServersMessage() throws IOException {
        // connected but never logged in: the collector refuses with UNAUTHENTICATED and says why
        CollectorConnection notLoggedIn = CollectorConnections.open(collector.settings(collector.administrator()));
        showPanelOver(notLoggedIn);

        press(panel.searchButton());
        SwtDriver.pumpUntil("the search fails", () -> panel.message().getText().startsWith("Search failed"));

        assertThat(panel.message().getText()).startsWith("Search failed: UNAUTHENTICATED: ");
        assertThat(panel.message().getText().length()).isGreaterThan("Search failed: UNAUTHENTICATED: ".length());
        assertThat(panel.table().getItemCount()).isZero();
    }
}
