package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
import static org.logmaster.collector.parse.Field.BYTES;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.DST_IP;
import static org.logmaster.collector.parse.Field.DST_PORT;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.PROTOCOL;
import static org.logmaster.collector.parse.Field.SRC_IP;
import static org.logmaster.collector.parse.Field.SRC_PORT;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * pfSense and OPNsense packet filter log ({@code filterlog: <CSV>}), after Netgate's "raw
 * filter log format": rule, sub rule, anchor, tracker, interface, reason, action, direction,
 * IP version, then for IPv4 TOS, ECN, TTL, ID, offset, flags, protocol id, protocol, length,
 * source, destination and for TCP/UDP source port, destination port; for IPv6 class, flow
 * label, hop limit, protocol, protocol id, length, source, destination, ports.
 */
final class PfFilterlog implements Dialect {
    static final String NAME = "pf-filterlog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("pfsense", "opnsense");
    }

    @Override
    public Set<String> appNames() {
        return Set.of("filterlog");
    }

    @Override
    public boolean detect(DialectInput in) {
        return "filterlog".equals(in.appName());
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String[] c = in.message().strip().split(",", 40);
        if (c.length < 9) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME).put(EVENT, "packet")
                .put(INTERFACE, c[4]).put(ACTION, Normalize.action(c[6]));
        switch (c[8]) {
            case "4" -> packet(c, f, 16, 17, 18);
            case "6" -> packet(c, f, 12, 14, 15);
            default -> { }
        }
        return in.event().withFields(f.build());
    }

    /** Protocol name, packet length, then source, destination and (TCP/UDP) the two ports. */
    private static void packet(String[] c, Fields.Builder f, int protocol, int length, int source) {
        if (c.length <= source + 1) {
            return;
        }
        String proto = Normalize.protocol(c[protocol]);
        f.put(PROTOCOL, proto).put(BYTES, Normalize.count(c[length]))
                .put(SRC_IP, Normalize.ip(c[source])).put(DST_IP, Normalize.ip(c[source + 1]));
        if (("tcp".equals(proto) || "udp".equals(proto)) && c.length > source + 3) {
            f.put(SRC_PORT, Normalize.port(c[source + 2])).put(DST_PORT, Normalize.port(c[source + 3]));
        }
    }
}
