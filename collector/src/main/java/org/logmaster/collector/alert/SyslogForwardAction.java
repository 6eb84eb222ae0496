package org.logmaster.collector.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Forwards each alert to a SIEM as one RFC 5424 message over TCP with octet counting
 * (RFC 6587): the alert in structured data, the triggering event's own text as MSG. The
 * connection is kept and made again after a failure.
 */
public final class SyslogForwardAction implements AlertAction {
    /** RFC 5424 requires a private enterprise number in custom SD-IDs; 32473 is the one reserved for documentation (RFC 5612). */
    static final String SD_ID = "logmaster@32473";
    private static final int FACILITY_LOG_ALERT = 14;

    private final InetSocketAddress target;
    private final AlertSeverity minSeverity;
    private final String hostname;
    private Socket socket;
    private OutputStream out;

    public SyslogForwardAction(AlertSettings.Forward settings, String hostname) {
        this.target = new InetSocketAddress(settings.host(), settings.port());
        this.minSeverity = AlertSeverity.ofKey(settings.minSeverity());
        this.hostname = hostname;
    }

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public synchronized void deliver(Alert alert) throws IOException {
        if (alert.severity().compareTo(minSeverity) < 0) return;
        byte[] message = format(alert, hostname).getBytes(StandardCharsets.UTF_8);
        byte[] frame = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        try {
            connection().write(frame);
            out.write(message);
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private OutputStream connection() throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.connect(target, 10_000);
            s.setSoTimeout(10_000);
            socket = s;
            out = s.getOutputStream();
        }
        return out;
    }

    public synchronized void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // nothing to save
        }
        socket = null;
        out = null;
    }

    /** The RFC 5424 message: PRI from the alert's severity, the alert in SD, the trigger's text as MSG. */
    static String format(Alert alert, String hostname) {
        int severity = switch (alert.severity()) {
            case CRITICAL -> 2;
            case WARNING -> 4;
            case INFO -> 6;
        };
        String time = DateTimeFormatter.ISO_INSTANT.format(alert.raisedAt().truncatedTo(ChronoUnit.MILLIS));
        StringBuilder sd = new StringBuilder("[").append(SD_ID)
                .append(" rule=\"").append(escape(alert.rule())).append('"')
                .append(" severity=\"").append(alert.severity().key()).append('"')
                .append(" matches=\"").append(alert.matches()).append('"');
        if (alert.id() != 0) sd.append(" alertId=\"").append(alert.id()).append('"');
        if (!alert.groupKey().isEmpty()) sd.append(" group=\"").append(escape(alert.groupKey())).append('"');
        ObservedEvent t = alert.trigger();
        if (t != null) {
            sd.append(" device=\"").append(escape(t.device())).append('"')
                    .append(" sender=\"").append(escape(t.sender())).append('"')
                    .append(" arrival=\"").append(t.arrival()).append('"');
        }
        sd.append(']');
        String msg = t != null ? t.message() : alert.summary();
        return "<" + (FACILITY_LOG_ALERT * 8 + severity) + ">1 " + time + " " + printable(hostname)
                + " logmaster - ALERT " + sd + " " + msg.replace("\n", "\\n");
    }

    /** PARAM-VALUE escaping of RFC 5424: backslash, quote and closing bracket. */
    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
    }

    private static String printable(String host) {
        if (host == null || host.isEmpty()) return "-";
        StringBuilder b = new StringBuilder();
        host.codePoints().filter(c -> c >= 33 && c <= 126).limit(255).forEach(b::appendCodePoint);
        return b.isEmpty() ? "-" : b.toString();
    }
}
