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

import java.util.Map;
import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;
import org.logmaster.collector.parse.LogEvent.StructuredElement;

/**
 * Juniper SRX session logs (RT_FLOW). In structured-data format
 * ({@code set system syslog host ... structured-data}) every value is a named SD-PARAM of the
 * {@code junos@2636...} element: source-address, nat-source-address, session-id-32 (or
 * session-id), elapsed-time, bytes-from-client/-server, username, packet-incoming-interface.
 * In the standard text format only the two address tuples are read
 * ({@code 10.0.0.5/51514->1.2.3.4/443 ... 203.0.113.5/40001->1.2.3.4/443}), because the
 * positions of the other values change between Junos releases.
 */
final class JuniperSrx implements Dialect {
    static final String NAME = "juniper-srx";
    private static final String CREATE = "RT_FLOW_SESSION_CREATE";
    private static final String CLOSE = "RT_FLOW_SESSION_CLOSE";
    private static final String DENY = "RT_FLOW_SESSION_DENY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("juniper", "junos", "srx");
    }

    @Override
    public Set<String> appNames() {
        return Set.of("RT_FLOW");
    }

    @Override
    public boolean detect(DialectInput in) {
        String msgId = in.event().msgId();
        return "RT_FLOW".equals(in.appName()) || msgId != null && msgId.startsWith("RT_FLOW_");
    }

    @Override
    public LogEvent apply(DialectInput in) {
        LogEvent e = in.event();
        String type = e.msgId();
        if (type == null) {
            String m = e.message();
            int colon = m.indexOf(':');
            type = colon > 0 ? m.substring(0, colon) : m;
        }
        Fields.Builder f = Fields.builder().put(DIALECT, NAME);
        if (type.startsWith(CREATE)) {
            f.put(EVENT, "session_start").put(ACTION, "allow");
        } else if (type.startsWith(CLOSE)) {
            f.put(EVENT, "session_end").put(ACTION, "allow");
        } else if (type.startsWith(DENY)) {
            f.put(EVENT, "packet").put(ACTION, "deny");
        } else {
            return e.withFields(f.build());
        }
        StructuredElement junos = junosElement(e);
        if (junos != null) {
            structured(junos, f);
        } else {
            text(e.message(), f);
        }
        return Rewrite.event(e, null, null, type, null, f.build());
    }

    private static StructuredElement junosElement(LogEvent e) {
        for (StructuredElement el : e.structuredData()) {
            if (el.id().startsWith("junos@2636")) {
                return el;
            }
        }
        return null;
    }

    private static void structured(StructuredElement junos, Fields.Builder f) {
        String fromClient = null;
        String fromServer = null;
        for (Map.Entry<String, String> p : junos.params()) {
            String v = p.getValue();
            switch (p.getKey()) {
                case "source-address" -> f.put(SRC_IP, Normalize.ip(v));
                case "source-port" -> f.put(SRC_PORT, Normalize.port(v));
                case "destination-address" -> f.put(DST_IP, Normalize.ip(v));
                case "destination-port" -> f.put(DST_PORT, Normalize.port(v));
                case "nat-source-address" -> f.put(NAT_SRC_IP, Normalize.ip(v));
                case "nat-source-port" -> f.put(NAT_SRC_PORT, Normalize.port(v));
                case "nat-destination-address" -> f.put(NAT_DST_IP, Normalize.ip(v));
                case "nat-destination-port" -> f.put(NAT_DST_PORT, Normalize.port(v));
                case "protocol-id" -> f.put(PROTOCOL, Normalize.protocol(v));
                case "session-id-32", "session-id" -> f.put(SESSION_ID, Normalize.count(v));
                case "elapsed-time" -> f.put(DURATION, Normalize.count(v));
                case "bytes-from-client" -> fromClient = v;
                case "bytes-from-server" -> fromServer = v;
                case "username" -> f.put(USER, v.equals("N/A") ? null : v);
                case "packet-incoming-interface" -> f.put(INTERFACE, v);
                default -> { }
            }
        }
        f.put(BYTES, Normalize.sum(fromClient, fromServer));
    }

    /** The first tuple is the session as it arrived, the second (create and close only) after NAT. */
    private static void text(String message, Fields.Builder f) {
        int found = 0;
        for (String token : message.split(" ")) {
            int arrow = token.indexOf("->");
            if (arrow <= 0) {
                continue;
            }
            String[] from = slashPort(token.substring(0, arrow));
            String[] to = slashPort(token.substring(arrow + 2));
            if (from == null || to == null) {
                continue;
            }
            if (found == 0) {
                f.put(SRC_IP, Normalize.ip(from[0])).put(SRC_PORT, Normalize.port(from[1]))
                        .put(DST_IP, Normalize.ip(to[0])).put(DST_PORT, Normalize.port(to[1]));
            } else {
                f.put(NAT_SRC_IP, Normalize.ip(from[0])).put(NAT_SRC_PORT, Normalize.port(from[1]))
                        .put(NAT_DST_IP, Normalize.ip(to[0])).put(NAT_DST_PORT, Normalize.port(to[1]));
                return;
            }
            found++;
        }
    }

    private static String[] slashPort(String s) {
        int slash = s.lastIndexOf('/');
        return slash <= 0 ? null : new String[] {s.substring(0, slash), s.substring(slash + 1)};
    }
}
