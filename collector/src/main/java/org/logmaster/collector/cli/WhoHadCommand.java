package org.logmaster.collector.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.logmaster.collector.attribution.Candidate;
import org.logmaster.collector.attribution.Evidence;
import org.logmaster.collector.attribution.EvidenceLines;
import org.logmaster.collector.attribution.Finding;
import org.logmaster.collector.attribution.JdbcAttributionStore;
import org.logmaster.collector.attribution.WhoHadQuery;
import org.logmaster.collector.config.CollectorConfig;
import org.logmaster.collector.config.ConfigException;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.store.DailyFileLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * "Who had this IP (and port) at that time?" from the appliance's shell: the device, MAC and
 * user the records name, every evidence line with its daily file, offset and seal status, and
 * the findings where the records overlap or are missing.
 */
@Command(name = "who-had", mixinStandardHelpOptions = true,
        description = "Which device had an IP address (and port, behind NAT) at a given time, with the evidence lines.")
final class WhoHadCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(index = "0", paramLabel = "IP", description = "The address, e.g. 203.0.113.5.")
    String ip;

    @Parameters(index = "1", paramLabel = "PORT", arity = "0..1", description = "The port, for a NAT address (optional).")
    Integer port;

    @Option(names = "--at", required = true, paramLabel = "TIME",
            description = "The instant: 2026-11-28T09:15:00Z, 2026-11-28T12:15:00+03:00, or a local time in the collector's zone (2026-11-28T12:15:00).")
    String at;

    @Override
    public Integer call() {
        CollectorConfig cfg;
        Instant instant;
        try {
            cfg = config.load();
            instant = instant(at, cfg.zone());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        try (IndexDatabase index = ConfigOption.openIndex(cfg)) {
            WhoHadQuery query = new WhoHadQuery(new JdbcAttributionStore(index.dsl()),
                    new EvidenceLines(new DailyFileLayout(cfg.dataDir(), cfg.zone())));
            WhoHadQuery.Report report;
            try {
                report = query.ask(ip, port, instant);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            print(report, System.out);
        }
        return 0;
    }

    static Instant instant(String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--at: '" + text + "' is not an ISO-8601 time such as 2026-11-28T09:15:00Z");
                }
            }
        }
    }

    static void print(WhoHadQuery.Report report, PrintStream out) {
        var a = report.attribution();
        out.printf("who had %s%s at %s:%n", a.ip(), a.port() == null ? "" : " port " + a.port(), a.at());
        if (a.candidates().isEmpty()) out.println("no candidate: the records do not say (see the findings)");
        int n = 0;
        for (Candidate c : a.candidates()) {
            out.printf("candidate %d: ip %s%s mac %s%s%s users %s%n", ++n, c.ip(),
                    c.port() == null ? "" : " port " + c.port(),
                    c.mac() == null ? "-" : c.mac(),
                    c.clientHost() == null ? "" : " host " + c.clientHost(),
                    c.label() == null ? "" : " device " + c.label(),
                    c.users().isEmpty() ? "-" : String.join(",", c.users()));
            printEvidence(report, c.evidence(), out);
        }
        for (Finding f : a.findings()) {
            out.printf("finding %s: %s%n", f.kind(), f.detail());
            printEvidence(report, f.evidence(), out);
        }
    }

    private static void printEvidence(WhoHadQuery.Report report, List<Evidence> evidence, PrintStream out) {
        for (Evidence e : evidence) {
            EvidenceLines.Line line = report.line(e);
            String where = e.ref() == null ? "registration" : line != null && line.file() != null
                    ? line.file() + "@" + e.ref().fileOffset() : e.ref().toString();
            out.printf("  evidence %s %s %s [%s]%s%n", e.time(), e.what(), where,
                    line == null ? "?" : line.seal(), line == null || line.text() == null ? "" : " " + line.text());
        }
    }
}
