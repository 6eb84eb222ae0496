package org.logmaster.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logmaster.api.v1.EventFilter;
import org.logmaster.api.v1.TailRequest;
import org.logmaster.api.v1.TailResponse;

/**
 * SIGTERM, as systemd or an operator stops the collector, while a console follows the live
 * stream: the stop ends the stream and still writes its audit entry to the embedded index. H2's
 * own shutdown hook used to close the index first ("Database is already closed").
 */
class GracefulStopTest {

    @TempDir
    Path data;

    @Test
    void stoppingWhileALiveStreamIsOpenStillAuditsTheStreamAndExitsCleanly() throws Exception {
        try (CollectorProcess collector = CollectorProcess.start(data)) {
            Matcher password = Pattern.compile("administrator: admin / password: (\\S+)").matcher(collector.cli("init"));
            assertThat(password.find()).isTrue();
            String marker = "m" + UUID.randomUUID().toString().replace("-", "");
            int exit;
            try (ApiClient client = ApiClient.connect(collector.apiPort, collector.apiFingerprint())
                    .login("admin", password.group(1))) {
                TailClient tail = client.tail(TailRequest.newBuilder()
                        .setFilter(EventFilter.newBuilder().setText(marker)).build(), true);
                TailResponse first = null;
                for (int i = 0; first == null && i < 30; i++) {
                    Logger.send(collector.tcpPort, "-T", "-t", "probe", marker + " probe " + i);
                    first = tail.next(Duration.ofSeconds(1));
                }
                assertThat(first).as("the stream is live").isNotNull();

                exit = collector.stop();
            }

            assertThat(collector.output()).contains("collector stopped").doesNotContain("Database is already closed")
                    .doesNotContain("audit trail append failed");
            assertThat(exit).isZero();
            // the entry the stream's end writes, during the stop: the server ended it
            assertThat(streamAuditOutcomes()).contains("UNAVAILABLE");
        }
    }

    private List<String> streamAuditOutcomes() throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (Connection index = new DailyFiles(data).index(); ResultSet rs = index.createStatement().executeQuery(
                "select outcome from audit_log where action = 'logmaster.v1.LogService/Tail' order by seq")) {
            while (rs.next()) {
                outcomes.add(rs.getString(1));
            }
        }
        return outcomes;
    }
}
