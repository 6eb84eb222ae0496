package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;

/**
 * A Tail client that stops reading while 50,000 messages arrive: the collector stores and
 * indexes all of them regardless, and when the client reads again it gets what its buffer held,
 * then a gap marker counting exactly the messages it missed, then live messages again.
 */
class SlowTailClientTest {
    private static final int BULK = 50_000;
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    static Path data;
    static CollectorProcess collector;
    static DailyFiles files;
    static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        collector = CollectorProcess.start(data);
        files = new DailyFiles(data);
        Matcher password = Pattern.compile("administrator: admin / password: (\\S+)").matcher(collector.cli("init"));
        assertThat(password.find()).isTrue();
        client = ApiClient.connect(collector.apiPort, collector.apiFingerprint()).login("admin", password.group(1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) client.close();
        if (collector != null) collector.close();
    }

    @Test
    void aClientThatDoesNotReadNeverStallsIngestAndLaterGetsAGapMarker() throws Exception {
        String m = "m" + UUID.randomUUID().toString().replace("-", "");
        TailClient slow = client.tail(TailRequest.newBuilder().setFilter(EventFilter.newBuilder().setText(m)).build(), false);
        TailResponse first = null;
        for (int i = 0; first == null && i < 30; i++) {
            Logger.send(collector.tcpPort, "-T", "-t", "probe", m + " probe " + i);
            first = slow.next(Duration.ofSeconds(1));
        }
        assertThat(first).as("the tail is live").isNotNull();
        long firstId = first.getEvent().getId();

        sendBulk(m);
        // the client reads nothing, yet every message is stored and indexed
        assertThat(files.awaitIndexCount("message like '%" + m + " bulk%'", BULK, WAIT)).isEqualTo(BULK);
        assertThat(slow.next(Duration.ofMillis(200))).as("nothing was read meanwhile").isNull();
        long expected = matchingAfter(m, firstId);

        slow.read();
        long events = 0, skipped = 0, gaps = 0, lastId = firstId;
        while (events + skipped < expected) {
            TailResponse item = slow.next(Duration.ofSeconds(30));
            assertThat(item).as("items so far: %d events, %d skipped of %d", events, skipped, expected).isNotNull();
            if (item.hasGap()) {
                gaps++;
                skipped += item.getGap().getSkipped();
            } else {
                assertThat(item.getEvent().getId()).as("ids keep rising").isGreaterThan(lastId);
                lastId = item.getEvent().getId();
                events++;
            }
        }
        assertThat(gaps).as("gap markers").isPositive();
        assertThat(skipped).isPositive();
        assertThat(events + skipped).isEqualTo(expected);

        Logger.send(collector.tcpPort, "-T", "-t", "after", m + " after the gap");
        TailResponse after = slow.next(Duration.ofSeconds(30));
        assertThat(after).isNotNull();
        assertThat(after.getEvent().getMessage()).endsWith(m + " after the gap");
        slow.cancel();
    }

    private static void sendBulk(String m) throws Exception {
        Process logger = new ProcessBuilder("logger", "-n", "127.0.0.1", "-P", Integer.toString(collector.tcpPort),
                "-T", "--octet-count", "-t", "bulk").redirectErrorStream(true).start();
        try (OutputStream in = logger.getOutputStream()) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < BULK; i++) lines.append(m).append(" bulk ").append(i).append('\n');
            in.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(logger.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(logger.exitValue()).isZero();
    }

    /** Rows with the marker indexed after the first one the client received: what it must account for. */
    private static long matchingAfter(String m, long id) throws Exception {
        try (Connection c = files.index(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from events where message like '%" + m + "%' and id > " + id)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
