package org.logmaster.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a collector on loopback ports with a fresh data folder, sends N syslog messages at
 * rate R over UDP or TCP, waits until they are durable in the daily files (and, optionally,
 * indexed), and prints what was sent, stored and lost, the durable rate, the collector's CPU
 * time and memory. Figures go to docs/performance.md.
 */
@Command(name = "ingest-benchmark", mixinStandardHelpOptions = true,
        description = "Measure durable syslog ingest of the LogMaster collector.")
public final class IngestBenchmark implements Callable<Integer> {
    @Option(names = "--transport", defaultValue = "tcp", description = "udp or tcp (default ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = {"-n", "--count"}, defaultValue = "1000000", description = "Messages to send (default ${DEFAULT-VALUE}).")
    long count;

    @Option(names = {"-r", "--rate"}, defaultValue = "0", description = "Messages per second, 0 = as fast as possible.")
    long rate;

    @Option(names = "--connections", defaultValue = "4", description = "TCP connections or UDP sending sockets.")
    int connections;

    @Option(names = "--size", defaultValue = "200", description = "Approximate message size in bytes.")
    int size;

    @Option(names = "--devices", defaultValue = "1",
            description = "Distinct device names in the messages (all come from 127.0.0.1, so one daily file).")
    int devices;

    @Option(names = "--wait-index", description = "Also wait until the index holds every stored message.")
    boolean waitIndex;

    @Option(names = "--collector-jar", defaultValue = "collector/target/logmaster-collector.jar")
    Path collectorJar;

    @Option(names = "--keep", description = "Keep the data folder (it is printed).")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("logmaster-bench-");
        try (CollectorProcess collector = CollectorProcess.start(collectorJar, data)) {
            System.out.printf("collector pid %d, udp %d, tcp %d, data %s%n",
                    collector.pid(), collector.udpPort(), collector.tcpPort(), data);
            MessageFactory messages = new MessageFactory(size, devices);
            ProcessStats before = ProcessStats.read(collector.pid());
            long start = System.nanoTime();
            Sender sender = "udp".equalsIgnoreCase(transport)
                    ? new UdpSender(collector.udpPort(), connections)
                    : new TcpSender(collector.tcpPort(), connections);
            long sent = sender.send(messages, count, rate);
            long sendNanos = System.nanoTime() - start;

            StoredCounter stored = new StoredCounter(data.resolve("logs"));
            long storedCount = stored.awaitStable(sent, Duration.ofSeconds(10));
            long storeNanos = stored.lastGrowthNanos() - start;
            ProcessStats after = ProcessStats.read(collector.pid());

            Report r = new Report();
            r.line("transport", transport.toLowerCase(Locale.ROOT) + " (" + connections + " connections/sockets)");
            r.line("message size", size + " bytes");
            r.line("sent", sent);
            r.line("stored (durable lines)", storedCount);
            r.line("lost", sent - storedCount);
            if ("udp".equalsIgnoreCase(transport)) {
                r.line("udp kernel drops (socket counters)", UdpDrops.forPort(collector.udpPort()));
            }
            r.rate("send rate", sent, sendNanos);
            r.rate("durable rate (first send to last stored)", storedCount, storeNanos);
            double cpuSeconds = (after.cpuTicks() - before.cpuTicks()) / (double) ProcessStats.TICKS_PER_SECOND;
            r.line("collector CPU", String.format(Locale.ROOT, "%.1f s (%.0f%% of one core over the run)",
                    cpuSeconds, 100.0 * cpuSeconds / (storeNanos / 1e9)));
            r.line("collector RSS now / peak", after.rssMiB() + " MiB / " + after.peakRssMiB() + " MiB");
            r.line("daily file bytes per message", String.format(Locale.ROOT, "%.1f", stored.bytes() / (double) Math.max(1, storedCount)));
            if (waitIndex) {
                IndexCounter index = new IndexCounter(data);
                long indexed = index.awaitCount(storedCount, Duration.ofMinutes(10));
                long indexNanos = System.nanoTime() - start;
                r.line("indexed rows", indexed);
                r.rate("indexed rate (first send to last indexed)", indexed, indexNanos);
                r.line("index size on disk", index.sizeMiB() + " MiB");
            }
            r.print();
            return storedCount == sent ? 0 : 3;
        } finally {
            if (keep) {
                System.out.println("data kept in " + data);
            } else {
                FileTree.delete(data);
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBenchmark()).execute(args));
    }
}
