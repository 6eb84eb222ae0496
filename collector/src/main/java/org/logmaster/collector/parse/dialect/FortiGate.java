package org.logmaster.collector.parse.dialect;

import static org.logmaster.collector.parse.Field.ACTION;
import static org.logmaster.collector.parse.Field.BYTES;
import static org.logmaster.collector.parse.Field.CLIENT_HOST;
import static org.logmaster.collector.parse.Field.DIALECT;
import static org.logmaster.collector.parse.Field.DST_IP;
import static org.logmaster.collector.parse.Field.DST_PORT;
import static org.logmaster.collector.parse.Field.DURATION;
import static org.logmaster.collector.parse.Field.EVENT;
import static org.logmaster.collector.parse.Field.INTERFACE;
import static org.logmaster.collector.parse.Field.LEASE_SECONDS;
import static org.logmaster.collector.parse.Field.MAC;
import static org.logmaster.collector.parse.Field.NAT_DST_IP;
import static org.logmaster.collector.parse.Field.NAT_DST_PORT;
import static org.logmaster.collector.parse.Field.NAT_SRC_IP;
import static org.logmaster.collector.parse.Field.NAT_SRC_PORT;
import static org.logmaster.collector.parse.Field.PROTOCOL;
import static org.logmaster.collector.parse.Field.SESSION_ID;
import static org.logmaster.collector.parse.Field.SRC_IP;
import static org.logmaster.collector.parse.Field.SRC_PORT;
import static org.logmaster.collector.parse.Field.USER;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.logmaster.collector.parse.Fields;
import org.logmaster.collector.parse.LogEvent;

/**
 * FortiGate (FortiOS) {@code key=value} logs, as sent in the default syslog format
 * ({@code <189>date=2024-05-01 time=10:01:02 devname="FGT60E" ...}, no syslog header) or
 * after an RFC 5424 header. Traffic logs give the session (srcip/srcport/dstip/dstport,
 * srcmac, user, action, proto, sentbyte+rcvdbyte, duration, sessionid) and its NAT
 * ({@code transip/transport} for source NAT, {@code tranip/tranport} for destination NAT);
 * DHCP event logs ({@code dhcp_msg}, {@code mac}, {@code ip}, {@code lease}, {@code hostname})
 * give leases. The device time comes from {@code eventtime} (epoch, s/ms/µs/ns by length),
 * else {@code date}+{@code time} in {@code tz} (or the sender's zone); the host name from
 * {@code devname}; the MSGID from {@code logid}.
 */
final class FortiGate implements Dialect {
    static final String NAME = "fortigate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deviceTypes() {
        return Set.of("fortinet", "fortios", "fortiwifi");
    }

    /** A line of {@code key=value} pairs with a Fortinet serial number (FG..., FW..., FP...) as devid. */
    @Override
    public boolean detect(DialectInput in) {
        String m = in.message();
        int eq = m.indexOf('=');
        if (eq < 2 || eq > 16) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = m.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return m.contains("devid=\"F") || m.contains("devid=F");
    }

    @Override
    public LogEvent apply(DialectInput in) {
        Line line = new Line();
        KeyValues.forEach(in.message(), Line.KEYS, line);
        if (line.devid == null) {
            return null;
        }
        Fields.Builder f = line.fields;
        f.put(DIALECT, NAME).put(BYTES, Normalize.sum(line.sent, line.received));
        if ("traffic".equals(line.type)) {
            f.put(EVENT, trafficEvent(line)).put(SRC_IP, Normalize.ip(line.srcip)).put(MAC, Normalize.mac(line.srcmac));
        } else if (line.dhcpMessage != null) {
            f.put(EVENT, "dhcp_" + line.dhcpMessage.toLowerCase(Locale.ROOT)).put(SRC_IP, Normalize.ip(line.ip))
                    .put(MAC, Normalize.mac(line.mac)).put(CLIENT_HOST, line.hostname);
        } else {
            f.put(SRC_IP, Normalize.ip(line.srcip)).put(MAC, Normalize.mac(line.srcmac != null ? line.srcmac : line.mac));
        }
        return Rewrite.event(in.event(), line.time(in.context().senderZone()),
                in.event().hostname() == null ? line.devname : null, line.logid, null, f.build());
    }

    /**
     * Traffic logs are written when a session starts (action=start, with logtraffic-start),
     * ends (close, timeout, server-rst, client-rst, and accept on older releases, with a
     * duration) or is refused (deny and the like, no duration).
     */
    private static String trafficEvent(Line line) {
        String action = line.action == null ? "" : line.action;
        if (action.equals("start")) {
            return "session_start";
        }
        return line.duration != null && !"deny".equals(Normalize.action(action)) ? "session_end" : "packet";
    }

    /** The pairs a FortiGate line carries; the rest are ignored. */
    private static final class Line implements KeyValues.Sink {
        static final Set<String> KEYS = Set.of("devid", "devname", "logid", "type", "date", "time", "tz", "eventtime",
                "srcip", "srcmac", "mac", "ip", "hostname", "dhcp_msg", "sentbyte", "rcvdbyte", "srcport", "dstip",
                "dstport", "transip", "transport", "tranip", "tranport", "user", "proto", "sessionid", "srcintf",
                "interface", "lease", "duration", "action");
        final Fields.Builder fields = Fields.builder();
        String devid;
        String devname;
        String logid;
        String type;
        String action;
        String duration;
        String srcip;
        String srcmac;
        String mac;
        String ip;
        String hostname;
        String dhcpMessage;
        String sent;
        String received;
        String date;
        String clock;
        String tz;
        String eventtime;

        @Override
        public void accept(String key, String value) {
            switch (key) {
                case "devid" -> devid = value;
                case "devname" -> devname = value;
                case "logid" -> logid = value;
                case "type" -> type = value;
                case "date" -> date = value;
                case "time" -> clock = value;
                case "tz" -> tz = value;
                case "eventtime" -> eventtime = value;
                case "srcip" -> srcip = value;
                case "srcmac" -> srcmac = value;
                case "mac" -> mac = value;
                case "ip" -> ip = value;
                case "hostname" -> hostname = value;
                case "dhcp_msg" -> dhcpMessage = value;
                case "sentbyte" -> sent = value;
                case "rcvdbyte" -> received = value;
                case "srcport" -> fields.put(SRC_PORT, Normalize.port(value));
                case "dstip" -> fields.put(DST_IP, Normalize.ip(value));
                case "dstport" -> fields.put(DST_PORT, Normalize.port(value));
                case "transip" -> fields.put(NAT_SRC_IP, Normalize.ip(value));
                case "transport" -> fields.put(NAT_SRC_PORT, Normalize.port(value));
                case "tranip" -> fields.put(NAT_DST_IP, Normalize.ip(value));
                case "tranport" -> fields.put(NAT_DST_PORT, Normalize.port(value));
                case "user" -> fields.put(USER, value);
                case "proto" -> fields.put(PROTOCOL, Normalize.protocol(value));
                case "sessionid" -> fields.put(SESSION_ID, Normalize.count(value));
                case "srcintf" -> fields.put(INTERFACE, value);
                case "interface" -> fields.putIfAbsent(INTERFACE, value);
                case "lease" -> fields.put(LEASE_SECONDS, Normalize.count(value));
                case "duration" -> {
                    duration = Normalize.count(value);
                    fields.put(DURATION, duration);
                }
                case "action" -> {
                    action = value;
                    fields.put(ACTION, Normalize.action(value));
                }
                default -> { }
            }
        }

        /** eventtime when present (exact), else date and time in tz or the sender's zone; null if neither reads. */
        Instant time(ZoneId senderZone) {
            Instant exact = epoch(eventtime);
            if (exact != null || date == null || clock == null) {
                return exact;
            }
            try {
                ZoneId zone = tz == null ? senderZone : offset(tz, senderZone);
                return LocalDate.parse(date).atTime(LocalTime.parse(clock)).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** FortiOS writes eventtime in seconds, and from 6.4 on in micro- or nanoseconds. */
        private static Instant epoch(String digits) {
            String n = Normalize.number(digits, 19);
            if (n == null) {
                return null;
            }
            long v = Long.parseLong(n);
            return switch (n.length()) {
                case 10 -> Instant.ofEpochSecond(v);
                case 13 -> Instant.ofEpochMilli(v);
                case 16 -> Instant.ofEpochSecond(v / 1_000_000, v % 1_000_000 * 1_000);
                case 19 -> Instant.ofEpochSecond(v / 1_000_000_000, v % 1_000_000_000);
                default -> null;
            };
        }

        /** {@code +0300}, {@code -0500}, {@code +03:00}; anything else leaves the sender's zone. */
        private static ZoneId offset(String tz, ZoneId fallback) {
            try {
                String t = tz.length() == 5 ? tz.substring(0, 3) + ":" + tz.substring(3) : tz;
                return ZoneOffset.of(t);
            } catch (DateTimeException e) {
                return fallback;
            }
        }
    }
}
