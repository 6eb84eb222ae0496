package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.collector.store.DailyLine;

/**
 * A collector killed with SIGKILL in the middle of a TCP stream loses nothing it reported
 * stored: after a restart every stored line is in its daily file exactly once and the index
 * catches up from the files, without duplicates.
 */
class CrashRecoveryTest {
    private static final Pattern STORED = Pattern.compile("status received=\\d+ stored=(\\d+)");

    @TempDir
    Path data;

    @Test
    void aKilledCollectorKeepsEverythingItReportedStoredAndReindexesAfterRestart() throws Exception {
        DailyFiles files = new DailyFiles(data);
        try (CollectorProcess collector = CollectorProcess.start(data)) {
            Thread sender = Thread.ofPlatform().start(() -> sendUntilBroken(collector.tcpPort, 200_000));
            files.await(lines -> lines.size() >= 20_000, Duration.ofSeconds(60));
            long reportedBeforeKill = lastReportedStored(collector.output());
            collector.kill();
            sender.join(30_000);

            List<DailyLine> afterCrash = files.lines();
            assertThat((long) afterCrash.size()).as("lines on disk >= last 'stored' the collector reported")
                    .isGreaterThanOrEqualTo(reportedBeforeKill);
            assertThat(sequenceNumbers(afterCrash)).as("no line stored twice").hasSize(afterCrash.size());

            collector.restart();
            long indexed = files.awaitIndexCount("", afterCrash.size(), Duration.ofSeconds(240));
            assertThat(indexed).as("index rows after catch-up").isEqualTo(afterCrash.size());
            assertThat(files.indexCount("message like 'crash-test seq=%'"))
                    .isEqualTo(files.lines().stream().filter(l -> text(l).contains("crash-test seq=")).count());
        }
    }

    private static void sendUntilBroken(int port, int count) {
        try (Socket s = new Socket("127.0.0.1", port);
             OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                byte[] m = ("<13>1 2026-11-28T10:00:00Z host app - - - crash-test seq=" + i)
                        .getBytes(StandardCharsets.US_ASCII);
                out.write((m.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(m);
            }
            out.flush();
        } catch (IOException expected) {
            // the collector was killed under us
        }
    }

    private static long lastReportedStored(String output) {
        long last = 0;
        Matcher m = STORED.matcher(output);
        while (m.find()) last = Long.parseLong(m.group(1));
        return last;
    }

    private static Set<String> sequenceNumbers(List<DailyLine> lines) {
        Set<String> seqs = new HashSet<>();
        for (DailyLine l : lines) {
            String t = text(l);
            seqs.add(t.substring(t.indexOf("seq=")));
        }
        return seqs;
    }

    private static String text(DailyLine l) {
        return new String(l.raw(), StandardCharsets.UTF_8);
    }
}
