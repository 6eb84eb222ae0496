package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.store.DailyLine;

/**
 * The collector as an operator runs it, fed by util-linux {@code logger} over UDP and TCP (both
 * RFC 6587 framings, RFC 5424 and 3164) and by {@code openssl s_client} over TLS: what was sent
 * is in the daily file, in the index, and found by the {@code search} command.
 */
class LoggerIngestTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static CollectorProcess collector;
    static DailyFiles files;

    @BeforeAll
    static void startCollector() throws Exception {
        collector = CollectorProcess.start(data);
        files = new DailyFiles(data);
    }

    @AfterAll
    static void stopCollector() throws Exception {
        if (collector != null) collector.close();
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    private static DailyLine storedLine(String marker) throws Exception {
        List<DailyLine> lines = files.await(all -> !linesWith(all, marker).isEmpty(), WAIT);
        List<DailyLine> found = linesWith(lines, marker);
        assertThat(found).as("exactly one stored line carries " + marker).hasSize(1);
        return found.getFirst();
    }

    private static List<DailyLine> linesWith(List<DailyLine> lines, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        return lines.stream().filter(l -> DailyFiles.indexOf(l.raw(), m) >= 0).toList();
    }

    private static String indexed(String marker, String column) throws Exception {
        String where = "message like '%" + marker + "%'";
        assertThat(files.awaitIndexCount(where, 1, WAIT)).as("index rows for " + marker).isEqualTo(1);
        try (Connection c = files.index(); ResultSet rs = c.createStatement()
                .executeQuery("select " + column + " from events where " + where)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void udpRfc5424FromLoggerIsStoredIndexedAndSearchable() throws Exception {
        String m = marker();
        Logger.send(collector.udpPort, "-d", "--rfc5424", "-t", "udptest", "-p", "auth.warning", m);

        DailyLine line = storedLine(m);
        assertThat(line.listener()).isEqualTo("udp");
        assertThat(line.sender()).isEqualTo("127.0.0.1");
        assertThat(new String(line.raw(), StandardCharsets.UTF_8)).startsWith("<36>1 ").endsWith(m);
        assertThat(indexed(m, "app_name")).isEqualTo("udptest");
        assertThat(indexed(m, "severity")).isEqualTo("4");
        assertThat(indexed(m, "format")).isEqualTo("RFC5424");
        assertThat(collector.cli("search", "--text", m)).contains(m).contains("1 of 1 matching");
    }

    @Test
    void tcpOctetCountedFromLoggerIsStoredIndexedAndSearchable() throws Exception {
        String m = marker();
        Logger.send(collector.tcpPort, "-T", "--octet-count", "-t", "octets", m);

        DailyLine line = storedLine(m);
        assertThat(line.listener()).isEqualTo("tcp");
        assertThat(indexed(m, "app_name")).isEqualTo("octets");
        assertThat(collector.cli("search", "--text", m, "--device", "ip-127-0-0-1")).contains(m);
    }

    @Test
    void tcpLineFramedRfc3164FromLoggerIsStoredAndIndexed() throws Exception {
        String m = marker();
        Logger.send(collector.tcpPort, "-T", "--rfc3164", "-t", "bsd", m);

        DailyLine line = storedLine(m);
        assertThat(new String(line.raw(), StandardCharsets.UTF_8)).startsWith("<13>").endsWith("bsd: " + m);
        assertThat(indexed(m, "format")).isEqualTo("RFC3164");
        assertThat(indexed(m, "app_name")).isEqualTo("bsd");
    }

    @Test
    void manyLinesFromOneLoggerConnectionArriveInOrder() throws Exception {
        String m = marker();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 500; i++) input.append(m).append(" n=").append(i).append('\n');
        Process p = new ProcessBuilder("logger", "-n", "127.0.0.1", "-P", Integer.toString(collector.tcpPort),
                "-T", "--octet-count", "-t", "bulk").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<DailyLine> lines = linesWith(files.await(all -> linesWith(all, m).size() >= 500, WAIT), m);
        assertThat(lines).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(new String(lines.get(i).raw(), StandardCharsets.UTF_8)).endsWith(m + " n=" + i);
        }
        assertThat(files.awaitIndexCount("message like '%" + m + "%'", 500, WAIT)).isEqualTo(500);
    }

    @Test
    void tlsFromOpensslClientIsStoredAndIndexed() throws Exception {
        String m = marker();
        String msg = "<14>1 2026-11-28T10:00:00.000Z tls-host tlsapp - - - " + m;
        String frame = msg.getBytes(StandardCharsets.UTF_8).length + " " + msg;
        Process p = new ProcessBuilder("openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + collector.tlsPort)
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(frame.getBytes(StandardCharsets.UTF_8));
            in.flush();
            files.await(all -> !linesWith(all, m).isEmpty(), WAIT);
        } finally {
            p.destroy();
        }

        DailyLine line = storedLine(m);
        assertThat(line.listener()).isEqualTo("tls");
        assertThat(new String(line.raw(), StandardCharsets.UTF_8)).isEqualTo(msg);
        assertThat(indexed(m, "hostname")).isEqualTo("tls-host");
    }

    @Test
    void theRunCommandSaysWhereItListensAndWhereDataGoes() throws Exception {
        String out = collector.output();
        assertThat(out).contains("listening: udp 127.0.0.1:" + collector.udpPort)
                .contains("listening: tcp 127.0.0.1:" + collector.tcpPort)
                .contains("listening: tls 127.0.0.1:" + collector.tlsPort)
                .contains("tls certificate SHA-256 fingerprint: ")
                .contains("daily files: " + data.resolve("logs"))
                .contains("index: embedded H2");
    }
}
