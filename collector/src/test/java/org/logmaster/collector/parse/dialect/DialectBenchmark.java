package org.logmaster.collector.parse.dialect;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;

/**
 * Single-threaded throughput of the collector's parser on each dialect's corpus lines: RFC
 * grammar only, with automatic dialect detection, and with the device type as hint. Rates
 * are messages per second of the thread's CPU time, i.e. on one core, so that other load
 * on the machine does not distort them. A
 * program, not a test: run it after {@code mvn verify} with
 * {@code java -cp "collector/target/classes:collector/target/test-classes:collector/target/lib/*" org.logmaster.collector.parse.dialect.DialectBenchmark [seconds]}.
 */
public final class DialectBenchmark {
    private DialectBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        ParseContext context = new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), ZoneId.of("Europe/Istanbul"));
        SyslogParser rfcOnly = new SyslogParser(ZoneId.of("UTC"), Dialects.none());
        SyslogParser withDialects = new SyslogParser(ZoneId.of("UTC"));
        System.out.printf("java %s, one thread, %.1f s per run after %.1f s warm-up; msg per CPU second%n",
                Runtime.version(), seconds, seconds / 2);
        System.out.printf("%-14s %6s %12s %12s %12s%n", "dialect", "bytes", "rfc only", "detected", "hinted");
        List<String> names = DialectCorpusTest.CORPORA.stream().map(f -> f.substring(0, f.length() - 4)).toList();
        List<byte[][]> corpora = DialectCorpusTest.CORPORA.stream().map(f -> DialectCorpus.load(f).samples().stream()
                .map(s -> s.message().getBytes(UTF_8)).toArray(byte[][]::new)).toList();
        // The JIT must have seen every corpus in every mode before anything is measured,
        // or the first mode measured after a change of corpus runs partly interpreted.
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < names.size(); i++) {
                String hint = names.get(i).equals("none") ? null : names.get(i);
                run(rfcOnly, corpora.get(i), context, null, seconds / 10);
                run(withDialects, corpora.get(i), context, null, seconds / 10);
                run(withDialects, corpora.get(i), context, hint, seconds / 10);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            byte[][] lines = corpora.get(i);
            String hint = name.equals("none") ? null : name;
            double rfc = rate(rfcOnly, lines, context, null, seconds);
            double detected = rate(withDialects, lines, context, null, seconds);
            double hinted = rate(withDialects, lines, context, hint, seconds);
            System.out.printf(Locale.ROOT, "%-14s %6d %,12.0f %,12.0f %,12.0f%n", name, averageLength(lines), rfc, detected, hinted);
        }
    }

    private static double rate(SyslogParser parser, byte[][] lines, ParseContext context, String hint, double seconds) {
        run(parser, lines, context, hint, seconds / 2);
        return run(parser, lines, context, hint, seconds);
    }

    private static double run(SyslogParser parser, byte[][] lines, ParseContext context, String hint, double seconds) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = cpu.getCurrentThreadCpuTime();
        long messages = 0;
        long checksum = 0;
        long now;
        do {
            for (int batch = 0; batch < 200; batch++) {
                for (byte[] line : lines) {
                    LogEvent e = parser.parse(line, context, hint);
                    checksum += e.message().length() + (e.fields().isEmpty() ? 0 : 1);
                    messages++;
                }
            }
            now = System.nanoTime();
        } while (now < deadline);
        long used = cpu.getCurrentThreadCpuTime() - start;
        if (checksum == 42) {
            System.out.print("");
        }
        return messages / (used / 1e9);
    }

    private static int averageLength(byte[][] lines) {
        return lines.length == 0 ? 0 : (int) (List.of(lines).stream().mapToInt(l -> l.length).sum() / lines.length);
    }
}
