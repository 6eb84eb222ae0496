package org.logmaster.collector.parse.dialect;

import java.util.Locale;

/**
 * Brings vendor spellings of addresses, ports, protocols and actions to the one form
 * {@link org.logmaster.collector.parse.Field} documents. Each method returns null for a value
 * that is not what it should be ("N/A", "-", garbage), so that no field ever holds a
 * placeholder.
 */
final class Normalize {
    private Normalize() {}

    /** {@code 3C:22:FB:00:11:22}, {@code 3c-22-fb-00-11-22}, {@code 3c22.fb00.1122}, {@code 3c22fb001122} → {@code 3c:22:fb:00:11:22}. */
    static String mac(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n != 12 && n != 14 && n != 17) {
            return null;
        }
        char[] out = new char[17];
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '-' || c == '.') {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0 || digits == 12) {
                return null;
            }
            int at = digits / 2 * 3 + digits % 2;
            out[at] = Character.forDigit(v, 16);
            digits++;
        }
        if (digits != 12) {
            return null;
        }
        for (int i = 2; i < 17; i += 3) {
            out[i] = ':';
        }
        return new String(out);
    }

    /** An IPv4 or IPv6 address (IPv6 in lower case, a {@code %zone} dropped), or null. */
    static String ip(String s) {
        if (s == null || s.isEmpty() || s.length() > 45) {
            return null;
        }
        int percent = s.indexOf('%');
        if (percent > 0) {
            s = s.substring(0, percent);
        }
        return s.indexOf(':') >= 0 ? ipv6(s) : ipv4(s) ? s : null;
    }

    private static boolean ipv4(String s) {
        int parts = 0;
        int value = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.' && value >= 0) {
                parts++;
                value = -1;
            } else {
                return false;
            }
        }
        return value >= 0 && parts == 3;
    }

    private static String ipv6(String s) {
        int colons = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
            } else if (Character.digit(c, 16) < 0 && c != '.') {
                return null;
            }
        }
        return colons >= 2 ? s.toLowerCase(Locale.ROOT) : null;
    }

    /** 0..65535 as written, or null. */
    static String port(String s) {
        return number(s, 5) != null && Integer.parseInt(s) <= 65_535 ? s : null;
    }

    /** Decimal digits (at most {@code maxDigits}), or null. */
    static String number(String s, int maxDigits) {
        if (s == null || s.isEmpty() || s.length() > maxDigits) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return s;
    }

    /** Decimal digits of any length that fits a long (byte counts), or null. */
    static String count(String s) {
        return number(s, 18);
    }

    /** The sum of two byte counts, either of which may be missing. */
    static String sum(String a, String b) {
        String x = count(a);
        String y = count(b);
        if (x == null || y == null) {
            return x != null ? x : y;
        }
        return Long.toString(Long.parseLong(x) + Long.parseLong(y));
    }

    /** IP protocol: numbers of the common protocols become names, names become lower case. */
    static String protocol(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return switch (s) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "ipv6-icmp";
            case "47" -> "gre";
            case "50" -> "esp";
            case "51" -> "ah";
            case "132" -> "sctp";
            default -> {
                String lower = s.toLowerCase(Locale.ROOT);
                yield lower.equals("icmpv6") ? "ipv6-icmp" : lower;
            }
        };
    }

    /** allow or deny for the many vendor words; other words kept in lower case. */
    static String action(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "accept", "accepted", "allow", "allowed", "pass", "permit", "permitted", "est-allowed", "start",
                 "close", "timeout", "server-rst", "client-rst" -> "allow";
            case "deny", "denied", "block", "blocked", "drop", "dropped", "reject", "rejected" -> "deny";
            default -> lower;
        };
    }

    /** ASA and similar durations {@code h:mm:ss} (hours may exceed 24, or be {@code 1d2h}-free digits) → seconds. */
    static String hms(String s) {
        if (s == null) {
            return null;
        }
        long total = 0;
        long part = -1;
        int colons = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = (part < 0 ? 0 : part * 10) + (c - '0');
                if (part > 1_000_000_000L) {
                    return null;
                }
            } else if (c == ':' && part >= 0) {
                total = total * 60 + part;
                part = -1;
                colons++;
            } else {
                return null;
            }
        }
        return part < 0 || colons == 0 || colons > 2 ? null : Long.toString(total * 60 + part);
    }

    /** {@code DHCPACK} → {@code dhcp_ack} for the DHCPv4 message types; null for anything else. */
    static String dhcpEvent(String verb) {
        return switch (verb) {
            case "DHCPDISCOVER" -> "dhcp_discover";
            case "DHCPOFFER" -> "dhcp_offer";
            case "DHCPREQUEST" -> "dhcp_request";
            case "DHCPACK" -> "dhcp_ack";
            case "DHCPNAK" -> "dhcp_nak";
            case "DHCPRELEASE" -> "dhcp_release";
            case "DHCPDECLINE" -> "dhcp_decline";
            case "DHCPINFORM" -> "dhcp_inform";
            default -> null;
        };
    }
}
