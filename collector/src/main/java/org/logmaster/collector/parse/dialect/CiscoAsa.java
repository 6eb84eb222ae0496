package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
import static org.logmaster.collector.parse.Field.BYTES;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.DST_IP;
import static org.logmaster.collector.parse.Field.DST_PORT;
import static org.logmaster.collector.parse.Field.DURATION;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.NAT_DST_IP;
import static org.logmaster.collector.parse.Field.NAT_DST_PORT;
import static org.logmaster.collector.parse.Field.NAT_SRC_IP;
import static org.logmaster.collector.parse.Field.NAT_SRC_PORT;
import static org.logmaster.collector.parse.Field.PROTOCOL;
import static org.logmaster.collector.parse.Field.SESSION_ID;
import static org.logmaster.collector.parse.Field.SRC_IP;
import static org.logmaster.collector.parse.Field.SRC_PORT;
import static org.logmaster.collector.parse.Field.USER;

import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * Cisco ASA and Firepower Threat Defense ({@code %ASA-}, {@code %FTD-}, and the older
 * {@code %PIX-}, {@code %FWSM-}), after the message formats in Cisco's syslog message
 * reference:
 * <ul>
 *   <li>302013/302015 built TCP/UDP connection (real and mapped addresses, so NAT too),
 *       302014/302016 teardown (duration, bytes; paired with the build by connection id),
 *       302020 built ICMP connection (faddr/gaddr/laddr);</li>
 *   <li>305009/305011 built and 305010/305012 teardown of (port) translations,
 *       305014/305015 allocated and released port blocks (NAT port ranges);</li>
 *   <li>106023 deny by access group, 106100 access-list log, 106001/106006/106007/106015 denies;</li>
 *   <li>605004/605005 management logins;</li>
 *   <li>FTD 430002/430003 connection events ({@code Key: Value, ...}).</li>
 * </ul>
 * A teardown does not say which side opened the connection, so it carries no source or
 * destination: the build with the same connection id does.
 */
final class CiscoAsa implements Dialect {
    static final String NAME = "cisco-asa";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("cisco-ftd", "cisco-pix", "asa", "ftd");
    }

    static boolean isAsaFacility(String facility) {
        return facility.equals("ASA") || facility.equals("FTD") || facility.equals("PIX") || facility.equals("FWSM");
    }

    @Override
    public boolean detect(DialectInput in) {
        String app = in.appName();
        if (app != null && app.startsWith("%") && isAsaFacility(facilityOf(app, 1))) {
            return true;
        }
        String m = in.message();
        int limit = Math.min(m.length(), 160);
        for (int i = m.indexOf('%', 0, limit); i >= 0; i = m.indexOf('%', i + 1, limit)) {
            if (isAsaFacility(facilityOf(m, i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static String facilityOf(String s, int from) {
        int dash = s.indexOf('-', from);
        return dash < 0 || dash - from > 4 ? "" : s.substring(from, dash);
    }

    @Override
    public LogEvent apply(DialectInput in) {
        CiscoHeader h = CiscoHeader.read(in);
        if (h == null || !isAsaFacility(h.facility())) {
            return null;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        String body = h.body();
        switch (h.code()) {
            case "302013", "302015" -> built(body, f);
            case "302014", "302016" -> teardown(body, f);
            case "302020" -> builtIcmp(body, f);
            case "305009", "305011" -> translation(body, f, "nat_start");
            case "305010", "305012" -> translation(body, f, "nat_end");
            case "305014" -> portBlock(body, f, "nat_start");
            case "305015" -> portBlock(body, f, "nat_end");
            case "106023" -> deniedByAccessGroup(body, f);
            case "106100" -> accessListLog(body, f);
            case "106001", "106006", "106007", "106015" -> deniedFromTo(body, f);
            case "605004" -> managementLogin(body, f, "deny");
            case "605005" -> managementLogin(body, f, "allow");
            case "430002" -> firepowerConnection(body, f, "session_start");
            case "430003" -> firepowerConnection(body, f, "session_end");
            default -> { }
        }
        return Rewrite.event(in.event(), h.time(), h.hostname(), h.mnemonic(), h.fromMnemonic(), f.build());
    }

    /** {@code ifc:ip/port (mapped-ip/mapped-port)(user)}; mapped part and users optional. */
    private record Endpoint(String iface, String ip, String port, String mappedIp, String mappedPort, String user) {
        static Endpoint read(TextCursor c) {
            String iface = c.upTo(':');
            String ip = c.word("/(");
            String port = c.skip("/") ? c.digits() : null;
            String mappedIp = null;
            String mappedPort = null;
            String user = null;
            c.skipSpaces();
            if (c.at('(') && !c.failed()) {
                c.skip("(");
                String inner = c.upTo(')');
                int slash = inner == null ? -1 : inner.indexOf('/');
                if (slash > 0 && Normalize.ip(inner.substring(0, slash)) != null) {
                    mappedIp = inner.substring(0, slash);
                    mappedPort = inner.substring(slash + 1);
                } else {
                    user = inner;
                }
            }
            while (c.at('(')) {
                c.skip("(");
                user = c.upTo(')');
            }
            c.skipSpaces();
            return new Endpoint(iface, ip, port, mappedIp, mappedPort, user);
        }

        boolean translated() {
            return mappedIp != null && (!mappedIp.equals(ip) || port != null && !port.equals(mappedPort));
        }
    }

    /** {@code Built outbound TCP connection 123 for outside:A/443 (A/443) to inside:B/51514 (M/40001) [(user)]}. */
    private static void built(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.expect("Built ");
        String direction = c.token();
        String protocol = c.token();
        c.expect("connection ");
        String id = c.token();
        c.expect("for ");
        Endpoint forSide = Endpoint.read(c);
        c.expect("to ");
        Endpoint toSide = Endpoint.read(c);
        if (c.failed()) {
            return;
        }
        boolean outbound = "outbound".equals(direction);
        Endpoint initiator = outbound ? toSide : forSide;
        Endpoint responder = outbound ? forSide : toSide;
        connection(f, initiator, responder);
        f.put(EVENT, "session_start").put(SESSION_ID, Normalize.count(id)).put(PROTOCOL, Normalize.protocol(protocol))
                .put(ACTION, "allow").put(USER, user(c.rest(), initiator.user()));
    }

    /**
     * The initiator's real address is the source; where the firewall translated it, its mapped
     * address is {@code nat_src}. The initiator addressed the responder by its mapped address;
     * where that differs, the responder's real address is {@code nat_dst}.
     */
    private static void connection(Fields.Builder f, Endpoint initiator, Endpoint responder) {
        f.put(SRC_IP, Normalize.ip(initiator.ip())).put(SRC_PORT, Normalize.port(initiator.port()))
                .put(INTERFACE, initiator.iface());
        if (initiator.translated()) {
            f.put(NAT_SRC_IP, Normalize.ip(initiator.mappedIp())).put(NAT_SRC_PORT, Normalize.port(initiator.mappedPort()));
        }
        if (responder.translated()) {
            f.put(DST_IP, Normalize.ip(responder.mappedIp())).put(DST_PORT, Normalize.port(responder.mappedPort()))
                    .put(NAT_DST_IP, Normalize.ip(responder.ip())).put(NAT_DST_PORT, Normalize.port(responder.port()));
        } else {
            f.put(DST_IP, Normalize.ip(responder.ip())).put(DST_PORT, Normalize.port(responder.port()));
        }
    }

    /** The AAA user in parentheses at the end of a message, else the identity-firewall user of the initiator. */
    private static String user(String rest, String initiatorUser) {
        if (rest != null) {
            String r = rest.strip();
            if (r.length() > 2 && r.charAt(0) == '(' && r.charAt(r.length() - 1) == ')') {
                return r.substring(1, r.length() - 1);
            }
        }
        return initiatorUser;
    }

    /** {@code Teardown TCP connection 123 for outside:A/443 to inside:B/51514 duration 0:00:30 bytes 5120 TCP FINs}. */
    private static void teardown(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.expect("Teardown ");
        String protocol = c.token();
        c.expect("connection ");
        String id = c.token();
        c.upTo(" duration ");
        String duration = c.token();
        String bytes = c.skip("bytes ") ? c.token() : null;
        if (c.failed()) {
            return;
        }
        f.put(EVENT, "session_end").put(SESSION_ID, Normalize.count(id)).put(PROTOCOL, Normalize.protocol(protocol))
                .put(ACTION, "allow").put(DURATION, Normalize.hms(duration)).put(BYTES, Normalize.count(bytes));
    }

    /** {@code Built outbound ICMP connection for faddr F/0 gaddr G/0 laddr L/0 [type 8 code 0]}. */
    private static void builtIcmp(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.expect("Built ");
        String direction = c.token();
        c.expect("ICMP connection ");
        c.skip("for ");
        c.expect("faddr ");
        String foreign = c.word("/");
        c.upTo("gaddr ");
        String global = c.word("/");
        c.upTo("laddr ");
        String local = c.word("/");
        if (c.failed()) {
            return;
        }
        f.put(EVENT, "session_start").put(PROTOCOL, "icmp").put(ACTION, "allow");
        boolean translated = !global.equals(local);
        if ("outbound".equals(direction)) {
            f.put(SRC_IP, Normalize.ip(local)).put(DST_IP, Normalize.ip(foreign));
            if (translated) {
                f.put(NAT_SRC_IP, Normalize.ip(global));
            }
        } else {
            f.put(SRC_IP, Normalize.ip(foreign)).put(DST_IP, Normalize.ip(global));
            if (translated) {
                f.put(NAT_DST_IP, Normalize.ip(local));
            }
        }
    }

    /** {@code Built dynamic TCP translation from inside:10.0.0.5/51514 to outside:203.0.113.5/40001 [duration 0:01:02]}. */
    private static void translation(String body, Fields.Builder f, String event) {
        TextCursor c = new TextCursor(body);
        c.token();
        c.token();
        String protocol = c.token();
        if ("translation".equals(protocol)) {
            protocol = null;
        } else {
            c.expect("translation ");
        }
        c.expect("from ");
        Endpoint real = Endpoint.read(c);
        c.expect("to ");
        Endpoint mapped = Endpoint.read(c);
        String duration = c.skip("duration ") ? c.token() : null;
        if (c.failed()) {
            return;
        }
        f.put(EVENT, event).put(PROTOCOL, Normalize.protocol(protocol)).put(INTERFACE, real.iface())
                .put(SRC_IP, Normalize.ip(real.ip())).put(SRC_PORT, Normalize.port(real.port()))
                .put(NAT_SRC_IP, Normalize.ip(mapped.ip())).put(NAT_SRC_PORT, Normalize.port(mapped.port()))
                .put(DURATION, Normalize.hms(duration));
    }

    /** {@code Allocated TCP block of ports for translation from inside:10.0.0.5 to outside:203.0.113.5/40000-40511.} */
    private static void portBlock(String body, Fields.Builder f, String event) {
        TextCursor c = new TextCursor(body);
        String before = c.upTo("block of ports for translation from ");
        c.upTo(':');
        String inside = c.word("/");
        c.upTo(" to ");
        c.upTo(':');
        String outside = c.word("/");
        c.expect("/");
        String range = c.word("");
        if (c.failed()) {
            return;
        }
        range = range.endsWith(".") ? range.substring(0, range.length() - 1) : range;
        int dash = range.indexOf('-');
        if (dash < 0 || Normalize.port(range.substring(0, dash)) == null || Normalize.port(range.substring(dash + 1)) == null) {
            return;
        }
        String[] words = before.strip().split(" ");
        f.put(EVENT, event).put(PROTOCOL, Normalize.protocol(words[words.length - 1]))
                .put(SRC_IP, Normalize.ip(inside)).put(NAT_SRC_IP, Normalize.ip(outside)).put(NAT_SRC_PORT, range);
    }

    /** {@code Deny tcp src outside:198.51.100.7/51514 dst inside:192.168.1.10/22 by access-group "outside_in" [..]}. */
    private static void deniedByAccessGroup(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.expect("Deny ");
        String protocol = c.token();
        c.expect("src ");
        Endpoint src = Endpoint.read(c);
        c.expect("dst ");
        Endpoint dst = Endpoint.read(c);
        if (c.failed()) {
            return;
        }
        f.put(EVENT, "packet").put(ACTION, "deny").put(PROTOCOL, Normalize.protocol(protocol))
                .put(SRC_IP, Normalize.ip(src.ip())).put(SRC_PORT, Normalize.port(src.port()))
                .put(DST_IP, Normalize.ip(dst.ip())).put(DST_PORT, Normalize.port(dst.port()))
                .put(INTERFACE, src.iface()).put(USER, src.user());
    }

    /** {@code access-list inside_in permitted tcp inside/10.0.0.5(51514) -> outside/1.2.3.4(443) hit-cnt 1 first hit [..]}. */
    private static void accessListLog(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        c.expect("access-list ");
        c.token();
        String action = c.token();
        String protocol = c.token();
        String srcIface = c.upTo('/');
        String srcIp = c.upTo('(');
        String srcPort = c.upTo(')');
        String user = c.at('(') ? parenthesised(c) : null;
        c.skipSpaces();
        c.expect("-> ");
        c.upTo('/');
        String dstIp = c.upTo('(');
        String dstPort = c.upTo(')');
        if (c.failed()) {
            return;
        }
        f.put(EVENT, "packet").put(ACTION, Normalize.action(action)).put(PROTOCOL, Normalize.protocol(protocol))
                .put(INTERFACE, srcIface).put(SRC_IP, Normalize.ip(srcIp)).put(SRC_PORT, Normalize.port(srcPort))
                .put(DST_IP, Normalize.ip(dstIp)).put(DST_PORT, Normalize.port(dstPort)).put(USER, user);
    }

    private static String parenthesised(TextCursor c) {
        c.skip("(");
        return c.upTo(')');
    }

    /** {@code Inbound TCP connection denied from A/p to B/q flags SYN on interface outside} and its siblings. */
    private static void deniedFromTo(String body, Fields.Builder f) {
        TextCursor c = new TextCursor(body);
        String before = c.upTo(" from ");
        String srcIp = c.word("/");
        String srcPort = c.skip("/") ? c.digits() : null;
        c.skipSpaces();
        c.expect("to ");
        String dstIp = c.word("/");
        String dstPort = c.skip("/") ? c.digits() : null;
        if (c.failed()) {
            return;
        }
        String iface = null;
        int on = body.indexOf("on interface ");
        if (on >= 0) {
            iface = new TextCursor(body, on + "on interface ".length()).word(".");
        }
        String protocol = before.contains("TCP") ? "tcp" : before.contains("UDP") ? "udp" : before.contains("ICMP") ? "icmp" : null;
        f.put(EVENT, "packet").put(ACTION, "deny").put(PROTOCOL, protocol).put(INTERFACE, iface)
                .put(SRC_IP, Normalize.ip(srcIp)).put(SRC_PORT, Normalize.port(srcPort))
                .put(DST_IP, Normalize.ip(dstIp)).put(DST_PORT, Normalize.port(dstPort));
    }

    /** {@code Login permitted from 10.0.0.1/51514 to inside:10.0.0.254/ssh for user "admin"}. */
    private static void managementLogin(String body, Fields.Builder f, String action) {
        TextCursor c = new TextCursor(body);
        c.upTo(" from ");
        String srcIp = c.word("/");
        c.upTo(" to ");
        c.upTo(':');
        String dstIp = c.word("/");
        c.upTo("for user \"");
        String user = c.upTo('"');
        if (!c.failed()) {
            f.put(EVENT, "login").put(ACTION, action).put(SRC_IP, Normalize.ip(srcIp)).put(DST_IP, Normalize.ip(dstIp))
                    .put(USER, user);
        }
    }

    /** FTD connection events: {@code Key: Value} pairs separated by ", ". */
    private static void firepowerConnection(String body, Fields.Builder f, String event) {
        f.put(EVENT, event);
        int p = 0;
        while (p < body.length()) {
            int colon = body.indexOf(": ", p);
            if (colon < 0) {
                break;
            }
            int next = body.indexOf(", ", colon + 2);
            int end = next < 0 ? body.length() : next;
            firepowerField(body.substring(p, colon), body.substring(colon + 2, end), f);
            p = end + 2;
        }
    }

    private static void firepowerField(String key, String value, Fields.Builder f) {
        switch (key) {
            case "SrcIP" -> f.put(SRC_IP, Normalize.ip(value));
            case "DstIP" -> f.put(DST_IP, Normalize.ip(value));
            case "SrcPort" -> f.put(SRC_PORT, Normalize.port(value));
            case "DstPort" -> f.put(DST_PORT, Normalize.port(value));
            case "NAT_InitiatorIP" -> f.put(NAT_SRC_IP, Normalize.ip(value));
            case "NAT_InitiatorPort" -> f.put(NAT_SRC_PORT, Normalize.port(value));
            case "NAT_ResponderIP" -> f.put(NAT_DST_IP, Normalize.ip(value));
            case "NAT_ResponderPort" -> f.put(NAT_DST_PORT, Normalize.port(value));
            case "Protocol" -> f.put(PROTOCOL, Normalize.protocol(value));
            case "User" -> f.put(USER, value.equals("Not Found") || value.equals("No Authentication Required") ? null : value);
            case "AccessControlRuleAction" -> f.put(ACTION, Normalize.action(value));
            case "ConnectionID" -> f.put(SESSION_ID, Normalize.count(value));
            case "ConnectionDuration" -> f.put(DURATION, Normalize.count(value));
            case "IngressInterface" -> f.put(INTERFACE, value);
            case "InitiatorBytes", "ResponderBytes" -> f.put(BYTES, Normalize.sum(f.get(BYTES), value));
            default -> { }
        }
    }
}
