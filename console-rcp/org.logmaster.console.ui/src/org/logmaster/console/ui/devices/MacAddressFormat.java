package org.logmaster.console.ui.devices;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a MAC address as typed in the Register dialog, in the forms the API accepts
 * ({@code 00:1a:2b:3c:4d:5e}, {@code 00-1A-2B-3C-4D-5E}, {@code 001a.2b3c.4d5e},
 * {@code 001a2b3c4d5e}), so that the operator sees a mistake while typing. The collector checks
 * again and has the last word; its message is shown when it disagrees.
 */
final class MacAddressFormat {

    private static final Pattern SEPARATED = Pattern.compile("\\p{XDigit}{2}([:-])\\p{XDigit}{2}(\\1\\p{XDigit}{2}){4}");
    private static final Pattern DOTTED = Pattern.compile("\\p{XDigit}{4}\\.\\p{XDigit}{4}\\.\\p{XDigit}{4}");
    private static final Pattern BARE = Pattern.compile("\\p{XDigit}{12}");

    private MacAddressFormat() {
    }

    /** Why the text is not a MAC address a device can have, or empty when it is one. */
    static Optional<String> problem(String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return Optional.of("Enter the device's MAC address.");
        }
        if (!SEPARATED.matcher(text).matches() && !DOTTED.matcher(text).matches() && !BARE.matcher(text).matches()) {
            return Optional.of("A MAC address looks like 00:1a:2b:3c:4d:5e, 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e or 001a2b3c4d5e.");
        }
        String hex = digits(text);
        if (hex.equals("000000000000")) {
            return Optional.of("00:00:00:00:00:00 is not a device's address.");
        }
        if (hex.equals("ffffffffffff")) {
            return Optional.of("ff:ff:ff:ff:ff:ff is the broadcast address, not a device's.");
        }
        if ((HexFormat.fromHexDigits(hex, 0, 2) & 1) == 1) {
            return Optional.of("This is a multicast address (the first byte is odd), not a device's.");
        }
        return Optional.empty();
    }

    /** The API's stored form, lower case with colons; only for text without a {@link #problem}. */
    static String normalized(String typed) {
        String hex = digits(typed.strip());
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
    }
}
