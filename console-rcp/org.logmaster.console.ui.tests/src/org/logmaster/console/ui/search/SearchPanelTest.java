package org.logmaster.console.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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
        panel = new SearchPanel(shell, () -> over);
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

    /** Sends {@code count} lines with one {@code logger} run and searches until all are found; returns their marker. */
    private String searchLinesMoreThanAPage(String app, int count) throws Exception {
        String marker = app + "-" + UUID.randomUUID();
        collector.loggerLines(app, IntStream.range(0, count).mapToObj(n -> marker + " line " + n).toList());
        showPanelOver(collector.connect(collector.administrator()));
        panel.text().setText(marker);
        searchUntilAllAreIndexed(count);
        return marker;
    }

    /** Presses Search until the first page counts all {@code count} matches (indexing lags storing). */
    private void searchUntilAllAreIndexed(int count) {
        SwtDriver.pumpUntil("all lines are indexed", () -> {
            if (panel.searchButton().isEnabled() && !panel.position().getText().endsWith("of " + count + " · page 1")) {
                press(panel.searchButton());
                SwtDriver.pumpFor(Duration.ofMillis(300));
            }
            return panel.position().getText().endsWith("of " + count + " · page 1");
        });
    }

    @Test
    void exportWritesEveryMatchNotOnlyTheShownPage(@TempDir Path folder) throws Exception {
        int count = SearchQuery.PAGE_SIZE + 5;
        String marker = searchLinesMoreThanAPage("consoleexportall", count);
        Path file = folder.resolve("all.csv");

        panel.export(file, ResultExport.CSV);
        SwtDriver.pumpUntil("the export is reported", () -> panel.message().getText().startsWith("Exported"));

        assertThat(panel.message().getText()).isEqualTo("Exported " + count + " rows to " + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + count);
        assertThat(lines.get(0)).startsWith("\"arrival\"");
        assertThat(lines).anyMatch(line -> line.contains(marker + " line 0\""));
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file); // no partial file left
        }
    }

    @Test
    void nextAndPreviousPageThroughMoreMatchesThanFitOnAPage() throws Exception {
        int count = SearchQuery.PAGE_SIZE + 5;
        String marker = searchLinesMoreThanAPage("consolepaging", count);

        press(panel.nextButton());
        SwtDriver.pumpUntil("page 2", () -> panel.position().getText().endsWith("page 2"));
        assertThat(panel.position().getText()).isEqualTo("Rows 101–105 of 105 · page 2");
        assertThat(panel.table().getItemCount()).isEqualTo(5);
        assertThat(panel.nextButton().isEnabled()).isFalse();

        press(panel.previousButton());
        SwtDriver.pumpUntil("page 1 again", () -> panel.position().getText().endsWith("page 1"));
        assertThat(panel.table().getItemCount()).isEqualTo(SearchQuery.PAGE_SIZE);
        // newest first: the last line sent is the first row
        assertThat(panel.table().getItem(0).getText(6)).isEqualTo(marker + " line " + (count - 1));
    }

    @Test
    void aCustomRangeEndingBeforeTheMessageDoesNotFindIt() throws Exception {
        String marker = "console-range-" + UUID.randomUUID();
        collector.logger("consolerange", marker);
        showPanelOver(collector.connect(collector.administrator()));
        searchUntilRowsAppear(marker); // it is there in the last 24 hours

        panel.preset().select(TimeRangePreset.CUSTOM.ordinal());
        panel.preset().notifyListeners(SWT.Selection, new Event());
        assertThat(panel.fromDate().getEnabled()).isTrue();
        LocalDate lastWeek = LocalDate.now().minusDays(7);
        panel.fromDate().setDate(lastWeek.getYear(), lastWeek.getMonthValue() - 1, lastWeek.getDayOfMonth());
        LocalDate dayAfter = lastWeek.plusDays(1);
        panel.toDate().setDate(dayAfter.getYear(), dayAfter.getMonthValue() - 1, dayAfter.getDayOfMonth());
        press(panel.searchButton());
        SwtDriver.pumpUntil("the empty result", () -> panel.message().getText().equals("No messages match."));

        assertThat(panel.table().getItemCount()).isZero();
        assertThat(panel.position().getText()).isEqualTo("0 of 0");
    }

    @Test
    void fieldConditionsFindTheMessageADialectUnderstood() throws Exception {
        java.util.Random random = new java.util.Random();
        String leased = "10.77." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        collector.logger("dhcpd", "DHCPACK on " + leased + " to 3c:22:fb:10:4e:a1 (guest-laptop) via vlan20");
        showPanelOver(collector.connect(collector.administrator()));
        panel.fields().setText("src_ip=" + leased + "  event=dhcp_ack");

        searchUntilRowsAppear("");

        assertThat(panel.table().getItemCount()).isEqualTo(1);
        assertThat(panel.table().getItem(0).getText(6)).contains("DHCPACK on " + leased + " ");
    }

    @Test
    void anUnknownFieldNameShowsTheServersMessage() {
        showPanelOver(collector.connect(collector.administrator()));
        panel.fields().setText("colour=blue");

        press(panel.searchButton());
        SwtDriver.pumpUntil("the search fails", () -> panel.message().getText().startsWith("Search failed"));

        assertThat(panel.message().getText()).startsWith("Search failed: INVALID_ARGUMENT: ").contains("colour");
    }

    @Test
    void aFieldWithoutAValueIsRefusedBeforeAskingTheCollector() {
        showPanelOver(collector.connect(collector.administrator()));
        panel.fields().setText("src_ip=");

        press(panel.searchButton());

        assertThat(panel.message().getText()).startsWith("Fields are name=value").contains("src_ip=");
        assertThat(panel.position().getText()).isEmpty();
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
