package org.logmaster.collector.parse;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Single-threaded throughput of each parser on typical lines. A program, not a test: run it
 * with {@code java -cp target/classes:target/test-classes org.logmaster.collector.parse.ParseBenchmark [seconds]}.
 */
public final class ParseBenchmark {
    private static final List<String> RFC5424_LINES = List.of(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
            "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
            "<165>1 2024-10-11T22:14:15.003+03:00 fw01.example.com filterlog 4242 FLOW [exampleSDID@32473 iut=\"3\" "
                    + "eventSource=\"Application\" eventID=\"1011\"][meta src=\"10.1.2.3\" dst=\"192.0.2.7\"] "
                    + "allow tcp 10.1.2.3:51234 -> 192.0.2.7:443 bytes=5120",
            "<14>1 2024-10-11T22:14:15Z ap-3.floor2 hostapd - - - wlan0: STA 3c:22:fb:00:11:22 IEEE 802.11: associated");

    private static final List<String> RFC3164_LINES = List.of(
            "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
            "<38>Feb  5 10:01:02 gw sshd[4211]: Accepted publickey for root from 192.0.2.10 port 53422 ssh2",
            "<30>2024-02-05T10:01:02.123456+03:00 web01 nginx[77]: 10.0.0.5 - - \"GET /index.html HTTP/1.1\" 200 512",
            "<166>Feb  5 2024 10:01:02 asa01 : %ASA-6-302013: Built outbound TCP connection 7 for outside:192.0.2.1/443");

    private ParseBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        ParseContext context = new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), ZoneId.of("Europe/Istanbul"));
        byte[][] rfc5424 = bytes(RFC5424_LINES);
        byte[][] rfc3164 = bytes(RFC3164_LINES);
        byte[][] mixed = bytes(java.util.stream.Stream.concat(RFC5424_LINES.stream(), RFC3164_LINES.stream()).toList());

        System.out.printf("java %s, %d-byte average line, %.1f s per parser after %.1f s warm-up%n",
                Runtime.version(), averageLength(mixed), seconds, seconds / 2);
        report("Rfc5424Parser (5424 lines)", new Rfc5424Parser(), rfc5424, context, seconds);
        report("Rfc3164Parser (3164 lines)", new Rfc3164Parser(ZoneId.of("UTC")), rfc3164, context, seconds);
        report("SyslogParser  (mixed)     ", new SyslogParser(ZoneId.of("UTC")), mixed, context, seconds);
    }

    private static void report(String name, MessageParser parser, byte[][] lines, ParseContext context, double seconds) {
        run(parser, lines, context, seconds / 2);
        Result r = run(parser, lines, context, seconds);
        System.out.printf(Locale.ROOT, "%s %,12.0f msg/s  (%d malformed, checksum %d)%n",
                name, r.messages / r.seconds, r.malformed, r.checksum);
    }

    private record Result(long messages, double seconds, long malformed, long checksum) {}

    private static Result run(MessageParser parser, byte[][] lines, ParseContext context, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long messages = 0;
        long malformed = 0;
        long checksum = 0;
        long now;
        do {
            for (int batch = 0; batch < 1_000; batch++) {
                for (byte[] line : lines) {
                    LogEvent e = parser.parse(line, context);
                    checksum += e.message().length();
                    malformed += e.malformed() ? 1 : 0;
                    messages++;
                }
            }
            now = System.nanoTime();
        } while (now < deadline);
        return new Result(messages, (now - start) / 1e9, malformed, checksum);
    }

    private static byte[][] bytes(List<String> lines) {
        return lines.stream().map(l -> l.getBytes(UTF_8)).toArray(byte[][]::new);
    }

    private static int averageLength(byte[][] lines) {
        int total = 0;
        for (byte[] line : lines) {
            total += line.length;
        }
        return total / lines.length;
    }
}
