package org.logmaster.collector.auth;

/** What a password must be. Length is what matters (NIST SP 800-63B): no composition rules. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {}

    /** Throws IllegalArgumentException naming the rule {@code password} breaks. */
    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("password too short: at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password too long: at most " + MAX_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("password must differ from the user name");
        }
    }
}
