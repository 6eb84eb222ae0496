package org.logmaster.collector.enrich;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A unicast Ethernet MAC address in its normalized form: lower case, colon-separated
 * ("00:1a:2b:3c:4d:5e"). {@link #parse} also accepts 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e and
 * 001a2b3c4d5e, and refuses the all-zero, broadcast and multicast addresses, which no single
 * device owns.
 */
public record MacAddress(String value) {
    private static final Pattern NORMAL = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern COLONS_OR_DASHES = Pattern.compile("[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");
    private static final Pattern CISCO = Pattern.compile("[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}");
    private static final Pattern BARE = Pattern.compile("[0-9a-f]{12}");

    public MacAddress {
        if (value == null || !NORMAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a normalized MAC address: '" + value + "'");
        }
    }

    /** Parses any accepted spelling; IllegalArgumentException saying what is wrong otherwise. */
    public static MacAddress parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String hex;
        if (COLONS_OR_DASHES.matcher(s).matches()) {
            hex = s.replace(":", "").replace("-", "");
        } else if (CISCO.matcher(s).matches()) {
            hex = s.replace(".", "");
        } else if (BARE.matcher(s).matches()) {
            hex = s;
        } else {
            throw new IllegalArgumentException("not a MAC address: '" + abbreviate(text)
                    + "' (expected six hex pairs such as 00:1a:2b:3c:4d:5e)");
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (hex.equals("000000000000")) {
            throw new IllegalArgumentException("00:00:00:00:00:00 is not a device's MAC address");
        }
        if ((bytes[0] & 0x01) != 0) {
            throw new IllegalArgumentException("'" + text.strip() + "' is a multicast or broadcast address, not a device's");
        }
        return new MacAddress(HexFormat.ofDelimiter(":").formatHex(bytes));
    }

    /** The 12 hex digits without separators. */
    public String hex() {
        return value.replace(":", "");
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
