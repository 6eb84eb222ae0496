package org.logmaster.collector.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * A listener could not bind its port. The message is written for the operator: what failed, the likely
 * reason, and which configuration key to change.
 */
public final class ListenerBindException extends IOException {

    public ListenerBindException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Explains a failed bind.
     *
     * @param protocol "udp", "tcp" or "tls"
     * @param address  the address and port that were asked for
     * @param config   where the listener's settings come from
     * @param cause    what the operating system said
     */
    public static ListenerBindException explain(String protocol, InetSocketAddress address, ConfigRef config,
                                                IOException cause) {
        String where = "cannot listen on %s %s:%d".formatted(protocol, address.getAddress().getHostAddress(),
                address.getPort());
        String reason = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        String advice;
        if (reason.contains("already in use")) {
            advice = "address already in use — another process (another syslog daemon such as rsyslog or syslog-ng?)"
                    + " may hold it; find it with `ss -%s -lnp 'sport = :%d'`, stop it, or change %s"
                    .formatted(protocol.equals("udp") ? "u" : "t", address.getPort(), config.describe("port"));
        } else if (reason.contains("permission denied") || reason.contains("access denied")) {
            advice = "permission denied — ports below 1024 need root or the CAP_NET_BIND_SERVICE capability;"
                    + " grant it to the service or change " + config.describe("port");
        } else if (reason.contains("assign requested address")) {
            advice = "%s is not an address of this machine; change %s"
                    .formatted(address.getAddress().getHostAddress(), config.describe("address"));
        } else {
            advice = cause.getMessage() + "; check " + config.describe("address") + " and "
                    + config.describe("port");
        }
        return new ListenerBindException(where + ": " + advice, cause);
    }
}
