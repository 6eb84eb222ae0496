package org.logmaster.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logmaster.collector.ingest.SyslogFrameDecoder;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.Rfc5424Parser;

class SyslogForwardActionTest {
    private static Alert bruteForceAlert() {
        RuleEngine engine = RuleEngineTest.engine(RuleEngineTest.sshBruteForce());
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) alerts.addAll(engine.evaluate(TestEvents.failedLogin("203.0.113.7", i)));
        return alerts.getFirst().withId(7);
    }

    /** Receives one octet-counted frame on a real socket, as a SIEM would. */
    private static byte[] forwardAndReceive(Alert alert) throws Exception {
        try (ServerSocket siem = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var action = new SyslogForwardAction(new AlertSettings.Forward("127.0.0.1", siem.getLocalPort(), null),
                    "appliance1");
            action.deliver(alert);
            action.close();
            List<byte[]> frames = new ArrayList<>();
            try (Socket s = siem.accept(); InputStream in = s.getInputStream()) {
                byte[] all = in.readAllBytes();
                SyslogFrameDecoder decoder = SyslogFrameDecoder.detecting(64 * 1024);
                decoder.decode(all, 0, all.length, (payload, oversized) -> frames.add(payload));
                decoder.finish((payload, oversized) -> frames.add(payload));
                assertThat(decoder.framing()).isEqualTo(SyslogFrameDecoder.Framing.OCTET_COUNTING);
            }
            assertThat(frames).hasSize(1);
            return frames.getFirst();
        }
    }

    @Test
    void theTriggeringEventReachesTheSiemAsValidRfc5424() throws Exception {
        byte[] frame = forwardAndReceive(bruteForceAlert());
        LogEvent e = new Rfc5424Parser().parse(frame, new ParseContext(TestEvents.T0, ZoneOffset.UTC));

        assertThat(e.malformed()).as(e.parseError()).isFalse();
        assertThat(e.severity()).isEqualTo(2);
        assertThat(e.hostname()).isEqualTo("appliance1");
        assertThat(e.appName()).isEqualTo("logmaster");
        assertThat(e.msgId()).isEqualTo("ALERT");
        assertThat(e.message()).isEqualTo("Failed password for root from 203.0.113.7 port 22 ssh2");
        assertThat(e.structuredData()).singleElement().satisfies(sd -> {
            assertThat(sd.id()).isEqualTo("logmaster@32473");
            assertThat(sd.params()).contains(Map.entry("rule", "ssh-brute-force"), Map.entry("alertId", "7"),
                    Map.entry("group", "203.0.113.7"), Map.entry("device", "gw1"), Map.entry("matches", "6"));
        });
    }

    @Test
    void quotesAndBracketsInValuesAreEscaped() throws Exception {
        Alert alert = Alert.raised("system.tsa-failure", AlertSeverity.CRITICAL, TestEvents.T0, "tsa \"a\" ]x[", 1,
                "summary", List.of(), null);
        LogEvent e = new Rfc5424Parser().parse(forwardAndReceive(alert), new ParseContext(TestEvents.T0, ZoneOffset.UTC));
        assertThat(e.malformed()).as(e.parseError()).isFalse();
        assertThat(e.structuredData().getFirst().params()).contains(Map.entry("group", "tsa \"a\" ]x["));
        assertThat(e.message()).isEqualTo("summary");
    }
}
