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
 * dnsmasq's DHCP log ({@code dnsmasq-dhcp}; OpenWrt, many home and branch routers):
 * {@code DHCPACK(br-lan) 192.168.1.50 3c:22:fb:00:11:22 laptop}, optionally after the
 * transaction number that {@code log-dhcp} adds. The host name follows the MAC on DHCPACK
 * only (on DHCPNAK a reason follows instead). dnsmasq does not log lease lengths.
 */
final class Dnsmasq implements Dialect {
    static final String NAME = "dnsmasq";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("openwrt", "dnsmasq-dhcp");
    }

    @Override
    public Set<String> appNames() {
        return Set.of("dnsmasq-dhcp", "dnsmasq");
    }

    @Override
    public boolean detect(DialectInput in) {
        String app = in.appName();
        return app != null && app.startsWith("dnsmasq");
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String[] words = in.message().split(" ");
        if (words.length == 0) {
            return null;
        }
        int first = words.length > 1 && Normalize.number(words[0], 12) != null ? 1 : 0;
        String verb = words[first];
        int open = verb.indexOf('(');
        String event = open > 0 && verb.endsWith(")") ? Normalize.dhcpEvent(verb.substring(0, open)) : null;
        if (event == null) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME).put(EVENT, event)
                .put(INTERFACE, verb.substring(open + 1, verb.length() - 1));
        boolean macSeen = false;
        for (int i = first + 1; i < words.length; i++) {
            String mac = Normalize.mac(words[i]);
            if (mac != null && !macSeen) {
                f.put(MAC, mac);
                macSeen = true;
            } else if (!macSeen && f.get(SRC_IP) == null) {
                f.put(SRC_IP, Normalize.ip(words[i]));
            } else if (macSeen && event.equals("dhcp_ack")) {
                f.put(CLIENT_HOST, words[i]);
                break;
            }
        }
        return in.event().withFields(f.build());
    }
}
