package org.logmaster.collector.enrich;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS (text from users and from the kernel must
 * not turn into name look-ups). IPv4 only in dotted-quad form; IPv6 in any RFC 4291 form.
 */
public final class IpLiterals {
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {}

    /** The address written in {@code text}; IllegalArgumentException when it is not an IP literal. */
    public static InetAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            if (DOTTED_QUAD.matcher(s).matches()) {
                return Inet4Address.ofLiteral(s);
            }
            if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
                return Inet6Address.ofLiteral(s);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("not an IP address: '" + (s.length() > 50 ? s.substring(0, 50) + "..." : s) + "'");
    }
}
