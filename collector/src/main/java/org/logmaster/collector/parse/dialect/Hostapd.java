package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.USER;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * hostapd, the access point daemon of OpenWrt, UniFi, and most Linux-based APs:
 * <pre>
 *   wlan0: AP-STA-CONNECTED 3c:22:fb:00:11:22           station connected (after the key handshake)
 *   wlan0: AP-STA-DISCONNECTED 3c:22:fb:00:11:22
 *   wlan0: STA 3c:22:fb:00:11:22 IEEE 802.11: associated (aid 1)
 *   wlan0: STA 3c:22:fb:00:11:22 IEEE 802.11: disassociated   (also: deauthenticated)
 *   wlan0: STA 3c:22:fb:00:11:22 IEEE 802.1X: Identity received from STA: 'alice'
 *   wlan0: STA 3c:22:fb:00:11:22 IEEE 802.1X: authenticated - EAP type: 25 (PEAP)
 * </pre>
 */
final class Hostapd implements Dialect {
    static final String NAME = "hostapd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("openwrt", "unifi", "access-point", "ap");
    }

    @Override
    public Set<String> appNames() {
        return Set.of("hostapd");
    }

    @Override
    public boolean detect(DialectInput in) {
        String app = in.appName();
        return app != null && app.startsWith("hostapd");
    }

    @Override
    public LogEvent apply(DialectInput in) {
        TextCursor c = new TextCursor(in.message());
        String iface = c.upTo(": ");
        if (c.failed()) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME).put(INTERFACE, iface);
        if (c.skip("AP-STA-CONNECTED ")) {
            f.put(MAC, Normalize.mac(c.token())).put(EVENT, "wifi_connect").put(ACTION, "allow");
        } else if (c.skip("AP-STA-DISCONNECTED ")) {
            f.put(MAC, Normalize.mac(c.token())).put(EVENT, "wifi_disconnect");
        } else if (c.skip("STA ")) {
            f.put(MAC, Normalize.mac(c.token()));
            station(c.rest(), f);
        } else if (c.skip("CTRL-EVENT-")) {
            c.token();
            f.put(MAC, Normalize.mac(c.token()));
        }
        return in.event().withFields(f.build());
    }

    private static void station(String what, Fields.Builder f) {
        if (what.startsWith("IEEE 802.11: associated")) {
            f.put(EVENT, "wifi_connect").put(ACTION, "allow");
        } else if (what.startsWith("IEEE 802.11: disassociated") || what.startsWith("IEEE 802.11: deauthenticated")) {
            f.put(EVENT, "wifi_disconnect");
        } else if (what.startsWith("IEEE 802.1X: Identity received from STA: '")) {
            String rest = what.substring("IEEE 802.1X: Identity received from STA: '".length());
            int quote = rest.lastIndexOf('\'');
            f.put(EVENT, "wifi_auth").put(USER, quote > 0 ? rest.substring(0, quote) : null);
        } else if (what.startsWith("IEEE 802.1X: authenticated")) {
            f.put(EVENT, "wifi_auth").put(ACTION, "allow");
        }
    }
}
