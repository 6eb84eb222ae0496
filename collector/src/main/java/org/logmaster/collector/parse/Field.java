package org.logmaster.collector.parse;

import java.util.Locale;

/**
 * The fixed vocabulary of normalised fields a dialect may extract from a message (see
 * {@link Fields}). Values are text in one normal form whatever the vendor wrote:
 * <ul>
 *   <li>addresses as the device wrote them (IPv4 dotted quad, IPv6 lower case);</li>
 *   <li>ports and counts as decimal digits; a NAT port block as {@code low-high};</li>
 *   <li>MAC addresses as six lower-case, colon-separated hex pairs;</li>
 *   <li>{@code protocol} as a lower-case name (tcp, udp, icmp, ...) or the IP protocol number;</li>
 *   <li>{@code action} as allow or deny (other vendor words kept in lower case);</li>
 *   <li>{@code event} from a small set of kinds: session_start, session_end, nat_start,
 *       nat_end, packet, dhcp_discover, dhcp_offer, dhcp_request, dhcp_ack, dhcp_nak,
 *       dhcp_release, dhcp_decline, dhcp_inform, dhcp_expire, wifi_connect,
 *       wifi_disconnect, wifi_auth, login.</li>
 * </ul>
 * Source and destination are those of the connection's first packet as it arrived at the
 * device; {@code nat_src_*} is the source after translation (what the far side saw) and
 * {@code nat_dst_*} the destination after translation (the host that really received it).
 * For DHCP events {@code src_ip} is the address leased to the client and {@code mac} the
 * client's hardware address.
 */
public enum Field {
    SRC_IP, SRC_PORT, DST_IP, DST_PORT,
    NAT_SRC_IP, NAT_SRC_PORT, NAT_DST_IP, NAT_DST_PORT,
    MAC, USER, ACTION, PROTOCOL, BYTES,
    /** what happened, from the vocabulary above */
    EVENT,
    /** the device's own identifier of a connection, to pair its start with its end */
    SESSION_ID,
    /** seconds the session or translation lasted, when logged at its end */
    DURATION,
    /** DHCP lease length in seconds, when the server logs it */
    LEASE_SECONDS,
    /** the host name a DHCP client gave */
    CLIENT_HOST,
    /** the device's interface (or wireless interface) the event happened on */
    INTERFACE,
    /** name of the dialect that extracted these fields */
    DIALECT;

    private static final Field[] VALUES = values();

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The field's name in the index, the API and documents: {@code src_ip}, {@code nat_src_port}, ... */
    public String key() {
        return key;
    }

    /** The field with this key, or null. */
    public static Field ofKey(String key) {
        for (Field f : VALUES) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    static int count() {
        return VALUES.length;
    }

    static Field at(int ordinal) {
        return VALUES[ordinal];
    }
}
