package org.logmaster.collector.attribution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.logmaster.collector.enrich.DeviceId;
import org.logmaster.collector.index.EventRepository;
import org.logmaster.collector.index.EventRow;
import org.logmaster.collector.index.IndexConfig;
import org.logmaster.collector.index.IndexDatabase;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;
import org.logmaster.collector.store.DeviceDay;

/**
 * How fast the attribution feed turns indexed events into records, on an embedded H2 file
 * index: N events, half DHCP ACKs (renewals of 1,000 addresses), half ASA translations built and
 * torn down. Prints events per second; asserts nothing. Argument: [events] (default 20,000).
 */
public final class AttributionFeedBenchmark {
    private AttributionFeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("logmaster-attribution-bench");
        SyslogParser parser = new SyslogParser(ZoneOffset.UTC);
        Instant t0 = Instant.parse("2026-11-28T00:00:00Z");
        try (IndexDatabase db = IndexDatabase.open(IndexConfig.h2(dir))) {
            List<EventRow> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant at = t0.plusMillis(i * 100L);
                int host = i % 1000;
                String ip = "10.1." + (host / 250) + "." + (host % 250);
                String message = i % 2 == 0
                        ? "<30>1 " + at + " gw dhcpd 1 - - DHCPACK on " + ip + " to 02:00:00:00:" + String.format("%02x:%02x", host / 256, host % 256) + " via igb1"
                        : i % 4 == 1
                        ? "<166>1 " + at + " asa asa01 - - - %ASA-6-305011: Built dynamic UDP translation from inside:" + ip + "/" + (20000 + i % 40000) + " to outside:203.0.113.5/" + (1024 + i % 60000)
                        : "<166>1 " + at + " asa asa01 - - - %ASA-6-305012: Teardown dynamic UDP translation from inside:" + ip + "/" + (20000 + (i - 2) % 40000) + " to outside:203.0.113.5/" + (1024 + (i - 2) % 60000) + " duration 0:00:01";
                rows.add(new EventRow(new DeviceDay(new DeviceId(i % 2 == 0 ? "dhcp-1" : "asa-1"), LocalDate.of(2026, 11, 28)),
                        i * 200L, at, "192.0.2.1", "udp", parser.parse(message.getBytes(StandardCharsets.UTF_8), new ParseContext(at, ZoneOffset.UTC))));
                if (rows.size() == 5000) {
                    new EventRepository(db).store(rows, Map.of());
                    rows.clear();
                }
            }
            new EventRepository(db).store(rows, Map.of());
            AttributionFeed feed = new AttributionFeed(db.dsl(), Map.of());
            long start = System.nanoTime();
            int recorded = feed.catchUp();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("attribution feed (H2): %,d events recorded in %.2f s = %,.0f events/s%n", recorded, seconds, recorded / seconds);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
