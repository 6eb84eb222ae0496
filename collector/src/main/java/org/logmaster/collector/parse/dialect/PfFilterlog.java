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
        Csv c = new Csv(in.message().strip());
        if (c.size() < 9) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME).put(EVENT, "packet")
                .put(INTERFACE, c.get(4)).put(ACTION, Normalize.action(c.get(6)));
        switch (c.get(8)) {
            case "4" -> packet(c, f, 16, 17, 18);
            case "6" -> packet(c, f, 12, 14, 15);
            default -> { }
        }
        return in.event().withFields(f.build());
    }

    /** Protocol name, packet length, then source, destination and (TCP/UDP) the two ports. */
    private static void packet(Csv c, Fields.Builder f, int protocol, int length, int source) {
        if (c.size() <= source + 1) {
            return;
        }
        String proto = Normalize.protocol(c.get(protocol));
        f.put(PROTOCOL, proto).put(BYTES, Normalize.count(c.get(length)))
                .put(SRC_IP, Normalize.ip(c.get(source))).put(DST_IP, Normalize.ip(c.get(source + 1)));
        if (("tcp".equals(proto) || "udp".equals(proto)) && c.size() > source + 3) {
            f.put(SRC_PORT, Normalize.port(c.get(source + 2))).put(DST_PORT, Normalize.port(c.get(source + 3)));
        }
    }

    /** The comma positions of a line, so that only the columns read become strings. */
    private static final class Csv {
        private static final int MAX_COLUMNS = 32;
        private final String line;
        private final int[] ends = new int[MAX_COLUMNS];
        private final int size;

        Csv(String line) {
            this.line = line;
            int n = 0;
            int comma = line.indexOf(',');
            while (comma >= 0 && n < MAX_COLUMNS - 1) {
                ends[n++] = comma;
                comma = line.indexOf(',', comma + 1);
            }
            ends[n++] = comma >= 0 ? comma : line.length();
            size = n;
        }

        int size() {
            return size;
        }

        String get(int column) {
            return line.substring(column == 0 ? 0 : ends[column - 1] + 1, ends[column]);
        }
    }
}
