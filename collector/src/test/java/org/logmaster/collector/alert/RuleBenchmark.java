package org.logmaster.collector.alert;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.ParseContext;
import org.logmaster.collector.parse.SyslogParser;

/**
 * Rule evaluation throughput with 50 rules loaded, on one thread, in events per CPU second (so
 * other load on the machine does not distort it). The event stream is every vendor corpus line
 * of the dialect tests, parsed as the indexer parses it (so dialect fields are there), mixed with
 * sshd "Failed password" lines from a rotating set of addresses; events arrive 1 ms apart. The
 * rules mix text patterns with named groups, parsed-field matches grouped by address, severity
 * and device filters and every-match rules, as docs/alerts.md describes. A program, not a test:
 * {@code java -cp "collector/target/classes:collector/target/test-classes:collector/target/lib/*"
 * org.logmaster.collector.alert.RuleBenchmark [seconds]}.
 */
public final class RuleBenchmark {
    private static final List<String> CORPORA = List.of("cisco-ios.txt", "cisco-asa.txt", "fortigate.txt",
            "juniper-srx.txt", "pf-filterlog.txt", "isc-dhcpd.txt", "dnsmasq.txt", "kea.txt", "hostapd.txt",
            "mikrotik.txt", "cef.txt", "leef.txt", "none.txt");

    private RuleBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        List<ObservedEvent> events = events();
        RuleEngine engine = new RuleEngine();
        List<AlertRule> rules = new ArrayList<>();
        for (RuleSpec s : rules()) rules.add(AlertRule.compile(s, AlertRule.Origin.CONFIG));
        engine.load(rules);
        System.out.printf(Locale.ROOT, "java %s, one thread, %d rules, %d distinct events, %.1f s after %.1f s warm-up%n",
                Runtime.version(), rules.size(), events.size(), seconds, seconds / 2);
        run(engine, events, seconds / 2);
        Result r = run(engine, events, seconds);
        System.out.printf(Locale.ROOT, "%,.0f events per CPU second (one core); %d alerts raised, %d held back by suppression%n",
                r.rate(), r.alerts(), engine.suppressed().values().stream().mapToLong(Long::longValue).sum());
    }

    record Result(double rate, long alerts) {}

    private static Result run(RuleEngine engine, List<ObservedEvent> events, double seconds) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = cpu.getCurrentThreadCpuTime();
        long evaluated = 0;
        long alerts = 0;
        long t = 0;
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        do {
            for (ObservedEvent e : events) {
                // a fresh arrival each time, so windows slide as in a real stream
                ObservedEvent now = new ObservedEvent(e.device(), base.plusMillis(t++), e.sender(), e.severity(),
                        e.appName(), e.fields(), e.message());
                alerts += engine.evaluate(now).size();
                evaluated++;
            }
        } while (System.nanoTime() < deadline);
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        return new Result(evaluated / cpuSeconds, alerts);
    }

    private static List<ObservedEvent> events() {
        SyslogParser parser = new SyslogParser(ZoneId.of("UTC"));
        ParseContext context = new ParseContext(Instant.parse("2024-06-01T12:00:00Z"), ZoneId.of("Europe/Istanbul"));
        List<ObservedEvent> events = new ArrayList<>();
        String[] devices = {"fw-hq", "fw-branch", "core1", "edge1", "ap-3"};
        int n = 0;
        for (String corpus : CORPORA) {
            for (String line : corpusLines(corpus)) {
                LogEvent e = parser.parse(line.getBytes(UTF_8), context);
                events.add(new ObservedEvent(devices[n++ % devices.length], Instant.EPOCH, "192.0.2." + (n % 50),
                        e.severity(), e.appName(), e.fields(), e.message()));
            }
        }
        int vendorLines = events.size();
        for (int i = 0; i < vendorLines / 4; i++) {
            String text = "<38>Mar  1 10:00:00 bastion sshd[811]: Failed password for "
                    + (i % 3 == 0 ? "invalid user admin" : "root") + " from 198.51.100." + (i % 40) + " port " + (40000 + i)
                    + " ssh2";
            LogEvent e = parser.parse(text.getBytes(UTF_8), context);
            events.add(new ObservedEvent("bastion", Instant.EPOCH, "192.0.2.9", e.severity(), e.appName(), e.fields(),
                    e.message()));
        }
        java.util.Collections.shuffle(events, new java.util.Random(5651));
        return events;
    }

    private static List<String> corpusLines(String name) {
        try (InputStream in = RuleBenchmark.class.getResourceAsStream("/dialects/" + name)) {
            if (in == null) throw new IllegalArgumentException("no corpus " + name);
            return new String(in.readAllBytes(), UTF_8).lines().filter(l -> l.startsWith("> "))
                    .map(l -> l.substring(2)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 50 rules of the kinds an operator writes. */
    static List<RuleSpec> rules() {
        List<RuleSpec> r = new ArrayList<>();
        String[] texts = {"Failed password for \\S+ from (?<ip>\\S+)", "Invalid user \\S+ from (?<ip>\\S+)",
                "authentication failure.*rhost=(?<ip>\\S+)", "%ASA-6-113015", "%SEC-6-IPACCESSLOGP", "LINK-3-UPDOWN",
                "DHCPDECLINE", "segfault", "Out of memory", "(?i)denied by policy", "RT_FLOW_SESSION_DENY",
                "kernel: \\[UFW BLOCK\\].*SRC=(?<ip>\\S+)", "login failure", "(?i)brute", "session timeout",
                "no free leases", "deauthenticated", "(?i)admin login failed from (?<ip>\\S+)", "config changed",
                "reboot"};
        for (int i = 0; i < texts.length; i++) {
            boolean grouped = texts[i].contains("(?<ip>");
            r.add(new RuleSpec("text-" + i, null, "warning", null, new RuleSpec.Match(null, null, null, texts[i]),
                    grouped ? new RuleSpec.Condition(5, "10m", "ip") : null, "30m"));
        }
        String[][] fields = {{"action", "deny"}, {"event", "login"}, {"event", "dhcp_nak"}, {"event", "dhcp_decline"},
                {"event", "wifi_auth"}, {"protocol", "icmp"}, {"dst_port", "22"}, {"dst_port", "3389"},
                {"dst_port", "445"}, {"event", "nat_start"}, {"action", "allow"}, {"event", "session_start"},
                {"event", "wifi_disconnect"}, {"dst_port", "23"}, {"protocol", "udp"}};
        for (int i = 0; i < fields.length; i++) {
            r.add(new RuleSpec("field-" + i, null, "warning", null,
                    new RuleSpec.Match(null, null, Map.of(fields[i][0], fields[i][1]), null),
                    new RuleSpec.Condition(20, "5m", "src_ip"), "1h"));
        }
        for (int i = 0; i < 10; i++) {
            r.add(new RuleSpec("severity-" + i, null, "critical", null,
                    new RuleSpec.Match(List.of(i % 2 == 0 ? "core1" : "fw-hq"), i % 4, null, null),
                    new RuleSpec.Condition(3, "1m", "device"), "15m"));
        }
        for (int i = 0; i < 5; i++) {
            r.add(new RuleSpec("every-" + i, null, "info", null,
                    new RuleSpec.Match(List.of("edge1"), null, null, "(?i)(critical|emergency|panic) " + i), null, "5m"));
        }
        return r;
    }
}
