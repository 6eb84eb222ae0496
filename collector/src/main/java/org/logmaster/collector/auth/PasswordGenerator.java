package org.logmaster.collector.auth;

import java.security.SecureRandom;

/**
 * Passwords the collector hands out (first administrator, resets): four groups of five
 * characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 116 bits.
 */
public final class PasswordGenerator {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();

    public String generate() {
        StringBuilder out = new StringBuilder(23);
        for (int group = 0; group < 4; group++) {
            if (group > 0) out.append('-');
            for (int i = 0; i < 5; i++) {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }
}
