package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
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
import static org.logmaster.collector.parse.Field.USER;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * Cisco IOS, IOS-XE and NX-OS: the {@link CiscoHeader} (sequence number, {@code *}/{@code .}
 * clock marks, time, origin id) becomes the event's time and host name and the mnemonic
 * its MSGID; fields come from the messages that name addresses and users:
 * <ul>
 *   <li>{@code %SEC-6-IPACCESSLOGP/DP/NP/S}: ACL log lines ({@code list 101 denied tcp 10.0.0.5(51514) -> 1.2.3.4(443), 1 packet});</li>
 *   <li>{@code %SEC_LOGIN-5-LOGIN_SUCCESS}, {@code %SEC_LOGIN-4-LOGIN_FAILED}: user, source, port;</li>
 *   <li>{@code %SYS-5-CONFIG_I}: who configured the device, from where;</li>
 *   <li>{@code %NAT-6-LOG_TRANSLATION}: created/deleted translations (inside local, inside global, outside local, outside global);</li>
 *   <li>{@code %DOT1X-5-SUCCESS}, {@code %MAB-5-SUCCESS}: the client MAC on a switch port.</li>
 * </ul>
 */
final class CiscoIos implements Dialect {
    static final String NAME = "cisco-ios";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("cisco", "cisco-iosxe", "cisco-nxos", "cisco-switch", "cisco-router");
    }

    @Override
    public boolean detect(DialectInput in) {
        return CiscoHeader.present(in);
    }

    @Override
    public LogEvent apply(DialectInput in) {
        CiscoHeader h = CiscoHeader.read(in);
        if (h == null || CiscoAsa.isAsaFacility(h.facility())) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        String body = h.body();
        switch (h.facility() + ":" + h.code()) {
            case "SEC:IPACCESSLOGP", "SEC:IPACCESSLOGDP", "SEC:IPACCESSLOGNP", "SEC:IPACCESSLOGRP" -> accessList(body, f, true);
            case "SEC:IPACCESSLOGS" -> accessList(body, f, false);
            case "SEC_LOGIN:LOGIN_SUCCESS" -> login(body, f, "allow");
            case "SEC_LOGIN:LOGIN_FAILED" -> login(body, f, "deny");
            case "SYS:CONFIG_I" -> configured(body, f);
            case "NAT:LOG_TRANSLATION" -> translation(body, f);
            case "DOT1X:SUCCESS", "MAB:SUCCESS" -> portAuthentication(body, f);
            default -> { }
        }
        return Rewrite.event(in.event(), h.time(), h.hostname(), h.mnemonic(), h.fromMnemonic(), f.build());
    }

    /** {@code list 101 denied tcp 10.0.0.5(51514) [(Gi0/1 0011.2233.4455)] -> 1.2.3.4(443), 1 packet}. */
    private static void accessList(String body, Fields.Builder f, boolean extended) {
        TextCursor c = new TextCursor(body);
        c.expect("list ");
        c.token();
        String action = c.token();
        String protocol = extended ? c.token() : null;
        String srcIp = c.word("(,");
        String srcPort = parenthesised(c);
        c.skipSpaces();
        if (c.at('(')) {
            c.skip("(");
            String where = c.upTo(')');
            int space = where == null ? -1 : where.lastIndexOf(' ');
            if (space > 0) {
                f.put(INTERFACE, where.substring(0, space)).put(MAC, Normalize.mac(where.substring(space + 1)));
            }
            c.skipSpaces();
        }
        if (c.failed()) {
            return;
        }
        f.put(EVENT, "packet").put(ACTION, Normalize.action(action)).put(PROTOCOL, Normalize.protocol(protocol))
                .put(SRC_IP, Normalize.ip(srcIp)).put(SRC_PORT, Normalize.port(srcPort));
        if (c.skip("-> ")) {
            String dstIp = c.word("(,");
            f.put(DST_IP, Normalize.ip(dstIp)).put(DST_PORT, Normalize.port(parenthesised(c)));
        }
    }

    private static String parenthesised(TextCursor c) {
        if (!c.at('(')) {
            return null;
        }
        c.skip("(");
        return c.upTo(')');
    }

    /** {@code Login Success [user: admin] [Source: 10.0.0.1] [localport: 22] at ...}. */
    private static void login(String body, Fields.Builder f, String action) {
        f.put(EVENT, "login").put(ACTION, action)
                .put(USER, bracketed(body, "[user: "))
                .put(SRC_IP, Normalize.ip(bracketed(body, "[Source: ")))
                .put(DST_PORT, Normalize.port(bracketed(body, "[localport: ")));
    }

    private static String bracketed(String body, String opening) {
        int start = body.indexOf(opening);
        if (start < 0) {
            return null;
        }
        start += opening.length();
        int end = body.indexOf(']', start);
        return end < 0 ? null : body.substring(start, end);
    }

    /** {@code Configured from console by admin on vty0 (10.0.0.1)}; "by vty0" alone names a line, not a user. */
    private static void configured(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.upTo(" by ");
        String who = c.token();
        if (c.failed()) {
            return;
        }
        if (c.skip("on ")) {
            f.put(USER, who);
        }
        int open = body.lastIndexOf('(');
        int close = body.lastIndexOf(')');
        if (open >= 0 && close > open) {
            f.put(SRC_IP, Normalize.ip(body.substring(open + 1, close)));
        }
        f.put(EVENT, "login").put(ACTION, "allow");
    }

    /** {@code Created Translation TCP 192.168.1.50:51514 203.0.113.5:1024 93.184.216.34:443 93.184.216.34:443 0}. */
    private static void translation(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        String verb = c.token();
        c.expect("Translation ");
        c.skipSpaces();
        String protocol = c.token();
        String[] insideLocal = hostPort(c.token());
        String[] insideGlobal = hostPort(c.token());
        String[] outsideLocal = hostPort(c.token());
        String[] outsideGlobal = hostPort(c.token());
        if (c.failed() || insideLocal == null || insideGlobal == null) {
            return;
        }
        f.put(EVENT, verb.equals("Created") ? "nat_start" : verb.equals("Deleted") ? "nat_end" : null)
                .put(PROTOCOL, Normalize.protocol(protocol))
                .put(SRC_IP, Normalize.ip(insideLocal[0])).put(SRC_PORT, Normalize.port(insideLocal[1]))
                .put(NAT_SRC_IP, Normalize.ip(insideGlobal[0])).put(NAT_SRC_PORT, Normalize.port(insideGlobal[1]));
        if (outsideLocal != null && outsideGlobal != null) {
            f.put(DST_IP, Normalize.ip(outsideLocal[0])).put(DST_PORT, Normalize.port(outsideLocal[1]));
            if (!outsideLocal[0].equals(outsideGlobal[0]) || !outsideLocal[1].equals(outsideGlobal[1])) {
                f.put(NAT_DST_IP, Normalize.ip(outsideGlobal[0])).put(NAT_DST_PORT, Normalize.port(outsideGlobal[1]));
            }
        }
    }

    /** {@code 10.0.0.5:51514} (split at the last ':'), or null; {@code ---} (no outside address) is null too. */
    private static String[] hostPort(String token) {
        if (token == null) {
            return null;
        }
        int colon = token.lastIndexOf(':');
        return colon <= 0 ? null : new String[] {token.substring(0, colon), token.substring(colon + 1)};
    }

    /** {@code Authentication successful for client (0011.2233.4455) on Interface Gi1/0/1 AuditSessionID ...}. */
    private static void portAuthentication(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.upTo("client (");
        String mac = c.upTo(')');
        c.upTo("Interface ");
        String iface = c.token();
        if (!c.failed()) {
            f.put(MAC, Normalize.mac(mac)).put(INTERFACE, iface).put(ACTION, "allow").put(EVENT, "login");
        }
    }
}
