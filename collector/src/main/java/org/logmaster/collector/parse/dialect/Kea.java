package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.LEASE_SECONDS;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.SRC_IP;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * ISC Kea DHCPv4 ({@code kea-dhcp4}; OPNsense, pfSense, TNSR, Linux), after the Kea messages
 * manual: {@code [LEVEL [logger]] MESSAGE_ID [hwtype=1 aa:bb:..], cid=[..], tid=0x..: text}.
 * <ul>
 *   <li>DHCP4_LEASE_ALLOC "lease A has been allocated [for N seconds]" and DHCP4_LEASE_REUSE
 *       "lease A has been reused for N seconds": the lease is granted or renewed;</li>
 *   <li>DHCP4_LEASE_ADVERT "lease A will be advertised": an offer;</li>
 *   <li>DHCP4_RELEASE "address A was released properly": released;</li>
 *   <li>ALLOC_ENGINE_LEASE_RECLAIMED "successfully reclaimed lease A": expired and reclaimed.</li>
 * </ul>
 */
final class Kea implements Dialect {
    static final String NAME = "kea";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("kea-dhcp4", "opnsense", "pfsense", "tnsr");
    }

    @Override
    public Set<String> appNames() {
        return Set.of("kea-dhcp4");
    }

    @Override
    public boolean detect(DialectInput in) {
        return "kea-dhcp4".equals(in.appName());
    }

    @Override
    public LogEvent apply(DialectInput in) {
        String m = in.message();
        int id = messageId(m);
        if (id < 0) {
            return null;
        }
        TextCursor c = new TextCursor(m, id);
        String messageId = c.token();
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        if (c.skip("[hwtype=")) {
            c.token();
            f.put(MAC, Normalize.mac(c.word("]")));
        }
        int text = m.indexOf(": ", c.pos());
        TextCursor t = new TextCursor(m, text < 0 ? m.length() : text + 2);
        switch (messageId) {
            case "DHCP4_LEASE_ALLOC", "DHCP4_LEASE_REUSE" -> {
                t.expect("lease ");
                f.put(SRC_IP, Normalize.ip(t.token())).put(EVENT, "dhcp_ack");
                if (t.upTo(" for ") != null) {
                    f.put(LEASE_SECONDS, Normalize.count(t.token()));
                }
            }
            case "DHCP4_LEASE_ADVERT" -> {
                t.expect("lease ");
                f.put(SRC_IP, Normalize.ip(t.token())).put(EVENT, "dhcp_offer");
            }
            case "DHCP4_RELEASE" -> {
                t.expect("address ");
                f.put(SRC_IP, Normalize.ip(t.token())).put(EVENT, "dhcp_release");
            }
            case "ALLOC_ENGINE_LEASE_RECLAIMED" -> {
                int at = m.indexOf("reclaimed lease ");
                if (at >= 0) {
                    String ip = new TextCursor(m, at + "reclaimed lease ".length()).word("");
                    f.put(SRC_IP, Normalize.ip(ip)).put(EVENT, "dhcp_expire");
                }
            }
            default -> { }
        }
        return Rewrite.event(in.event(), null, null, messageId, null, f.build());
    }

    /** Index of the Kea message id (DHCP4_... or ALLOC_ENGINE_...), which follows the level and logger. */
    private static int messageId(String m) {
        int limit = Math.min(m.length(), 120);
        for (int i = 0; i < limit; i = m.indexOf(' ', i) + 1) {
            if (m.startsWith("DHCP4_", i) || m.startsWith("ALLOC_ENGINE_", i) || m.startsWith("DHCPSRV_", i)) {
                return i;
            }
            if (m.indexOf(' ', i) < 0) {
                break;
            }
        }
        return -1;
    }
}
