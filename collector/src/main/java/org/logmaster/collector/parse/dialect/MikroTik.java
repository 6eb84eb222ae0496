package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.BYTES;
import static org.logmaster.collector.parse.Field.CLIENT_HOST;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.DST_IP;
import static org.logmaster.collector.parse.Field.DST_PORT;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.NAT_DST_IP;
import static org.logmaster.collector.parse.Field.NAT_DST_PORT;
import static org.logmaster.collector.parse.Field.NAT_SRC_IP;
import static org.logmaster.collector.parse.Field.NAT_SRC_PORT;
import static org.logmaster.collector.parse.Field.PROTOCOL;
import static org.logmaster.collector.parse.Field.SRC_IP;
import static org.logmaster.collector.parse.Field.SRC_PORT;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * MikroTik RouterOS. Messages may start with the log topics ({@code firewall,info}), as
 * RouterOS sends them without a tag. Firewall rules with logging write one line per packet:
 * <pre>
 *   [prefix] forward: in:bridge out:ether1, connection-state:new src-mac 3c:22:fb:00:11:22, proto TCP (SYN),
 *       192.168.88.10:51514->93.184.216.34:443, NAT (192.168.88.10:51514->203.0.113.5:51514)->93.184.216.34:443, len 60
 * </pre>
 * (source NAT in the parenthesis before the arrow; destination NAT is written
 * {@code NAT 1.2.3.4:5->(203.0.113.5:80->192.168.88.20:80)}). The DHCP server writes
 * {@code dhcp1 assigned 192.168.88.254 to|for 3C:22:FB:00:11:22 [host]} and
 * {@code dhcp1 deassigned 192.168.88.254 from|for 3C:22:FB:00:11:22}, without lease lengths;
 * "deassigned" (released or expired) ends the lease.
 */
final class MikroTik implements Dialect {
    static final String NAME = "mikrotik";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("routeros");
    }

    @Override
    public boolean detect(DialectInput in) {
        String m = in.message();
        if (m.startsWith("firewall,") || m.startsWith("dhcp,")) {
            return true;
        }
        String app = in.appName();
        if (app != null && (app.startsWith("firewall,") || app.startsWith("dhcp,"))) {
            return true;
        }
        int in0 = m.indexOf(" in:", 0, Math.min(m.length(), 80));
        return in0 > 0 && m.charAt(in0 - 1) == ':' && m.indexOf(" out:", in0) > 0;
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String m = withoutTopics(in.message());
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        int inAt = m.indexOf(" in:");
        if (inAt > 0 && inAt < 80) {
            firewall(m, inAt, f);
        } else {
            dhcp(m, f);
        }
        return in.event().withFields(f.build());
    }

    /** {@code firewall,info forward: ...} → {@code forward: ...}: a first word of lower-case topics joined by ','. */
    private static String withoutTopics(String m) {
        int space = m.indexOf(' ');
        if (space <= 0) {
            return m;
        }
        for (int i = 0; i < space; i++) {
            char c = m.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == ',')) {
                return m;
            }
        }
        return m.indexOf(',') < space ? m.substring(space + 1) : m;
    }

    private static void firewall(String m, int inAt, Fields.Builder f) {
        f.put(EVENT, "packet");
        TextCursor c = new TextCursor(m, inAt + 4);
        f.put(INTERFACE, c.word(","));
        for (String part : m.substring(inAt).split(", ")) {
            if (part.startsWith("src-mac ")) {
                f.put(MAC, Normalize.mac(part.substring(8)));
            } else if (part.contains(" src-mac ")) {
                f.put(MAC, Normalize.mac(part.substring(part.indexOf(" src-mac ") + 9)));
            } else if (part.startsWith("proto ")) {
                f.put(PROTOCOL, Normalize.protocol(new TextCursor(part, 6).word("(,")));
            } else if (part.startsWith("NAT ")) {
                nat(part.substring(4), f);
            } else if (part.startsWith("len ")) {
                f.put(BYTES, Normalize.count(part.substring(4)));
            } else if (part.indexOf("->") > 0 && f.get(SRC_IP) == null) {
                int arrow = part.indexOf("->");
                String[] src = hostPort(part.substring(0, arrow));
                String[] dst = hostPort(part.substring(arrow + 2));
                f.put(SRC_IP, Normalize.ip(src[0])).put(SRC_PORT, Normalize.port(src[1]))
                        .put(DST_IP, Normalize.ip(dst[0])).put(DST_PORT, Normalize.port(dst[1]));
            }
        }
    }

    /** {@code (a:p->b:q)->c:r} is source NAT to b:q; {@code a:p->(c:r->d:s)} destination NAT to d:s. */
    private static void nat(String s, Fields.Builder f) {
        if (s.startsWith("(")) {
            int close = s.indexOf(')');
            int arrow = s.indexOf("->");
            if (close > 0 && arrow > 0 && arrow < close) {
                String[] translated = hostPort(s.substring(arrow + 2, close));
                f.put(NAT_SRC_IP, Normalize.ip(translated[0])).put(NAT_SRC_PORT, Normalize.port(translated[1]));
            }
        } else {
            int open = s.indexOf("->(");
            int close = s.lastIndexOf(')');
            if (open > 0 && close > open) {
                String inner = s.substring(open + 3, close);
                int arrow = inner.indexOf("->");
                if (arrow > 0) {
                    String[] translated = hostPort(inner.substring(arrow + 2));
                    f.put(NAT_DST_IP, Normalize.ip(translated[0])).put(NAT_DST_PORT, Normalize.port(translated[1]));
                }
            }
        }
    }

    /** {@code 10.0.0.5:51514} → address and port; an address without port (ICMP) → port null. */
    private static String[] hostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return new String[] {s.substring(0, colon), s.substring(colon + 1)};
        }
        return new String[] {s, null};
    }

    /** {@code dhcp1 assigned 192.168.88.254 to 3C:22:FB:00:11:22 [host]}. */
    private static void dhcp(String m, Fields.Builder f) {
        String[] w = m.split(" ");
        if (w.length < 5 || !(w[1].equals("assigned") || w[1].equals("deassigned"))) {
            return;
        }
        String mac = Normalize.mac(w[4]);
        String ip = Normalize.ip(w[2]);
        if (mac == null || ip == null) {
            return;
        }
        f.put(EVENT, w[1].equals("assigned") ? "dhcp_ack" : "dhcp_release").put(SRC_IP, ip).put(MAC, mac)
                .put(CLIENT_HOST, w.length > 5 ? w[5] : null);
    }
}
