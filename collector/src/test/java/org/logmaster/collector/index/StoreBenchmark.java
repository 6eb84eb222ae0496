package org.logmaster.collector.index;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.logmaster.collector.enrich.SenderAddressResolver;
import org.logmaster.collector.ingest.CounterRegistry;
import org.logmaster.collector.ingest.RawFrame;
import org.logmaster.collector.store.DailyFileLayout;
import org.logmaster.collector.store.GroupCommitWriter;
import org.logmaster.collector.store.WriterOptions;
import org.logmaster.collector.store.WriterStats;

/**
 * Throughput of the storage stage: pushes N frames (about 200 bytes, from 100 devices) through
 * the durable writer into a temporary folder, then indexes the files into H2 and PostgreSQL.
 * Prints figures; asserts nothing. Arguments: [frames] [devices] [targets: h2,pg (default) | h2 | pg | pg-no-trgm | none].
 * The parser is the test stand-in (PRI only), so indexing figures exclude real parsing. With
 * {@code -Dfields=true} every row also gets eight normalised fields (a firewall session's), to
 * measure what storing the searchable fields costs.
 */
public final class StoreBenchmark {
    private static final int PRODUCERS = 2;

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String targets = args.length > 2 ? args[2] : "h2,pg";
        Path dataDir = Files.createTempDirectory("logmaster-bench");
        System.out.printf("LogMaster store benchmark: %,d frames, %d devices, %d cores, load average %.1f, data in %s%n",
                frames, devices, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), dataDir);
        try {
            DailyFileLayout layout = new DailyFileLayout(dataDir, ZoneId.of("Europe/Istanbul"));
            write(layout, frames, devices);
            if (targets.contains("h2")) index(layout, "H2", IndexConfig.h2(dataDir), frames);
            if (targets.contains("pg")) indexIntoPostgres(layout, frames, !targets.contains("pg-no-trgm"));
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void write(DailyFileLayout layout, int frames, int devices) throws Exception {
        CounterRegistry counters = new CounterRegistry();
        WriterOptions options = WriterOptions.defaults();
        if (System.getProperty("maxBatch") != null) options = options.withMaxBatch(Integer.getInteger("maxBatch"));
        if (System.getProperty("syncThreads") != null) options = options.withSyncThreads(Integer.getInteger("syncThreads"));
        GroupCommitWriter writer = new GroupCommitWriter(layout, new SenderAddressResolver(), counters, options);
        writer.start();
        byte[][] payloads = payloads(1024);
        InetAddress[] senders = senders(devices);
        Instant base = Instant.now();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            producers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = producer; i < frames; i += PRODUCERS) {
                        writer.put(new RawFrame(payloads[i % payloads.length], base.plusNanos(i * 1000L),
                                senders[i % senders.length], producer == 0 ? "udp" : "tcp"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread producer : producers) producer.join();
        while (writer.stats().stored() < frames) Thread.sleep(1);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        WriterStats stats = writer.stats();
        writer.close();
        long bytes = 0;
        try (var files = Files.walk(layout.logsDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) bytes += Files.size(f);
        }
        System.out.printf("writer : %,d frames stored durably in %.2f s = %,.0f msg/s, %.1f MB/s; %,d fsyncs = %,.0f fsyncs/s;"
                        + " %,d batches (avg %,.0f frames); CPU %.1f us/msg incl. producers%n",
                stats.stored(), seconds, stats.stored() / seconds, bytes / seconds / 1e6, stats.fsyncs(),
                stats.fsyncs() / seconds, stats.batches(), (double) stats.stored() / stats.batches(), cpu * 1e6 / stats.stored());
    }

    private static void index(DailyFileLayout layout, String name, IndexConfig config, int frames) throws Exception {
        try (IndexDatabase database = IndexDatabase.open(config)) {
            Indexer indexer = new Indexer(layout, new EventRepository(database),
                    Boolean.getBoolean("fields") ? new FirewallFieldsParser() : new PriorityOnlyParser(),
                    new CounterRegistry(), IndexerOptions.defaults());
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            indexer.start();
            if (!indexer.awaitCaughtUp(Duration.ofHours(1))) throw new IllegalStateException("indexing did not finish");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            IndexerStats stats = indexer.stats();
            indexer.close();
            System.out.printf("indexer: %-30s %,d rows in %.2f s = %,.0f rows/s (%,d transactions); collector CPU %.1f us/row%n",
                    name, stats.indexedRows(), seconds, stats.indexedRows() / seconds, stats.transactions(),
                    cpu * 1e6 / stats.indexedRows());
            if (stats.indexedRows() != frames) throw new IllegalStateException("indexed " + stats.indexedRows() + " of " + frames);
        }
    }

    private static void indexIntoPostgres(DailyFileLayout layout, int frames, boolean alsoWithTrigram) throws Exception {
        for (boolean trigram : alsoWithTrigram ? new boolean[] {true, false} : new boolean[] {false}) {
            String schema = "lm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try {
                sql("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                System.out.println("PostgreSQL not reachable at " + PostgresSchema.SERVER + ": " + e.getMessage());
                return;
            }
            try {
                IndexConfig config = IndexConfig.of(PostgresSchema.SERVER + "?currentSchema=" + schema, PostgresSchema.USER, "");
                if (!trigram) {
                    IndexDatabase.open(config).close();  // migrate, then take the text index away
                    sql("DROP INDEX " + schema + ".events_message_trgm");
                }
                index(layout, trigram ? "PostgreSQL (COPY, trigram)" : "PostgreSQL (COPY, no trigram)", config, frames);
            } finally {
                sql("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** The stand-in parser plus the fields a firewall's session end carries, varied per message. */
    private static final class FirewallFieldsParser implements org.logmaster.collector.parse.MessageParser {
        private final PriorityOnlyParser rfc = new PriorityOnlyParser();
        private long n;

        @Override
        public org.logmaster.collector.parse.LogEvent parse(byte[] message, org.logmaster.collector.parse.ParseContext context) {
            long i = n++;
            return rfc.parse(message, context).withFields(org.logmaster.collector.parse.Fields.builder()
                    .put(org.logmaster.collector.parse.Field.SRC_IP, "10.0." + (i / 250 % 250) + "." + (i % 250))
                    .put(org.logmaster.collector.parse.Field.SRC_PORT, Long.toString(1024 + i % 60000))
                    .put(org.logmaster.collector.parse.Field.DST_IP, "192.0.2." + (i % 250))
                    .put(org.logmaster.collector.parse.Field.DST_PORT, "443")
                    .put(org.logmaster.collector.parse.Field.PROTOCOL, "tcp")
                    .put(org.logmaster.collector.parse.Field.ACTION, i % 10 == 0 ? "deny" : "allow")
                    .put(org.logmaster.collector.parse.Field.EVENT, "session_end")
                    .put(org.logmaster.collector.parse.Field.DIALECT, "fortigate").build());
        }
    }

    /** CPU time of this JVM (all threads), so figures can be told from a busy machine's noise. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresSchema.SERVER, PostgresSchema.USER, "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Firewall-like lines of about 200 bytes, varied so that compression or caching does not flatter. */
    private static byte[][] payloads(int n) {
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            String line = ("<134>Nov 28 12:15:%02d fw-%03d kernel: ACCEPT IN=eth0 OUT=eth1 SRC=10.%d.%d.%d DST=192.0.2.%d "
                    + "LEN=%d TOS=0x00 PREC=0x00 TTL=63 ID=%d DF PROTO=TCP SPT=%d DPT=443 WINDOW=29200 RES=0x00 SYN URGP=0")
                    .formatted(i % 60, i % 100, i % 250, (i / 7) % 250, (i / 3) % 250, i % 250, 40 + i % 1400, 10000 + i,
                            1024 + i * 7 % 60000);
            payloads[i] = line.getBytes(StandardCharsets.UTF_8);
        }
        return payloads;
    }

    private static InetAddress[] senders(int devices) throws UnknownHostException {
        InetAddress[] senders = new InetAddress[devices];
        for (int i = 0; i < devices; i++) {
            senders[i] = InetAddress.getByAddress(new byte[] {10, 0, (byte) (i / 250), (byte) (1 + i % 250)});
        }
        return senders;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
