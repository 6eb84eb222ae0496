package org.logmaster.collector.enrich;

import java.util.regex.Pattern;

/**
 * A device identifier: the name of the device's folder under {@code <data>/logs}. Only
 * lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64
 * characters, so that no identifier can name a path outside the data folder.
 */
public record DeviceId(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public DeviceId {
        if (value == null || !VALID.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("not a valid device id: '" + value
                    + "' (use 1-64 of a-z 0-9 . _ -, starting with a letter or digit)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches() && !value.contains("..");
    }

    @Override
    public String toString() {
        return value;
    }
}
