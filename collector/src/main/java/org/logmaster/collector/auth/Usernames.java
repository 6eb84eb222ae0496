package org.logmaster.collector.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** User names are case-insensitive: kept in lower case, 1-64 of a-z 0-9 . _ - . */
public final class Usernames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9._-]{1,64}");

    private Usernames() {}

    /** The stored form of {@code name}; IllegalArgumentException when it is not a valid user name. */
    public static String normalize(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a valid user name (use 1-64 of a-z 0-9 . _ -)");
        }
        return lower;
    }
}
