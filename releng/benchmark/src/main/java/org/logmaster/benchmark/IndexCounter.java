package org.logmaster.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;

/** Counts rows in the collector's embedded H2 index (through H2's AUTO_SERVER). */
final class IndexCounter {
    private final Path data;

    IndexCounter(Path data) {
        this.data = data;
    }

    long awaitCount(long expected, Duration timeout) throws SQLException, InterruptedException {
        String url = "jdbc:h2:file:" + data.resolve("index").resolve("logmaster").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from events")) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count >= expected) return count;
                Thread.sleep(200);
            }
        }
        return count;
    }

    long sizeMiB() throws IOException {
        try (Stream<Path> s = Files.walk(data.resolve("index"))) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() >> 20;
        }
    }
}
