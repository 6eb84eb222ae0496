package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.CLIENT_HOST;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.SRC_IP;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * ISC dhcpd (Linux, pfSense, OPNsense), whose lines read as sentences:
 * <pre>
 *   DHCPACK on 10.0.0.5 to 3c:22:fb:00:11:22 (laptop) via em1
 *   DHCPACK to 10.0.0.5 (3c:22:fb:00:11:22) via em1            (answer to DHCPINFORM)
 *   DHCPREQUEST for 10.0.0.5 (10.0.0.1) from 3c:22:fb:00:11:22 (laptop) via em1
 *   DHCPRELEASE of 10.0.0.5 from 3c:22:fb:00:11:22 (laptop) via em1 (found)
 * </pre>
 * so they are read word by word: an address after on/for/of/to/from, a MAC after to/from
 * or in parentheses, the client's host name in parentheses after its MAC, the interface
 * after "via". dhcpd does not log lease lengths; see the attribution lease rules.
 */
final class IscDhcpd implements Dialect {
    static final String NAME = "isc-dhcpd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("dhcpd", "pfsense", "opnsense", "linux");
    }

    @Override
    public Set<String> appNames() {
        return Set.of("dhcpd");
    }

    @Override
    public boolean detect(DialectInput in) {
        return "dhcpd".equals(in.appName()) && in.message().startsWith("DHCP");
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String[] words = in.message().split(" ");
        String event = words.length == 0 ? null : Normalize.dhcpEvent(words[0]);
        if (event == null) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME).put(EVENT, event);
        boolean lastWasMac = false;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.length() > 2 && w.charAt(0) == '(' && w.charAt(w.length() - 1) == ')') {
                String inner = w.substring(1, w.length() - 1);
                String mac = Normalize.mac(inner);
                if (mac != null) {
                    f.putIfAbsent(MAC, mac);
                } else if (lastWasMac) {
                    f.putIfAbsent(CLIENT_HOST, inner);
                }
                lastWasMac = mac != null;
                continue;
            }
            switch (w) {
                case "on", "for", "of", "to", "from" -> {
                    if (i + 1 < words.length) {
                        String value = words[++i];
                        String mac = Normalize.mac(value);
                        f.putIfAbsent(mac != null ? MAC : SRC_IP, mac != null ? mac : Normalize.ip(value));
                        lastWasMac = mac != null;
                    }
                }
                case "via" -> {
                    if (i + 1 < words.length) {
                        String iface = words[i + 1];
                        f.put(INTERFACE, iface.endsWith(":") ? iface.substring(0, iface.length() - 1) : iface);
                    }
                    return in.event().withFields(f.build());
                }
                default -> lastWasMac = false;
            }
        }
        return in.event().withFields(f.build());
    }
}
