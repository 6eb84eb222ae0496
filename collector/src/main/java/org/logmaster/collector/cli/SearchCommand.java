package org.logmaster.collector.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.enrich.DeviceAliasStore;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventSearch;
import org.logmaster.collector.index.FieldFilter;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.index.IndexedEvent;
import org.logmaster.collector.index.SearchQuery;
import org.logmaster.collector.index.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Searches the index from the appliance's shell, while the collector runs or not. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search stored messages by device, time range, severity, text and normalised fields.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = {"-d", "--device"}, paramLabel = "ID", description = "Device id (repeatable), e.g. ip-192-0-2-7.")
    List<String> devices = List.of();

    @Option(names = "--from", paramLabel = "TIME",
            description = "Arrival at or after: ISO-8601 instant (2026-11-28T09:00:00Z) or a duration back from now (PT1H, P2D).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Arrival before: as --from.")
    String to;

    @Option(names = {"-s", "--severity"}, paramLabel = "LEVEL",
            description = "This severity or worse: 0-7 or emerg, alert, crit, err, warning, notice, info, debug.")
    String severity;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "Case-insensitive text in the message.")
    String text;

    @Parameters(paramLabel = "FIELD=VALUE", arity = "0..*",
            description = "Normalised fields that must all match, e.g. srcip=10.0.0.5 action=deny (names as in docs/devices.md; underscores optional).")
    List<String> fields = List.of();

    @Option(names = {"-n", "--limit"}, defaultValue = "100", description = "Rows to show (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Rows to skip, for paging.")
    long offset;

    private static final List<String> SEVERITIES = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");

    @Override
    public Integer call() {
        CollectorConfig cfg;
        SearchQuery query;
        try {
            cfg = config.load();
            query = query(Instant.now());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try (IndexDatabase index = ConfigOption.openIndex(cfg)) {
            // a registered device's id also finds what its sender sent before registration
            SearchResult result = new EventSearch(index, new DeviceAliasStore(index.dsl())).search(query);
            print(result, cfg.zone(), System.out);
        }
        return 0;
    }

    SearchQuery query(Instant now) {
        SearchQuery q = new SearchQuery(devices.stream().map(DeviceId::new).toList(),
                time(from, now, "--from"), time(to, now, "--to"), severity(severity), text, limit, offset,
                FieldFilter.parseAll(fields));
        return q;
    }

    static Instant time(String value, Instant now, String option) {
        if (value == null) return null;
        try {
            return value.startsWith("P") ? now.minus(Duration.parse(value)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is neither an ISO-8601 instant nor a duration such as PT1H");
        }
    }

    static Integer severity(String value) {
        if (value == null) return null;
        int named = SEVERITIES.indexOf(value.toLowerCase());
        if (named >= 0) return named;
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 7) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--severity: '" + value + "' is not 0-7 or one of " + SEVERITIES);
    }

    private static String fieldsText(IndexedEvent e) {
        StringBuilder b = new StringBuilder();
        e.fields().forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }

    static void print(SearchResult result, ZoneId zone, PrintStream out) {
        for (IndexedEvent e : result.events()) {
            out.printf("%s %s %s %s %s%s%n",
                    e.arrival(), e.deviceId(),
                    e.severity() == null ? "-" : SEVERITIES.get(e.severity()),
                    e.hostname() == null ? "-" : e.hostname(),
                    e.appName() == null ? "" : e.appName() + ": ",
                    e.message());
            if (!e.fields().isEmpty()) out.printf("    %s%n", fieldsText(e));
        }
        out.printf("%d of %d matching messages%n", result.events().size(), result.total());
    }
}
