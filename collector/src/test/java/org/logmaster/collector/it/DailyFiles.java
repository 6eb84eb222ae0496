package org.logmaster.collector.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.logmaster.collector.store.DailyLine;

/** Reads what the collector wrote: the daily files (decoded) and the embedded index. */
final class DailyFiles {
    private final Path data;

    DailyFiles(Path data) {
        this.data = data;
    }

    /** Every line of every daily file, decoded, in file order (files sorted by path). */
    List<DailyLine> lines() throws IOException {
        return linesUnder(data.resolve("logs"));
    }

    /** Every line of one device's daily files. */
    List<DailyLine> linesOf(String deviceId) throws IOException {
        return linesUnder(data.resolve("logs").resolve(deviceId));
    }

    private static List<DailyLine> linesUnder(Path logs) throws IOException {
        List<DailyLine> result = new ArrayList<>();
        if (!Files.isDirectory(logs)) return result;
        List<Path> files;
        try (Stream<Path> s = Files.walk(logs)) {
            files = s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        for (Path f : files) {
            byte[] all = Files.readAllBytes(f);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    try {
                        result.add(DailyLine.decode(all, start, i - start + 1));
                    } catch (Exception e) {
                        throw new IOException(f + ": undecodable line at byte " + start + ": " + e.getMessage(), e);
                    }
                    start = i + 1;
                }
            }
        }
        return result;
    }

    List<DailyLine> linesContaining(String marker) throws IOException {
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        return lines().stream().filter(l -> indexOf(l.raw(), m) >= 0).toList();
    }

    /** Waits until some line satisfies the predicate; returns all lines then. */
    List<DailyLine> await(Predicate<List<DailyLine>> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<DailyLine> lines = lines();
        while (!condition.test(lines)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("daily files did not reach the expected state within " + timeout
                        + "; they hold " + lines.size() + " lines");
            }
            Thread.sleep(50);
            lines = lines();
        }
        return lines;
    }

    Connection index() throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("index").resolve("logmaster").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        return DriverManager.getConnection(url, "", "");
    }

    long indexCount(String where) throws SQLException {
        try (Connection c = index(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from events" + (where.isEmpty() ? "" : " where " + where))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long awaitIndexCount(String where, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long n = indexCount(where);
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            n = indexCount(where);
        }
        return n;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
